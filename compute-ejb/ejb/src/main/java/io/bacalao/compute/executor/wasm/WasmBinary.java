package io.bacalao.compute.executor.wasm;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the executor needs to know of a WebAssembly binary before any runtime sees it, read from its sections
 * (WebAssembly core spec §5): the imports, the exported names, the limits of the memories it defines, the module
 * name of its {@code name} section. Runtime-independent, so that both runtimes refuse bad modules with the same
 * words. {@link #withMemoryMaximum} rewrites the memory section so that the runtime itself enforces a limit.
 */
public final class WasmBinary {
    static final int PAGE = 65536;
    private static final byte[] MAGIC = {0, 'a', 's', 'm'};
    private static final int CUSTOM = 0, IMPORT = 2, MEMORY = 5, EXPORT = 7;

    /** One import: module, field and kind (0 function, 1 table, 2 memory, 3 global, 4 tag). */
    public record Import(String module, String name, int kind) {
    }

    /** Limits of a defined memory, in 64 KiB pages; {@code maximum} -1 when unbounded. */
    public record MemoryLimits(long minimum, long maximum, boolean shared) {
    }

    private final byte[] bytes;
    private final List<Import> imports = new ArrayList<>();
    private final Set<String> exports = new HashSet<>();
    private final List<MemoryLimits> memories = new ArrayList<>();
    private int memorySectionStart = -1, memorySectionEnd = -1;
    private String moduleName;

    private WasmBinary(byte[] bytes) {
        this.bytes = bytes;
    }

    /** @throws IllegalArgumentException when the bytes are not a WebAssembly 1.0 binary, with the reason */
    public static WasmBinary parse(byte[] bytes) {
        if (bytes.length < 8 || !java.util.Arrays.equals(bytes, 0, 4, MAGIC, 0, 4)) {
            throw new IllegalArgumentException("it does not start with the WebAssembly magic bytes \\0asm");
        }
        if (bytes[4] != 1 || bytes[5] != 0 || bytes[6] != 0 || bytes[7] != 0) {
            throw new IllegalArgumentException("it is not a WebAssembly version 1 binary (a component or a newer format?)");
        }
        WasmBinary b = new WasmBinary(bytes);
        try {
            b.readSections();
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("it is truncated or malformed");
        }
        return b;
    }

    private void readSections() {
        Reader r = new Reader(bytes, 8);
        while (r.pos < bytes.length) {
            int start = r.pos;
            int id = r.u8();
            int size = (int) r.leb();
            int end = r.pos + size;
            if (end > bytes.length || size < 0) throw new IllegalArgumentException("section " + id + " runs past the end");
            Reader s = new Reader(bytes, r.pos);
            switch (id) {
                case IMPORT -> readImports(s);
                case MEMORY -> {
                    memorySectionStart = start;
                    memorySectionEnd = end;
                    for (long n = s.leb(); n > 0; n--) memories.add(s.limits());
                }
                case EXPORT -> {
                    for (long n = s.leb(); n > 0; n--) {
                        exports.add(s.name());
                        s.u8();
                        s.leb();
                    }
                }
                case CUSTOM -> readCustom(s, end);
                default -> { }
            }
            r.pos = end;
        }
    }

    private void readImports(Reader s) {
        for (long n = s.leb(); n > 0; n--) {
            String module = s.name();
            String name = s.name();
            int kind = s.u8();
            switch (kind) {
                case 0 -> s.leb();
                case 1 -> { s.u8(); s.limits(); }
                case 2 -> s.limits();
                case 3 -> { s.u8(); s.u8(); }
                case 4 -> { s.u8(); s.leb(); }
                default -> throw new IllegalArgumentException("import " + module + "." + name + " has unknown kind " + kind);
            }
            imports.add(new Import(module, name, kind));
        }
    }

    /** The {@code name} section's module name (subsection 0), when there is one. */
    private void readCustom(Reader s, int end) {
        if (!"name".equals(s.name()) || s.pos >= end) return;
        if (s.u8() == 0) {
            s.leb();
            moduleName = s.name();
        }
    }

    public List<Import> imports() {
        return List.copyOf(imports);
    }

    public boolean exports(String name) {
        return exports.contains(name);
    }

    public List<MemoryLimits> memories() {
        return List.copyOf(memories);
    }

    public Optional<String> moduleName() {
        return Optional.ofNullable(moduleName).filter(n -> !n.isBlank());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The same module with every memory it defines capped at {@code maxPages} (a declared maximum below it is
     * kept), so that {@code memory.grow} beyond the cap fails inside the module as the spec says.
     * @throws IllegalArgumentException when a memory needs more than {@code maxPages} to start
     */
    public byte[] withMemoryMaximum(long maxPages) {
        if (memorySectionStart < 0) return bytes();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeLeb(body, memories.size());
        for (MemoryLimits m : memories) {
            if (m.minimum() > maxPages) {
                throw new IllegalArgumentException("it needs " + m.minimum() * PAGE + " bytes of memory to start");
            }
            long max = m.maximum() < 0 ? maxPages : Math.min(m.maximum(), maxPages);
            body.write(m.shared() ? 0x03 : 0x01);
            writeLeb(body, m.minimum());
            writeLeb(body, max);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 8);
        out.write(bytes, 0, memorySectionStart);
        out.write(MEMORY);
        writeLeb(out, body.size());
        out.writeBytes(body.toByteArray());
        out.write(bytes, memorySectionEnd, bytes.length - memorySectionEnd);
        return out.toByteArray();
    }

    private static void writeLeb(ByteArrayOutputStream out, long value) {
        do {
            int b = (int) (value & 0x7f);
            value >>>= 7;
            out.write(value != 0 ? b | 0x80 : b);
        } while (value != 0);
    }

    private static final class Reader {
        private final byte[] b;
        int pos;

        Reader(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        int u8() {
            return b[pos++] & 0xff;
        }

        long leb() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int x = u8();
                result |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) return result;
            }
            throw new IllegalArgumentException("a LEB128 number is too long");
        }

        String name() {
            int n = (int) leb();
            String s = new String(b, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        /** Limits: flags (bit 0 = has maximum; shared and 64-bit flags are read but not kept), minimum, maximum. */
        MemoryLimits limits() {
            int flags = u8();
            long min = leb();
            long max = (flags & 1) != 0 ? leb() : -1;
            if ((flags & ~0x3) != 0) throw new IllegalArgumentException("memory limits with flags " + flags + " are not supported");
            return new MemoryLimits(min, max, (flags & 2) != 0);
        }
    }
}
