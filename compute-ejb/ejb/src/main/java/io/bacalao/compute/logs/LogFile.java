package io.bacalao.compute.logs;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The combined output log of an execution ({@code logs/output.log}): a sequence of records, each one byte of
 * stream type ({@link #STDOUT} or {@link #STDERR}), a 4-byte big-endian length and that many bytes, in the
 * order the process wrote them. Readers may follow a file that is still growing.
 */
public final class LogFile {
    public static final int STDOUT = 1;
    public static final int STDERR = 2;
    public static final String NAME = "output.log";

    private LogFile() {
    }

    /** One record: its stream and its bytes. */
    public record Record(int type, byte[] data) {
    }

    public static void write(OutputStream out, int type, byte[] data, int offset, int length) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeByte(type);
        d.writeInt(length);
        d.write(data, offset, length);
    }

    /** The next complete record, or null when the stream ends before one is complete (it may still grow). */
    public static Record read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        int type = d.read();
        if (type < 0) return null;
        try {
            int length = d.readInt();
            byte[] data = d.readNBytes(length);
            if (data.length < length) return null;
            return new Record(type, data);
        } catch (EOFException partial) {
            return null;
        }
    }
}
