package io.bacalao.compute.capacity.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.domain.model.GpuInfo;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NvidiaSmiTest {
    private static final GpuInfo H200 = new GpuInfo(0, "NVIDIA H200", "NVIDIA", 143771, "00000000:00:06.0");
    private final NvidiaSmi nvidia = new NvidiaSmi();

    @Test
    void runsTheQueryWithoutHeaderOrUnits() {
        assertEquals(List.of("nvidia-smi", "--query-gpu=index,gpu_name,memory.total,pci.bus_id",
                "--format=csv,noheader,nounits"), nvidia.command());
        assertEquals("NVIDIA", nvidia.vendor());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nvidia-smi-query-noheader-nounits.csv", "nvidia-smi-query.csv"})
    void readsTheRecordedH200FromBothCsvShapes(String fixture) {
        List<GpuInfo> gpus = nvidia.parse(Fixtures.read(fixture));

        assertEquals(List.of(H200), gpus);
        assertTrue(gpus.get(0).name().contains("H200"));
    }

    @Test
    void agreesWithWhatTheOtherRecordedOutputsSayAboutTheSameMachine() {
        GpuInfo gpu = nvidia.parse(Fixtures.read("nvidia-smi-query-noheader-nounits.csv")).get(0);
        String xml = Fixtures.read("nvidia-smi-q.xml");
        String list = Fixtures.read("nvidia-smi-L.txt");
        String table = Fixtures.read("nvidia-smi.txt");

        assertEquals("1", find(xml, "<attached_gpus>(\\d+)</attached_gpus>"));
        assertEquals(gpu.pciAddress(), find(xml, "<gpu id=\"([^\"]+)\">"));
        assertEquals(gpu.name(), find(xml, "<product_name>([^<]+)</product_name>"));
        assertEquals(gpu.memory() + " MiB", find(xml, "<fb_memory_usage>\\s*<total>([^<]+)</total>"));

        assertEquals(1, list.lines().filter(l -> l.startsWith("GPU ")).count());
        assertEquals("GPU " + gpu.index() + ": " + gpu.name(), find(list, "^(GPU \\d+: [^(]+?) \\("));

        assertEquals(gpu.index() + " " + gpu.name() + " " + gpu.pciAddress(),
                find(table, "\\|\\s+(\\d+\\s+NVIDIA H200)\\s+On\\s+\\|\\s+(\\S+)", 1, 2).replaceAll("\\s+", " "));
        assertEquals(gpu.memory() + "MiB", find(table, "/\\s+(\\d+MiB)\\s+\\|"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nvidia-smi.txt", "nvidia-smi-L.txt", "nvidia-smi-q.xml"})
    void rejectsTheHumanReadableOutputsRatherThanGuessing(String fixture) {
        assertThrows(IllegalArgumentException.class, () -> nvidia.parse(Fixtures.read(fixture)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "\n", "  \r\n\n"})
    void blankOutputMeansNoGpus(String output) {
        assertEquals(List.of(), nvidia.parse(output));
    }

    @Test
    void readsEveryLineOfAMultiGpuMachineKeepingTheToolsIndices() {
        String out = "0, NVIDIA A100-SXM4-80GB, 81920, 00000000:07:00.0\r\n"
                + "1, NVIDIA A100-SXM4-80GB, 81920, 00000000:0F:00.0\r\n";

        List<GpuInfo> gpus = nvidia.parse(out);

        assertEquals(List.of(0L, 1L), gpus.stream().map(GpuInfo::index).toList());
        assertEquals("00000000:0F:00.0", gpus.get(1).pciAddress());
    }

    @Test
    void findsColumnsByHeaderNameWhateverTheirOrder() {
        String out = "pci.bus_id, memory.total [MiB], gpu_name, index\n00000000:00:1E.0, 15360 MiB, Tesla T4, 3\n";

        assertEquals(List.of(new GpuInfo(3, "Tesla T4", "NVIDIA", 15360, "00000000:00:1E.0")), nvidia.parse(out));
    }

    @Test
    void memoryTheDriverCannotReportCountsAsZero() {
        assertEquals(0, nvidia.parse("0, NVIDIA H200, [N/A], 00000000:00:06.0").get(0).memory());
    }

    @Test
    void malformedOutputIsRejectedWithTheOffendingLine() {
        var badMemory = assertThrows(IllegalArgumentException.class,
                () -> nvidia.parse("0, NVIDIA H200, 140 GiB, 00000000:00:06.0"));
        var tooFewFields = assertThrows(IllegalArgumentException.class,
                () -> nvidia.parse("0, NVIDIA H200, 143771, 00000000:00:06.0\n1, NVIDIA H200"));
        var noIndexColumn = assertThrows(IllegalArgumentException.class,
                () -> nvidia.parse("name, memory.total [MiB], pci.bus_id\nNVIDIA H200, 143771 MiB, 0000:00:06.0"));

        assertTrue(badMemory.getMessage().contains("memory.total"), badMemory.getMessage());
        assertTrue(tooFewFields.getMessage().endsWith("1, NVIDIA H200"), tooFewFields.getMessage());
        assertTrue(noIndexColumn.getMessage().contains("column index"), noIndexColumn.getMessage());
    }

    private static String find(String text, String regex) {
        return find(text, regex, 1);
    }

    private static String find(String text, String regex, int... groups) {
        Matcher m = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertTrue(m.find(), "no " + regex);
        StringBuilder found = new StringBuilder();
        for (int g : groups) {
            found.append(found.isEmpty() ? "" : " ").append(m.group(g));
        }
        return found.toString();
    }
}
