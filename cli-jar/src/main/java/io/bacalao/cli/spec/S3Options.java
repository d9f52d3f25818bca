package io.bacalao.cli.spec;

import io.bacalao.domain.model.SpecConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code s3://BUCKET/KEY} with its {@code opt=} options, for inputs and for the s3 publisher. */
final class S3Options {
    private S3Options() {
    }

    /** An s3 input source: Bucket, Key, and Endpoint, Region, VersionID, ChecksumSHA256, Filter when given. */
    static SpecConfig input(String bucketAndKey, Map<String, String> options) {
        Map<String, Object> params = bucketAndKey(bucketAndKey);
        if (params.get("Bucket").toString().isEmpty()) throw new IllegalArgumentException("missing bucket (expected s3://BUCKET/KEY)");
        for (Map.Entry<String, String> o : options.entrySet()) {
            String param = switch (o.getKey()) {
                case "endpoint" -> "Endpoint";
                case "region" -> "Region";
                case "versionID", "version-id", "version_id" -> "VersionID";
                case "checksum-256", "checksum256", "checksum_256" -> "ChecksumSHA256";
                case "filter" -> "Filter";
                default -> throw new IllegalArgumentException("unknown option \"" + o.getKey()
                        + "\" for s3 inputs (expected endpoint, region, version-id, checksum-256 or filter)");
            };
            params.put(param, o.getValue());
        }
        return SpecConfig.of("s3", params);
    }

    /** An s3 publisher: Bucket and Key (options bucket/key override the URI), Region, Endpoint and Encoding (gzip|plain) when given. */
    static SpecConfig publisher(String bucketAndKey, Map<String, String> options) {
        Map<String, Object> params = bucketAndKey(bucketAndKey);
        for (Map.Entry<String, String> o : options.entrySet()) {
            String param = switch (o.getKey()) {
                case "bucket" -> "Bucket";
                case "key" -> "Key";
                case "region" -> "Region";
                case "endpoint" -> "Endpoint";
                case "encoding" -> "Encoding";
                default -> throw new IllegalArgumentException("unknown option \"" + o.getKey()
                        + "\" for the s3 publisher (expected region, endpoint or encoding)");
            };
            params.put(param, o.getValue());
        }
        if (params.get("Bucket").toString().isEmpty()) throw new IllegalArgumentException("missing bucket (expected s3://BUCKET/KEY)");
        if (params.get("Key").toString().isEmpty()) throw new IllegalArgumentException("missing key (expected s3://BUCKET/KEY)");
        return SpecConfig.of("s3", params);
    }

    private static Map<String, Object> bucketAndKey(String rest) {
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1).replaceFirst("^/+", "");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("Bucket", bucket);
        params.put("Key", key);
        return params;
    }
}
