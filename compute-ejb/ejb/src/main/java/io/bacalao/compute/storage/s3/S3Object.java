package io.bacalao.compute.storage.s3;

import java.nio.file.Path;

/** One object an s3 input brings: its key, size in bytes, ETag and version (null when not pinned), and where it goes. */
record S3Object(String key, long size, String eTag, String versionId, Path relativePath) {
}
