package io.bacalao.compute.executor.wasm.wasmtime;

import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.executor.wasm.WasmProgram;
import io.bacalao.compute.executor.wasm.WasmRun;
import io.bacalao.compute.executor.wasm.WasmRuntime;
import io.github.kawamuray.wasmtime.Config;
import io.github.kawamuray.wasmtime.Engine;
import io.github.kawamuray.wasmtime.Extern;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.ImportType;
import io.github.kawamuray.wasmtime.Instance;
import io.github.kawamuray.wasmtime.Linker;
import io.github.kawamuray.wasmtime.Module;
import io.github.kawamuray.wasmtime.NativeLibraryLoader;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.wasi.DirCaps;
import io.github.kawamuray.wasmtime.wasi.FileCaps;
import io.github.kawamuray.wasmtime.wasi.WasiCtx;
import io.github.kawamuray.wasmtime.wasi.WasiCtxBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * wasmtime-java 0.19.0 (wasmtime 7.0.1, Cranelift; stack-notes Part B §2). One Engine per run, so that the epoch
 * interruption that stops this run ({@code engine.incrementEpoch()} with a deadline of one tick) stops no other.
 * Read-only inputs are pre-opened with reduced WASI capabilities (no create, write, rename, unlink…), so a write
 * fails inside the module with EPERM/ENOTCAPABLE. stdout/stderr go to files in the scratch directory that a
 * {@link FilePump} follows into the execution's output.
 */
public final class WasmtimeRuntime implements WasmRuntime {
    public static final String NAME = "wasmtime";
    static final Set<DirCaps> READ_ONLY_DIR = EnumSet.of(DirCaps.OPEN, DirCaps.READDIR, DirCaps.READLINK,
            DirCaps.PATH_FILESTAT_GET, DirCaps.FILESTAT_GET);
    static final Set<FileCaps> READ_ONLY_FILE = EnumSet.of(FileCaps.READ, FileCaps.SEEK, FileCaps.TELL,
            FileCaps.FILESTAT_GET, FileCaps.FDSTAT_SET_FLAGS, FileCaps.POLL_READWRITE, FileCaps.ADVISE);

    /** Loads the native library (extracting it to a temp dir); empty when it loads, else why it cannot. */
    public static Optional<String> unavailableReason() {
        try {
            NativeLibraryLoader.init();
            return Optional.empty();
        } catch (Throwable e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WasmRun prepare(WasmProgram p) throws ExecutionFailure {
        Path stdout = p.scratchDir().resolve("stdout");
        Path stderr = p.scratchDir().resolve("stderr");
        try {
            Files.createDirectories(p.scratchDir());
            Files.write(stdout, new byte[0]);
            Files.write(stderr, new byte[0]);
        } catch (IOException e) {
            throw new ExecutionFailure("cannot prepare the wasm run: " + e.getMessage(), e);
        }
        Engine engine = new Engine(new Config().epochInterruption(true));
        Natives res = new Natives(engine);
        try {
            WasiCtxBuilder wasi = new WasiCtxBuilder().args(p.args()).stdout(stdout).stderr(stderr);
            p.env().forEach(wasi::env);
            WasiCtx ctx = wasi.build();
            int fd = 3;
            for (WasmProgram.Preopen d : p.preopens()) {
                ctx.insertDir(fd++, d.hostDir(), d.readOnly() ? READ_ONLY_DIR : EnumSet.allOf(DirCaps.class),
                        d.readOnly() ? READ_ONLY_FILE : EnumSet.allOf(FileCaps.class), Path.of(d.guestPath()));
            }
            res.store = new Store<>(null, engine, ctx);
            res.store.setEpochDeadline(1);
            res.linker = new Linker(engine);
            WasiCtx.addToLinker(res.linker);
            for (WasmProgram.Module lib : p.libraries()) {
                res.linker.module(res.store, lib.name(), res.compile(lib));
            }
            Module entry = res.compile(p.entry());
            List<Extern> imports = new ArrayList<>();
            for (ImportType i : entry.imports()) {
                imports.add(res.linker.get(res.store, i.module(), i.name()).orElseThrow(() -> new ExecutionFailure(
                        "the WASM module " + p.entry().target() + " imports " + i.module() + "." + i.name()
                                + ", which neither WASI nor any import module provides")));
            }
            Instance instance = new Instance(res.store, entry, imports);
            Func main = instance.getFunc(res.store, p.entrypoint()).orElseThrow(() -> new ExecutionFailure(
                    "unable to find the entrypoint '" + p.entrypoint() + "' in the WASM module"));
            FilePump pump = new FilePump(stdout, p.output()::stdout, stderr, p.output()::stderr);
            return new WasmtimeRun(res, instance, main, pump);
        } catch (ExecutionFailure e) {
            res.close();
            throw e;
        } catch (RuntimeException e) {
            res.close();
            throw new ExecutionFailure("the WASM module could not be instantiated: " + e.getMessage(), e);
        }
    }

    /** What one run holds natively, freed in reverse order of creation. */
    static final class Natives {
        final Engine engine;
        final List<Module> modules = new ArrayList<>();
        Store<Void> store;
        Linker linker;

        Natives(Engine engine) {
            this.engine = engine;
        }

        Module compile(WasmProgram.Module m) throws ExecutionFailure {
            try {
                Module compiled = new Module(engine, m.bytes());
                modules.add(compiled);
                return compiled;
            } catch (RuntimeException e) {
                throw new ExecutionFailure("the WASM module " + m.target() + " is invalid: " + e.getMessage(), e);
            }
        }

        void close() {
            if (linker != null) linker.dispose();
            modules.forEach(Module::dispose);
            if (store != null) store.dispose();
            engine.dispose();
        }
    }
}
