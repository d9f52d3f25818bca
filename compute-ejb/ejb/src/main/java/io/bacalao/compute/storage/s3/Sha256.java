package io.bacalao.compute.storage.s3;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The {@code ChecksumSHA256} rule of s3 and s3PreSigned inputs: the expected value is the object's SHA-256, either
 * base64 (44 characters, as S3 reports {@code x-amz-checksum-sha256}) or hex (64 characters); the downloaded bytes
 * must hash to it, else the input fails with {@code checksum mismatch for <what>, expected <e>, got <base64>}.
 */
public final class Sha256 {
    private Sha256() {
    }

    /** @throws IllegalArgumentException when the expected value is neither base64 nor hex of 32 bytes */
    public static byte[] parse(String expected) {
        String e = expected.strip();
        try {
            if (e.length() == 64) return HexFormat.of().parseHex(e.toLowerCase(Locale.ROOT));
            byte[] b = Base64.getDecoder().decode(e);
            if (b.length == 32) return b;
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("ChecksumSHA256 \"" + expected
                + "\" is not a SHA-256 digest (base64 as S3 reports it, or 64 hex digits)");
    }

    public static byte[] of(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
        }
        return md.digest();
    }

    /** Fails with the mismatch message when {@code file} does not hash to {@code expected}. */
    public static void verify(Path file, String expected, String what) throws IOException, Mismatch {
        byte[] want = parse(expected);
        byte[] got = of(file);
        if (!MessageDigest.isEqual(want, got)) {
            throw new Mismatch("checksum mismatch for " + what + ", expected " + expected.strip() + ", got "
                    + Base64.getEncoder().encodeToString(got));
        }
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The bytes are not the ones the job asked for. */
    public static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message);
        }
    }
}
