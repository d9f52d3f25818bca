package io.bacalao.domain.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.SpecConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The legacy wasm form (modules as InputSource objects) becomes inputs named by Target (reference §2.3). */
class LegacyWasmModulesTest {
    private static Job read(String engine) {
        return JobReader.readFile("{\"Type\":\"batch\",\"Tasks\":[{\"Name\":\"main\",\"Engine\":" + engine
                + ",\"InputSources\":[{\"Source\":{\"Type\":\"urlDownload\",\"Params\":{\"URL\":\"http://h/data\"}},\"Target\":\"/inputs\"}]}]}");
    }

    @Test
    void legacyModulesBecomeInputsAtTheDefaultTargets() {
        Job job = LegacyWasmModules.convert(read("""
                {"Type":"wasm","Params":{
                  "EntryModule":{"Source":{"Type":"urlDownload","Params":{"URL":"http://h/main.wasm"}}},
                  "EntryPoint":"run","Parameters":["a","b"],
                  "ImportModules":[{"Source":{"Type":"inline","Params":{"URL":"data:,x"}}},
                                   {"Source":{"Type":"urlDownload","Params":{"URL":"http://h/lib.wasm"}},"Target":"/lib/x.wasm"}]}}"""));
        SpecConfig engine = job.task().engine();
        assertEquals("/wasm/entry.wasm", engine.param("EntryModule"));
        assertEquals(List.of("/wasm/imports/module_0.wasm", "/lib/x.wasm"), engine.listParam("ImportModules"));
        assertEquals("run", engine.param("Entrypoint"), "EntryPoint is kept; params match case-insensitively");
        assertEquals(List.of("a", "b"), engine.listParam("Parameters"));
        List<String> targets = job.task().inputSources().stream().map(InputSource::target).toList();
        assertEquals(List.of("/inputs", "/wasm/entry.wasm", "/wasm/imports/module_0.wasm", "/lib/x.wasm"), targets);
        assertEquals("http://h/main.wasm", job.task().inputSources().get(1).source().param("URL"));
    }

    @Test
    void theCurrentFormIsLeftAlone() {
        Job job = read("{\"Type\":\"wasm\",\"Params\":{\"EntryModule\":\"/inputs\",\"ImportModules\":[\"/lib.wasm\"]}}");
        assertSame(job, LegacyWasmModules.convert(job));
    }

    @Test
    void otherEnginesAreLeftAlone() {
        Job job = read("{\"Type\":\"docker\",\"Params\":{\"EntryModule\":{\"Source\":{\"Type\":\"inline\"}}}}");
        assertSame(job, LegacyWasmModules.convert(job));
    }

    @Test
    void aLegacyModuleWithoutSourceIsRefused() {
        Job job = read("{\"Type\":\"wasm\",\"Params\":{\"EntryModule\":{\"Target\":\"/x.wasm\"}}}");
        assertThrows(SpecException.class, () -> LegacyWasmModules.convert(job));
    }

    @Test
    void theOrchestratorConvertsAtSubmit() {
        Job job = new SubmissionPreparer(JobDefaults.standard(), "n-o").prepare(read(
                "{\"Type\":\"wasm\",\"Params\":{\"EntryModule\":{\"Source\":{\"Type\":\"inline\",\"Params\":{\"URL\":\"data:,x\"}}}}}")).job();
        assertEquals("/wasm/entry.wasm", job.task().engine().param("EntryModule"));
        assertEquals(2, job.task().inputSources().size());
    }
}
