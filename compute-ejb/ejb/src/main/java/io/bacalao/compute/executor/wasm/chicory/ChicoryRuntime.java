package io.bacalao.compute.executor.wasm.chicory;

import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.executor.wasm.WasmProgram;
import io.bacalao.compute.executor.wasm.WasmRun;
import io.bacalao.compute.executor.wasm.WasmRuntime;

/**
 * Chicory 1.7.5, pure Java (stack-notes Part B §2): each module is compiled to JVM bytecode (never the
 * interpreter, ~100× slower). Read-only inputs are pre-opened through {@link ReadOnlyFileSystem}; import modules
 * are instantiated first and their exported functions handed to the entry module under the module's name.
 * The memory cap is the modules' own declared maximum (see WasmBinary#withMemoryMaximum). A run is stopped by
 * interrupting the thread that runs it.
 */
public final class ChicoryRuntime implements WasmRuntime {
    public static final String NAME = "chicory";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WasmRun prepare(WasmProgram p) throws ExecutionFailure {
        WasiOptions.Builder options = WasiOptions.builder().withArguments(p.args())
                .withStdout(p.output().stdoutStream(), false).withStderr(p.output().stderrStream(), false);
        p.env().forEach(options::withEnvironment);
        for (WasmProgram.Preopen d : p.preopens()) {
            options.withDirectory(d.guestPath(), d.readOnly() ? ReadOnlyFileSystem.view(d.hostDir()) : d.hostDir());
        }
        WasiPreview1 wasi = WasiPreview1.builder().withOptions(options.build()).build();
        try {
            ImportValues.Builder imports = ImportValues.builder().addFunction(wasi.toHostFunctions());
            for (WasmProgram.Module lib : p.libraries()) {
                WasmModule module = parse(lib);
                Instance instance = instantiate(lib, module, imports.build());
                for (int i = 0; i < module.exportSection().exportCount(); i++) {
                    Export e = module.exportSection().getExport(i);
                    if (e.exportType() != ExternalType.FUNCTION) continue;
                    String name = e.name();
                    imports.addFunction(new HostFunction(lib.name(), name, instance.exportType(name),
                            (caller, args) -> instance.export(name).apply(args)));
                }
            }
            WasmModule entry = parse(p.entry());
            return new ChicoryRun(instantiate(p.entry(), entry, imports.build()), p.entrypoint(), wasi);
        } catch (ExecutionFailure | RuntimeException e) {
            wasi.close();
            throw e;
        }
    }

    private static WasmModule parse(WasmProgram.Module m) throws ExecutionFailure {
        try {
            return Parser.parse(m.bytes());
        } catch (ChicoryException e) {
            throw new ExecutionFailure("the WASM module " + m.target() + " is invalid: " + e.getMessage(), e);
        }
    }

    /** Links and initialises the module without running {@code _start}; a start section does run. */
    private static Instance instantiate(WasmProgram.Module m, WasmModule module, ImportValues imports) throws ExecutionFailure {
        try {
            return Instance.builder(module).withImportValues(imports).withStart(false)
                    .withMachineFactory(MachineFactoryCompiler.compile(module)).build();
        } catch (ChicoryException e) {
            throw new ExecutionFailure("the WASM module " + m.target() + " could not be instantiated: " + e.getMessage(), e);
        }
    }
}
