package io.bacalao.compute.capacity.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.GpuInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XpuSmiTest {
    private static final String HEADER = "Device ID,Device Name,PCI BDF Address,Memory Physical Size\n";
    private final XpuSmi xpu = new XpuSmi();

    @Test
    void dumpsIdNameBdfAndMemory() {
        assertEquals(List.of("xpu-smi", "discovery", "--dump", "1,2,11,16"), xpu.command());
        assertEquals("Intel", xpu.vendor());
    }

    @Test
    void readsTwoMax1100s() {
        assertEquals(List.of(
                new GpuInfo(0, "Intel(R) Data Center GPU Max 1100", "Intel", 49152, "0000:29:00.0"),
                new GpuInfo(1, "Intel(R) Data Center GPU Max 1100", "Intel", 49152, "0000:9a:00.0")),
                xpu.parse(Fixtures.read("xpu-smi-discovery-dump-sample.csv")));
    }

    @Test
    void findsColumnsByLabelRoundsMemoryDownAndKeepsCommasInQuotes() {
        String out = "Memory Physical Size,Device ID,PCI BDF Address,Device Name\n"
                + "\"16256.75 MiB\",4,\"0000:4d:00.0\",\"Intel(R) Data Center GPU Flex 170, rev \"\"B\"\"\"\n";

        assertEquals(List.of(new GpuInfo(4, "Intel(R) Data Center GPU Flex 170, rev \"B\"", "Intel", 16256,
                "0000:4d:00.0")), xpu.parse(out));
    }

    @Test
    void skipsADeviceInABadStateThatHasNoId() {
        String out = HEADER + ",\"Intel(R) Graphics [0x0bd5]\",\"0000:3a:00.0\",\"\"\n"
                + "1,\"Intel(R) Data Center GPU Max 1550\",\"0000:9a:00.0\",\"\"\n";

        assertEquals(List.of(new GpuInfo(1, "Intel(R) Data Center GPU Max 1550", "Intel", 0, "0000:9a:00.0")),
                xpu.parse(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", HEADER})
    void noOutputOrOnlyAHeaderMeansNoGpus(String output) {
        assertEquals(List.of(), xpu.parse(output));
    }

    @Test
    void malformedOutputIsRejected() {
        var otherColumns = assertThrows(IllegalArgumentException.class,
                () -> xpu.parse("Device ID,Device Name,Vendor Name,Core Clock Rate\n0,\"x\",\"Intel\",\"2050 MHz\""));
        var badMemory = assertThrows(IllegalArgumentException.class,
                () -> xpu.parse(HEADER + "0,\"x\",\"0000:29:00.0\",\"lots MiB\""));
        var shortRow = assertThrows(IllegalArgumentException.class, () -> xpu.parse(HEADER + "0,\"x\""));
        var openQuote = assertThrows(IllegalArgumentException.class,
                () -> xpu.parse(HEADER + "0,\"x,\"0000:29:00.0\",\"1 MiB\""));

        assertTrue(otherColumns.getMessage().contains("PCI BDF Address"), otherColumns.getMessage());
        assertTrue(badMemory.getMessage().contains("lots"), badMemory.getMessage());
        assertTrue(shortRow.getMessage().contains("2 fields"), shortRow.getMessage());
        assertTrue(openQuote.getMessage().contains("quote"), openQuote.getMessage());
    }
}
