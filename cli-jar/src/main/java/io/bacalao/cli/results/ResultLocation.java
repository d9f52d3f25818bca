package io.bacalao.cli.results;

import io.bacalao.domain.model.SpecConfig;

/**
 * Where a published result is, in one line for people: {@code s3://bucket/key} (with {@code at <endpoint>} for an
 * S3-compatible server), the URL of a {@code urlDownload} result, {@code ipfs://CID}; other types as
 * {@code <type> <params>}. Pre-signed URLs are not shown (their signature is a temporary credential).
 */
public final class ResultLocation {
    private ResultLocation() {
    }

    public static String of(SpecConfig r) {
        if (r.is("s3") || r.is(ResultDownloader.PRESIGNED_TYPE)) {
            String endpoint = r.param("Endpoint");
            return "s3://" + r.param("Bucket") + "/" + (r.param("Key") == null ? "" : r.param("Key"))
                    + (endpoint == null || endpoint.isBlank() ? "" : " at " + endpoint);
        }
        if (r.is(ResultDownloader.TYPE)) return ResultDownloader.shown(String.valueOf(r.param("URL")));
        if (r.is("ipfs")) return "ipfs://" + r.param("CID");
        return r.type() + " " + r.params();
    }
}
