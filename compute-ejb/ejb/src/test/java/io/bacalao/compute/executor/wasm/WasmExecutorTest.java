package io.bacalao.compute.executor.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bacalao.compute.executor.wasm.chicory.ChicoryRuntime;
import io.bacalao.domain.model.Job;
import io.bacalao.domain.model.NetworkConfig;
import io.bacalao.domain.model.NetworkType;
import io.bacalao.domain.model.SpecConfig;
import io.bacalao.domain.model.Task;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the wasm engine refuses at bidding. */
class WasmExecutorTest {
    private static Optional<String> refusal(NetworkType type) {
        Task task = Task.of("main", SpecConfig.of("wasm")).withNetwork(new NetworkConfig(type, null, null));
        Job job = new Job("j-1", "n", "default", "batch", 0, 1, null, null, null, List.of(task), null, 1, 1, 0, 0);
        return WasmExecutor.using(new ChicoryRuntime()).refusal(job);
    }

    @Test
    void jobsWithoutNetworkAreTaken() {
        assertEquals(Optional.empty(), refusal(NetworkType.Default));
        assertEquals(Optional.empty(), refusal(NetworkType.None));
    }

    @Test
    void jobsThatNeedTheNetworkAreRefusedWithAReason() {
        assertEquals(Optional.of("this node does not support networking for wasm jobs (network type Host)"), refusal(NetworkType.Host));
        assertEquals(Optional.of("this node does not support networking for wasm jobs (network type HTTP)"), refusal(NetworkType.HTTP));
    }
}
