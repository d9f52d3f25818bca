package io.bacalao.compute.storage.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.storage.Mount;
import io.bacalao.compute.storage.StorageContext;
import io.bacalao.compute.storage.StorageException;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.SpecConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStorageTest {
    @TempDir
    Path temp;
    private Path root;
    private Path allowed;
    private Path outside;
    private final LocalStorage storage = new LocalStorage();

    @BeforeEach
    void hostFiles() throws IOException {
        root = temp.toRealPath();
        allowed = Files.createDirectories(root.resolve("allowed"));
        Files.writeString(allowed.resolve("data.txt"), "data");
        Files.createDirectories(allowed.resolve("deep/er"));
        Files.writeString(allowed.resolve("deep/er/table.csv"), "a,b");
        outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(root.resolve("allowed-not"));
    }

    @Test
    void aPathBelowAnAllowedDirectoryIsMountedReadOnly() throws Exception {
        Mount mount = storage.prepare(local(allowed.resolve("data.txt"), null, null), allowing(allowed.toString()));

        assertEquals(Mount.allowListed(allowed.resolve("data.txt"), "/data", false), mount);
    }

    @Test
    void theAllowedDirectoryItselfIsAllowed() throws Exception {
        Mount mount = storage.prepare(local(allowed, null, null), allowing(allowed + "/"));

        assertEquals(allowed, mount.hostPath());
    }

    @Test
    void anAllowedDirectoryIsNotAPrefixOfItsSiblingsNames() {
        StorageException e = assertThrows(StorageException.class,
                () -> storage.prepare(local(root.resolve("allowed-not"), null, null), allowing(allowed.toString())));

        assertEquals("local path " + root.resolve("allowed-not")
                + " is not in the compute node's allow-list (Compute.AllowListedLocalPaths)", e.getMessage());
    }

    @Test
    void aPathOutsideTheAllowListIsRefused() {
        Path secret = outside.resolve("secret.txt");

        StorageException e = assertThrows(StorageException.class,
                () -> storage.prepare(local(secret, null, null), allowing(allowed.toString())));

        assertEquals("local path " + secret + " is not in the compute node's allow-list (Compute.AllowListedLocalPaths)",
                e.getMessage());
    }

    @Test
    void withoutAnAllowListNothingIsAllowed() {
        StorageException e = assertThrows(StorageException.class,
                () -> storage.prepare(local(allowed, null, null), allowing()));

        assertTrue(e.getMessage().endsWith("is not in the compute node's allow-list (Compute.AllowListedLocalPaths)"));
    }

    @Test
    void globsMatchWithinASegmentAndDoubleStarAcrossSegments() throws Exception {
        StorageContext singleStar = allowing(root + "/allow*");
        assertEquals(allowed.resolve("data.txt"), storage.prepare(local(allowed.resolve("data.txt"), null, null), singleStar).hostPath());
        assertThrows(StorageException.class, () -> storage.prepare(local(outside, null, null), singleStar));

        StorageContext csvAnywhere = allowing(root + "/**/*.csv");
        Path table = allowed.resolve("deep/er/table.csv");
        assertEquals(table, storage.prepare(local(table, null, null), csvAnywhere).hostPath());
        assertThrows(StorageException.class, () -> storage.prepare(local(allowed.resolve("data.txt"), null, null), csvAnywhere));

        StorageContext oneChar = allowing(root + "/allowe?/data.tx?");
        assertEquals(allowed.resolve("data.txt"), storage.prepare(local(allowed.resolve("data.txt"), null, null), oneChar).hostPath());
    }

    @Test
    void aTrailingDoubleStarAllowsTheDirectoryItself() throws Exception {
        assertEquals(allowed, storage.prepare(local(allowed, null, null), allowing(allowed + "/**")).hostPath());
    }

    @Test
    void writeAccessNeedsAnRwEntry() throws Exception {
        StorageException ro = assertThrows(StorageException.class,
                () -> storage.prepare(local(allowed, true, null), allowing(allowed + ":ro")));
        assertEquals("volume " + allowed + " is not granted write access", ro.getMessage());
        assertThrows(StorageException.class, () -> storage.prepare(local(allowed, true, null), allowing(allowed.toString())));

        assertEquals(Mount.allowListed(allowed, "/data", true),
                storage.prepare(local(allowed, "true", null), allowing(allowed + ":rw")));
        assertEquals(Mount.allowListed(allowed, "/data", false),
                storage.prepare(local(allowed, false, null), allowing(allowed + ":rw")));
    }

    @Test
    void anyMatchingRwEntryGrantsWrite() throws Exception {
        StorageContext both = allowing(root + ":ro", allowed + ":RW");

        assertTrue(storage.prepare(local(allowed.resolve("data.txt"), true, null), both).readWrite());
    }

    @Test
    void aSymlinkInsideAnAllowedDirectoryCannotReachOutside() throws Exception {
        Files.createSymbolicLink(allowed.resolve("escape"), outside);
        Files.createSymbolicLink(allowed.resolve("secret-link"), outside.resolve("secret.txt"));

        for (Path p : List.of(allowed.resolve("escape"), allowed.resolve("escape/secret.txt"), allowed.resolve("secret-link"))) {
            StorageException e = assertThrows(StorageException.class,
                    () -> storage.prepare(local(p, null, null), allowing(allowed.toString())));
            assertEquals("local path " + p + " is not in the compute node's allow-list (Compute.AllowListedLocalPaths)",
                    e.getMessage());
        }
    }

    @Test
    void aSymlinkPointingIntoAnAllowedDirectoryMountsItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(outside.resolve("to-data"), allowed.resolve("data.txt"));

        assertEquals(allowed.resolve("data.txt"), storage.prepare(local(link, null, null), allowing(allowed.toString())).hostPath());
    }

    @Test
    void dotDotCannotClimbOutOfAnAllowedDirectory() {
        Path sneaky = Path.of(allowed + "/../outside/secret.txt");

        assertThrows(StorageException.class, () -> storage.prepare(local(sneaky, null, null), allowing(allowed.toString())));
    }

    @Test
    void createAsDirMakesAMissingDirectoryWhenWritable() throws Exception {
        Path fresh = allowed.resolve("new/results");

        Mount mount = storage.prepare(local(fresh, true, "dir"), allowing(allowed + ":rw"));

        assertEquals(Mount.allowListed(fresh, "/data", true), mount);
        assertTrue(Files.isDirectory(fresh));
    }

    @Test
    void createAsFileMakesAnEmptyFileWhenWritable() throws Exception {
        Path fresh = allowed.resolve("logs/run.log");

        Mount mount = storage.prepare(local(fresh, "TRUE", "File"), allowing(allowed + ":rw"));

        assertEquals(fresh, mount.hostPath());
        assertTrue(Files.isRegularFile(fresh));
        assertEquals(0, Files.size(fresh));
    }

    @Test
    void createAsWithoutReadWriteCreatesNothing() {
        Path fresh = allowed.resolve("new");

        StorageException e = assertThrows(StorageException.class,
                () -> storage.prepare(local(fresh, null, "dir"), allowing(allowed + ":rw")));

        assertEquals("local path " + fresh + " does not exist (CreateAs \"dir\" needs ReadWrite)", e.getMessage());
        assertFalse(Files.exists(fresh));
    }

    @Test
    void aMissingPathIsAnErrorByDefaultAndWithNoCreate() {
        Path missing = allowed.resolve("missing");
        for (String createAs : new String[] {null, "noCreate"}) {
            StorageException e = assertThrows(StorageException.class,
                    () -> storage.prepare(local(missing, true, createAs), allowing(allowed + ":rw")));
            assertEquals("local path " + missing + " does not exist", e.getMessage());
        }
        assertFalse(Files.exists(missing));
    }

    @Test
    void nothingIsCreatedOutsideTheAllowList() {
        Path fresh = outside.resolve("new");

        assertThrows(StorageException.class, () -> storage.prepare(local(fresh, true, "dir"), allowing(allowed + ":rw")));
        assertFalse(Files.exists(fresh));
    }

    @Test
    void nothingIsCreatedThroughALinkPointingOutside() throws Exception {
        Files.createSymbolicLink(allowed.resolve("escape"), outside);
        Path fresh = allowed.resolve("escape/new");

        assertThrows(StorageException.class, () -> storage.prepare(local(fresh, true, "dir"), allowing(allowed + ":rw")));
        assertFalse(Files.exists(outside.resolve("new")));
    }

    @Test
    void nothingIsCreatedThroughADanglingLink() throws Exception {
        Path nowhere = outside.resolve("nowhere");
        Files.createSymbolicLink(allowed.resolve("dangling"), nowhere);

        for (String createAs : List.of("dir", "file")) {
            for (Path p : List.of(allowed.resolve("dangling"), allowed.resolve("dangling/new"))) {
                StorageException e = assertThrows(StorageException.class,
                        () -> storage.prepare(local(p, true, createAs), allowing(allowed + ":rw")));
                assertTrue(e.getMessage().startsWith("cannot create local path " + p), e.getMessage());
            }
        }
        assertFalse(Files.exists(nowhere));
    }

    @Test
    void badParamsAreExplained() {
        StorageContext ctx = allowing(allowed + ":rw");
        assertEquals("local path relative/path must be absolute", assertThrows(StorageException.class,
                () -> storage.prepare(input(Map.of("SourcePath", "relative/path")), ctx)).getMessage());
        assertEquals("local input for /data has no SourcePath", assertThrows(StorageException.class,
                () -> storage.prepare(input(Map.of()), ctx)).getMessage());
        assertEquals("local input for /data has CreateAs \"folder\"; use dir, file or noCreate", assertThrows(StorageException.class,
                () -> storage.prepare(local(allowed.resolve("x"), true, "folder"), ctx)).getMessage());
    }

    @Test
    void theBidderCanAskForTheAllowListVerdictEarly() {
        LocalStorage configured = new LocalStorage(List.of(allowed + ":ro"));

        assertEquals(Optional.empty(), configured.refusal(local(allowed.resolve("data.txt"), null, null)));
        assertEquals(Optional.of("local path " + outside + " is not in the compute node's allow-list (Compute.AllowListedLocalPaths)"),
                configured.refusal(local(outside, null, null)));
        assertEquals(Optional.of("volume " + allowed + " is not granted write access"),
                configured.refusal(local(allowed, true, null)));
        assertTrue(new LocalStorage().refusal(local(allowed, null, null)).isPresent());
    }

    @Test
    void localDirectoryIsTheSameStorageUnderItsOldName() throws Exception {
        LocalDirectoryStorage old = new LocalDirectoryStorage(List.of(allowed.toString()));

        assertEquals("localDirectory", old.type());
        assertEquals(Mount.allowListed(allowed, "/data", false), old.prepare(local(allowed, null, null), allowing(allowed.toString())));
        assertTrue(old.refusal(local(outside, null, null)).isPresent());
    }

    private StorageContext allowing(String... entries) {
        return new StorageContext(root.resolve("exec/inputs/0"), 3, Duration.ofMinutes(5), List.of(entries));
    }

    private static InputSource local(Path path, Object readWrite, String createAs) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("SourcePath", path.toString());
        if (readWrite != null) params.put("ReadWrite", readWrite);
        if (createAs != null) params.put("CreateAs", createAs);
        return input(params);
    }

    private static InputSource input(Map<String, Object> params) {
        return new InputSource(SpecConfig.of("local", params), "", "/data");
    }
}
