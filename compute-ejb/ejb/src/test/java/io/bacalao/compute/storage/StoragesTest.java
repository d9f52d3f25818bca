package io.bacalao.compute.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.compute.storage.inline.InlineStorage;
import io.bacalao.compute.storage.local.LocalDirectoryStorage;
import io.bacalao.compute.storage.local.LocalStorage;
import io.bacalao.compute.storage.url.UrlDownloadStorage;
import io.bacalao.domain.config.Config;
import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.SpecConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoragesTest {
    private final InlineStorage inline = new InlineStorage();
    private final UrlDownloadStorage url = new UrlDownloadStorage();
    private final LocalStorage local = new LocalStorage(List.of("/srv/data:ro"));
    private final LocalDirectoryStorage localDirectory = new LocalDirectoryStorage(List.of("/srv/data:ro"));

    @Test
    void everyStorageIsFoundByItsTypeWhateverTheCase() {
        Storages storages = new Storages(List.of(url, inline, local, localDirectory), List.of());

        assertSame(url, storages.forType("urlDownload").orElseThrow());
        assertSame(url, storages.forType("URLDOWNLOAD").orElseThrow());
        assertSame(localDirectory, storages.forType("localdirectory").orElseThrow());
        assertEquals(Optional.empty(), storages.forType("ipfs"));
        assertEquals(Optional.empty(), storages.forType(null));
        assertEquals(List.of("inline", "local", "localDirectory", "urlDownload"), storages.types());
    }

    @Test
    void aStorageThatIsNotInstalledIsNeitherOfferedNorUsed() {
        InputStorage withoutCredentials = new InputStorage() {
            @Override
            public String type() {
                return "s3";
            }

            @Override
            public boolean installed() {
                return false;
            }

            @Override
            public Mount prepare(InputSource input, StorageContext context) {
                throw new AssertionError("never used");
            }
        };
        Storages storages = new Storages(List.of(url, withoutCredentials), List.of());
        assertEquals(List.of("urlDownload"), storages.types());
        assertEquals(Optional.of("this node does not support input type \"s3\""),
                storages.refusal(new InputSource(SpecConfig.of("s3", Map.of("Bucket", "b")), "", "/in")));
    }

    @Test
    void disabledTypesAreLeftOutWhateverTheirCase() {
        Storages storages = new Storages(List.of(url, inline, local, localDirectory), List.of("URLDownload", " local "));

        assertEquals(List.of("inline", "localDirectory"), storages.types());
        assertEquals(Optional.empty(), storages.forType("urlDownload"));
    }

    @Test
    void twoStoragesForOneTypeAreABuildError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Storages(List.of(inline, new InlineStorage()), List.of()));

        assertTrue(e.getMessage().startsWith("two input storages for type \"inline\""), e.getMessage());
    }

    @Test
    void refusalNamesAMissingStorageOrPassesOnTheStoragesOwnVerdict() {
        Storages storages = new Storages(List.of(inline, local), List.of());

        assertEquals(Optional.of("this node does not support input type \"ipfs\""),
                storages.refusal(new InputSource(SpecConfig.of("ipfs", Map.of("CID", "Qm")), "", "/in")));
        assertEquals(Optional.empty(),
                storages.refusal(new InputSource(SpecConfig.of("inline", Map.of("URL", "data:,x")), "", "/in")));
        assertEquals(Optional.of("volume /srv/data/x is not granted write access"), storages.refusal(new InputSource(
                SpecConfig.of("local", Map.of("SourcePath", "/srv/data/x", "ReadWrite", true)), "", "/in")));
    }

    @Test
    void inputSettingsComeFromTheConfigDefaultsAndOverrides() {
        assertEquals(new InputSettings(3, Duration.ofMinutes(5), List.of()), InputSettings.from(Config.defaults()));

        Config custom = Config.defaults()
                .with("InputSources.MaxRetryCount", "0")
                .with("InputSources.ReadTimeout", "30s")
                .with("Compute.AllowListedLocalPaths", "/data:rw, /models/**");

        assertEquals(new InputSettings(0, Duration.ofSeconds(30), List.of("/data:rw", "/models/**")), InputSettings.from(custom));
    }
}
