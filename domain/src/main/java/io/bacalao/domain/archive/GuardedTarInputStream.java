package io.bacalao.domain.archive;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * A tar reader that refuses metadata entries (GNU long names and links, PAX and Solaris extended headers) larger
 * than {@value #MAX_METADATA} bytes before commons-compress reads them into memory: a 200 KB tar.gz holding one
 * 200 MB long name otherwise exhausts the heap of the node that unpacks it.
 */
final class GuardedTarInputStream extends TarArchiveInputStream {
    static final int MAX_METADATA = 64 * 1024;
    private static final int TYPE_OFFSET = 156;
    private static final int SIZE_OFFSET = 124;
    private static final int SIZE_LENGTH = 12;

    GuardedTarInputStream(InputStream in) {
        super(in);
    }

    /** Every header block passes through here before the entry it announces is read. */
    @Override
    protected byte[] readRecord() throws IOException {
        byte[] record = super.readRecord();
        if (record != null && record.length > TYPE_OFFSET && isMetadata(record[TYPE_OFFSET])) {
            long size;
            try {
                size = TarUtils.parseOctalOrBinary(record, SIZE_OFFSET, SIZE_LENGTH);
            } catch (IllegalArgumentException e) {
                return record; // not a header we can read: commons-compress reports it
            }
            if (size > MAX_METADATA) {
                throw new UnsafeArchiveException("archive has a " + size + "-byte name or extended header; at most "
                        + MAX_METADATA + " bytes are allowed");
            }
        }
        return record;
    }

    private static boolean isMetadata(byte type) {
        return type == 'L' || type == 'K' || type == 'x' || type == 'g' || type == 'X';
    }
}
