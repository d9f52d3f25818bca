package io.bacalao.domain.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/**
 * Writes tar.gz archives block by block, including what a well-behaved writer refuses to produce: sizes the data
 * does not match, huge GNU long names, any type flag. Data is streamed, so a "bomb" costs no memory here.
 */
final class RawTar {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final GZIPOutputStream gz;

    RawTar() throws IOException {
        gz = new GZIPOutputStream(bytes);
    }

    /** A header declaring {@code size} bytes, followed by {@code data} repeated to fill {@code written} bytes. */
    RawTar entry(String name, char type, long size, long written, byte fill) throws IOException {
        gz.write(header(name, type, size));
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, fill);
        for (long left = written; left > 0; left -= chunk.length) gz.write(chunk, 0, (int) Math.min(chunk.length, left));
        gz.write(new byte[(int) ((512 - written % 512) % 512)]);
        return this;
    }

    RawTar file(String name, long size) throws IOException {
        return entry(name, '0', size, size, (byte) 0);
    }

    byte[] finish() throws IOException {
        gz.write(new byte[1024]);
        gz.close();
        return bytes.toByteArray();
    }

    static byte[] header(String name, char type, long size) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
        put(h, 100, "0000644\0");
        put(h, 108, "0000000\0");
        put(h, 116, "0000000\0");
        put(h, 124, String.format("%011o", size) + "\0");
        put(h, 136, "00000000000\0");
        h[156] = (byte) type;
        put(h, 257, "ustar\0");
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) h[i] = ' ';
        long sum = 0;
        for (byte b : h) sum += b & 0xff;
        put(h, 148, String.format("%06o", sum) + "\0 ");
        return h;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }
}
