package io.bacalao.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bacalao} as its own process (the built jar on this JDK, as the launcher runs it), with an environment of
 * the test's choosing: the credentials come from BACALHAU_API_* / BACALAO_API_* variables, which an in-process
 * run cannot set. Inherited credential variables are removed so that only the test's apply.
 */
public final class CliProcess {
    public static final Path REPO = Path.of(System.getProperty("bacalao.repo", "..")).toAbsolutePath().normalize();
    public static final Path JAR = REPO.resolve("cli-jar/target/bacalao-cli.jar");
    public static final Path RUNTIME = Path.of(System.getProperty("bacalao.runtime", REPO.resolve("cli-jar/target/runtime").toString()));

    public record Result(int code, String out, String err) {
    }

    public static ProcessBuilder builder(Map<String, String> env, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dbacalao.runtime=" + RUNTIME, "-jar", JAR.toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.matches("BACAL(AO|HAU)_API_(KEY|USERNAME|PASSWORD)"));
        pb.environment().putAll(env);
        return pb;
    }

    public static Result run(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("cli", ".out");
        Path err = Files.createTempFile("cli", ".err");
        try {
            Process p = builder(env, List.of(args)).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("bacalao " + String.join(" ", args) + " did not end in 2 minutes");
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
