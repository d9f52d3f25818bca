package io.bacalao.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultDownloaderTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "http://127.0.0.1:6001/e-123.tar.gz|e-123.tar.gz",
            "http://127.0.0.1:6001/e-123.tar.gz?expires=1796206800&signature=Qm9-_x|e-123.tar.gz",
            "https://bucket.s3.amazonaws.com/results/e-1.tar.gz?X-Amz-Signature=abc|e-1.tar.gz",
            "http://h/dir/we%20ird$.tgz|we_ird_.tgz",
            "http://h/not encoded.tgz?x=1|not_encoded.tgz",
            "http://h/|result-4.tar.gz",
            "http://h/..|result-4.tar.gz",
            "http://h/?only=query|result-4.tar.gz"})
    void namesFilesAfterTheUrlsLastSegment(String url, String expected) {
        assertEquals(expected, ResultDownloader.fileName(url, 4, new HashSet<>()));
    }

    @Test
    void namesAreMadeUnique() {
        Set<String> taken = new HashSet<>();
        assertEquals("r.tar.gz", ResultDownloader.fileName("http://a/r.tar.gz", 0, taken));
        assertEquals("1-r.tar.gz", ResultDownloader.fileName("http://b/r.tar.gz", 1, taken));
        assertEquals("2-r.tar.gz", ResultDownloader.fileName("http://c/r.tar.gz", 2, taken));
    }

    @Test
    void preSignedS3ResultsAreDownloadedByTheirUrlWhichMessagesShowWithoutItsSignature() {
        assertEquals(true, ResultDownloader.supports(io.bacalao.domain.model.SpecConfig.of("s3PreSigned",
                java.util.Map.of("Bucket", "b", "Key", "k.tar.gz", "PreSignedURL", "http://h/b/k.tar.gz?X-Amz-Signature=s"))));
        assertEquals("http://h/b/k.tar.gz?…", ResultDownloader.shown("http://h/b/k.tar.gz?X-Amz-Signature=s"));
        assertEquals("http://h/e.tar.gz", ResultDownloader.shown("http://h/e.tar.gz"));
    }

    @Test
    void unsignedS3ArchivesAreFetchedDirectlyOnlyWithCredentials() {
        var archive = io.bacalao.domain.model.SpecConfig.of("s3", java.util.Map.of("Bucket", "b", "Key", "out/k.tar.gz"));
        assertEquals(true, ResultDownloader.directS3(archive, true));
        assertEquals(false, ResultDownloader.directS3(archive, false), "without credentials it is listed as not downloadable");
        assertEquals(false, ResultDownloader.directS3(io.bacalao.domain.model.SpecConfig.of("s3",
                java.util.Map.of("Bucket", "b", "Key", "out/e-1/")), true), "a plain folder is not downloaded");
    }
}
