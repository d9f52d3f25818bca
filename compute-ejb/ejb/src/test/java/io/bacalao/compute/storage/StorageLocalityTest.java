package io.bacalao.compute.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.storage.inline.InlineStorage;
import io.bacalao.compute.storage.local.LocalStorage;
import io.bacalao.compute.storage.url.UrlDownloadStorage;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.SpecConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** For JobAdmissionControl.Locality=local: inline data and allow-listed host paths are local, downloads are not. */
class StorageLocalityTest {
    @TempDir
    Path tmp;

    private static InputSource input(String type, Map<String, Object> params) {
        return new InputSource(SpecConfig.of(type, params), "", "/in");
    }

    @Test
    void inlineDataTravelsWithTheJob() {
        assertTrue(new InlineStorage().isLocal(input("inline", Map.of("URL", "data:,x"))));
    }

    @Test
    void aDownloadIsNeverLocal() {
        UrlDownloadStorage url = new UrlDownloadStorage();
        assertFalse(url.isLocal(input("urlDownload", Map.of("URL", "http://127.0.0.1/x"))));
        url.close();
    }

    @Test
    void aHostPathIsLocalOnlyWhenThisNodeWouldMountIt() throws Exception {
        Path allowed = Files.createDirectories(tmp.resolve("allowed"));
        Path other = Files.createDirectories(tmp.resolve("other"));
        LocalStorage local = new LocalStorage(List.of(allowed + ":ro"));
        assertTrue(local.isLocal(input("local", Map.of("SourcePath", allowed.toString()))));
        assertFalse(local.isLocal(input("local", Map.of("SourcePath", other.toString()))));
        assertFalse(local.isLocal(input("local", Map.of("SourcePath", allowed.toString(), "ReadWrite", true))));
    }
}
