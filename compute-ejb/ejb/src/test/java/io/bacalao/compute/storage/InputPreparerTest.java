package io.bacalao.compute.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bacalao.compute.storage.inline.InlineStorage;
import io.bacalao.compute.storage.local.LocalStorage;
import io.bacalao.compute.storage.url.UrlDownloadStorage;
import io.bacalao.compute.testing.LoopbackHttpServer;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.SpecConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputPreparerTest {
    @TempDir
    Path temp;
    private Path root;
    private Path executionDir;
    private LoopbackHttpServer server;
    private final UrlDownloadStorage url = new UrlDownloadStorage(d -> { });
    private final RecordingStorage recording = new RecordingStorage();
    private final InputPreparer preparer = new InputPreparer(
            new Storages(List.of(url, new InlineStorage(), new LocalStorage(), recording), List.of()));

    @BeforeEach
    void start() throws IOException {
        root = temp.toRealPath();
        executionDir = root.resolve("compute/executions/e-1");
        server = new LoopbackHttpServer();
        server.serve("/weights.bin", exchange -> {
            byte[] body = "weights".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }

    @AfterEach
    void stop() {
        server.close();
        url.close();
    }

    @Test
    void eachInputGetsItsOwnDirectoryAndTheMountsComeBackInOrder() throws Exception {
        Path shared = Files.createDirectories(root.resolve("shared"));
        String weights = server.url("/weights.bin");
        List<InputSource> inputs = List.of(
                input("inline", Map.of("URL", "data:,config"), "/config.txt"),
                input("urlDownload", Map.of("URL", weights), "/models"),
                input("local", Map.of("SourcePath", shared.toString(), "ReadWrite", "true"), "/shared"));

        List<Mount> mounts = preparer.prepare(inputs, executionDir,
                new InputSettings(3, Duration.ofSeconds(10), List.of(shared + ":rw")));

        Path in = executionDir.resolve("inputs");
        assertEquals(List.of(
                new Mount(in.resolve("0/data"), "/config.txt", false),
                new Mount(in.resolve("1/weights.bin"), "/models/weights.bin", false),
                Mount.allowListed(shared, "/shared", true)), mounts);
        assertEquals("config", Files.readString(mounts.get(0).hostPath()));
        assertEquals("weights", Files.readString(mounts.get(1).hostPath()));
    }

    @Test
    void storagesGetTheSettingsAndAFreshDirectoryPerInput() throws Exception {
        InputSettings settings = new InputSettings(7, Duration.ofSeconds(42), List.of("/data:rw"));

        preparer.prepare(List.of(input("recording", Map.of(), "/a"), input("RECORDING", Map.of(), "/b")), executionDir, settings);

        assertEquals(List.of(
                new StorageContext(executionDir.resolve("inputs/0"), 7, Duration.ofSeconds(42), List.of("/data:rw")),
                new StorageContext(executionDir.resolve("inputs/1"), 7, Duration.ofSeconds(42), List.of("/data:rw"))),
                recording.contexts);
        assertEquals(List.of(true, true), recording.dirExisted);
    }

    @Test
    void anUnknownTypeFailsBeforeAnythingIsFetched() {
        List<InputSource> inputs = List.of(
                input("recording", Map.of(), "/a"),
                input("ipfs", Map.of("CID", "QmXyz"), "/b"));

        StorageException e = assertThrows(StorageException.class,
                () -> preparer.prepare(inputs, executionDir, new InputSettings(3, Duration.ofMinutes(5), List.of())));

        assertEquals("no storage for input type \"ipfs\"", e.getMessage());
        assertEquals(List.of(), recording.contexts);
        assertFalse(Files.exists(executionDir.resolve("inputs")));
    }

    @Test
    void noInputsMeansNoMounts() throws Exception {
        assertEquals(List.of(), preparer.prepare(List.of(), executionDir, new InputSettings(3, Duration.ofMinutes(5), List.of())));
    }

    private static InputSource input(String type, Map<String, Object> params, String target) {
        return new InputSource(SpecConfig.of(type, params), "", target);
    }

    /** Remembers what it was given; mounts its input directory. */
    private static final class RecordingStorage implements InputStorage {
        final List<StorageContext> contexts = new ArrayList<>();
        final List<Boolean> dirExisted = new ArrayList<>();

        @Override
        public String type() {
            return "recording";
        }

        @Override
        public Mount prepare(InputSource input, StorageContext context) {
            contexts.add(context);
            dirExisted.add(Files.isDirectory(context.inputDir()));
            return new Mount(context.inputDir(), input.target(), false);
        }
    }
}
