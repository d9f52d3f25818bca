package io.bacalao.compute.executor.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the sections of the compiled test programs, and capping their memory. */
class WasmBinaryTest {
    private static WasmBinary read(String program) throws Exception {
        return WasmBinary.parse(Files.readAllBytes(WasmJob.program(program)));
    }

    @Test
    void importsExportsAndMemoryOfAWatModule() throws Exception {
        WasmBinary hello = read("hello");
        assertEquals(List.of(new WasmBinary.Import("wasi_snapshot_preview1", "fd_write", 0)), hello.imports());
        assertTrue(hello.exports("_start") && hello.exports("memory"));
        assertFalse(hello.exports("main"));
        assertEquals(List.of(new WasmBinary.MemoryLimits(1, -1, false)), hello.memories());
    }

    @Test
    void aClangModuleImportsFromWasiAndFromItsLibrary() throws Exception {
        assertTrue(read("usesimport").imports().contains(new WasmBinary.Import("mathlib", "add", 0)));
        assertTrue(read("job").imports().stream().allMatch(i -> i.module().equals("wasi_snapshot_preview1")));
    }

    @Test
    void cappingMemorySetsTheMaximumAndKeepsTheRestOfTheModule() throws Exception {
        WasmBinary capped = WasmBinary.parse(read("job").withMemoryMaximum(256));
        assertEquals(256, capped.memories().get(0).maximum());
        assertEquals(read("job").imports(), capped.imports());
        assertTrue(capped.exports("_start"));
    }

    @Test
    void aMemoryThatStartsAboveTheCapIsRefused() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read("bigstart").withMemoryMaximum(256));
        assertEquals("it needs 67108864 bytes of memory to start", e.getMessage());
    }

    @Test
    void textIsNotWebAssembly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WasmBinary.parse("#!/bin/sh\necho hi\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("it does not start with the WebAssembly magic bytes \\0asm", e.getMessage());
    }

    @Test
    void aTruncatedModuleIsMalformed() throws Exception {
        byte[] job = Files.readAllBytes(WasmJob.program("job"));
        assertThrows(IllegalArgumentException.class, () -> WasmBinary.parse(java.util.Arrays.copyOf(job, 40)));
    }
}
