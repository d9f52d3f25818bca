package io.bacalao.compute.publisher.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The object key results are published under (Bacalhau's {@code pkg/publisher/s3/utils.go}
 * {@code ParsePublishedKey}): an archive's key ends in {@code .tar.gz} (added when missing), a plain upload's in
 * {@code /}; {@code {nodeID}}, {@code {executionID}}, {@code {jobID}}, {@code {date}} ({@code yyyyMMdd}) and
 * {@code {time}} ({@code HHmmss}) are replaced, date and time in UTC (Bacalhau uses the node's local zone).
 */
final class PublishedKey {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

    private PublishedKey() {
    }

    static String expand(String key, boolean archive, String jobId, String executionId, String nodeId, Instant now) {
        String k = key;
        if (archive && !k.endsWith(".tar.gz")) k = k + ".tar.gz";
        if (!archive && !k.endsWith("/")) k = k + "/";
        return k.replace("{nodeID}", nodeId).replace("{executionID}", executionId).replace("{jobID}", jobId)
                .replace("{date}", DATE.format(now)).replace("{time}", TIME.format(now));
    }
}
