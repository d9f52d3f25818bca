package io.bacalao.compute.bidding.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Locality=local refuses jobs with inputs that must be downloaded, and counts them. */
class InputLocalityStrategyTest {
    private final InputLocalityStrategy local = new InputLocalityStrategy(Locality.LOCAL, in -> in.source().is("inline"));

    @Test
    void remoteInputsAreCounted() {
        assertEquals(Optional.of("this node does not have all input data locally (2 inputs require downloading)"),
                local.refusal(Jobs.withInputs(Jobs.input("urlDownload", "/a"), Jobs.input("inline", "/b"),
                        Jobs.input("s3", "/c"))));
    }

    @Test
    void localInputsAndNoInputsPass() {
        assertEquals(Optional.empty(), local.refusal(Jobs.withInputs(Jobs.input("inline", "/b"))));
        assertEquals(Optional.empty(), local.refusal(Jobs.noop()));
    }

    @Test
    void anywhereTakesEverything() {
        assertEquals(Optional.empty(), new InputLocalityStrategy(Locality.ANYWHERE, in -> false)
                .refusal(Jobs.withInputs(Jobs.input("urlDownload", "/a"))));
    }

    @Test
    void theSettingIsParsedStrictly() {
        assertEquals(Locality.LOCAL, Locality.parse(" Local "));
        assertEquals(Locality.ANYWHERE, Locality.parse(""));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Locality.parse("nearby"));
        assertEquals("JobAdmissionControl.Locality must be \"local\" or \"anywhere\", not \"nearby\"", e.getMessage());
    }
}
