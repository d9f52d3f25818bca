package io.bacalao.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The repository's wasm test programs (compute-ejb/ejb/src/test/wasm) compiled for a bench: to WebAssembly by
 * their build.sh, and job.c also natively with {@code clang -O2} as the anchor.
 */
final class WasmPrograms {
    final Path dir;
    final Path nativeJob;

    private WasmPrograms(Path dir, Path nativeJob) {
        this.dir = dir;
        this.nativeJob = nativeJob;
    }

    static WasmPrograms compile() throws IOException, InterruptedException {
        Path src = sources();
        Path out = Files.createTempDirectory("bacalao-b4");
        run(src.resolve("build.sh").toString(), out.toString());
        Path nativeJob = out.resolve("job-native");
        run("clang", "-O2", "-o", nativeJob.toString(), src.resolve("job.c").toString());
        return new WasmPrograms(out, nativeJob);
    }

    Path module(String name) {
        return dir.resolve(name + ".wasm");
    }

    /** The sources, found from the repository root ({@code -Dbacalao.repo}) or the working directory upwards. */
    private static Path sources() {
        String repo = System.getProperty("bacalao.repo");
        Path start = repo != null ? Path.of(repo) : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            Path s = p.resolve("compute-ejb/ejb/src/test/wasm");
            if (Files.isDirectory(s)) return s;
        }
        throw new IllegalStateException("compute-ejb/ejb/src/test/wasm not found above " + start + "; pass -Dbacalao.repo=");
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
