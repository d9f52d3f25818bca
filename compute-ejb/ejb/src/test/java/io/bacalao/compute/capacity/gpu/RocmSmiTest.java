package io.bacalao.compute.capacity.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.GpuInfo;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RocmSmiTest {
    private final RocmSmi rocm = new RocmSmi();

    @Test
    void asksForProductNameVramAndBusAsJson() {
        assertEquals(List.of("rocm-smi", "--showproductname", "--showmeminfo", "vram", "--showbus", "--json"),
                rocm.command());
        assertEquals("AMD/ATI", rocm.vendor());
    }

    @Test
    void readsTwoMi210sAsRocm5PrintsThem() {
        assertEquals(List.of(
                new GpuInfo(0, "Instinct MI210", "AMD/ATI", 65520, "0000:03:00.0"),
                new GpuInfo(1, "Instinct MI210", "AMD/ATI", 65520, "0000:83:00.0")),
                rocm.parse(Fixtures.read("rocm-smi-5-sample.json")));
    }

    @Test
    void readsRocm6CapitalisedKeys() {
        assertEquals(List.of(new GpuInfo(0, "AMD Instinct MI300X", "AMD/ATI", 196592, "0000:0C:00.0")),
                rocm.parse(Fixtures.read("rocm-smi-6-sample.json")));
    }

    @Test
    void takesTheIndexFromTheCardKeyAndIgnoresOtherMembers() {
        String out = """
                {"card2": {"Card model": "0x744c", "VRAM Total Memory (B)": "25753026560",
                           "PCI Bus": "0000:09:00.0 --> SN: 01-000206 --> OAM ID: 1"},
                 "system": {"Driver version": "6.7.0"}}""";

        assertEquals(List.of(new GpuInfo(2, "0x744c", "AMD/ATI", 24560, "0000:09:00.0")), rocm.parse(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " \n", "{}"})
    void noOutputOrNoCardsMeansNoGpus(String output) {
        assertEquals(List.of(), rocm.parse(output));
    }

    @Test
    void malformedOutputIsRejected() {
        var notJson = assertThrows(IllegalArgumentException.class, () -> rocm.parse("WARNING: no amdgpu"));
        var noVram = assertThrows(IllegalArgumentException.class,
                () -> rocm.parse("{\"card0\": {\"Card series\": \"Instinct MI210\"}}"));
        var badVram = assertThrows(IllegalArgumentException.class,
                () -> rocm.parse("{\"card0\": {\"Card series\": \"X\", \"VRAM Total Memory (B)\": \"N/A\"}}"));

        assertTrue(notJson.getMessage().contains("not JSON"), notJson.getMessage());
        assertTrue(noVram.getMessage().contains("card0"), noVram.getMessage());
        assertTrue(badVram.getMessage().contains("N/A"), badVram.getMessage());
    }
}
