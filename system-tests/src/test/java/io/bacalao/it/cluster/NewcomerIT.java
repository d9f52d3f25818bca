package io.bacalao.it.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bacalao.it.support.TestPorts;
import io.bacalao.it.support.Waits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's quickstart as a newcomer types it: a fresh clone of this checkout's committed HEAD in a temporary
 * directory, an empty HOME, the {@code quickstart-devstack} line started in the background and every line of the
 * {@code quickstart} blocks run in order, each checked for exit code 0 and the quoted texts of its comment. The
 * lines come from README.md, so the test follows the README. The clone gets this build's artefacts instead of being
 * built again (its sources are the same commit); only the ports are chosen for it, through the documented
 * {@code BACALAO_*} environment, so that it runs beside other clusters.
 */
class NewcomerIT {
    static final Path REPO = DevstackScriptIT.REPO;
    private static final Pattern FENCE = Pattern.compile("^```bash (quickstart(?:-devstack)?)\\s*$");
    private static final Pattern HEREDOC = Pattern.compile("<<-?'?\"?(\\w+)'?\"?");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    /** One command of the README: its text (several lines for a heredoc) and what its output must contain. */
    record Line(String block, String command, List<String> expected) {
    }

    @Test
    void theReadmeQuickstartWorksOnAFreshCloneWithAnEmptyHome() throws Exception {
        List<Line> lines = quickstart(Files.readAllLines(REPO.resolve("README.md")));
        assertEquals(1, lines.stream().filter(l -> l.block().equals("quickstart-devstack")).count(), lines.toString());
        assertTrue(lines.size() >= 5, "the README's quickstart lines: " + lines);

        Path dir = Path.of(System.getProperty("bacalao.it.dir", "target/it")).toAbsolutePath().resolve("newcomer");
        deleteTree(dir);
        Path clone = dir.resolve("bacalao");
        Path home = Files.createDirectories(dir.resolve("home"));
        run(dir, List.of("git", "clone", "-q", REPO.toString(), clone.toString()), Map.of());
        giveArtefacts(clone);

        int api = TestPorts.freeBlock(6);
        int aux = TestPorts.freeBlock(4);
        Map<String, String> env = Map.of("HOME", home.toString(), "BACALAO_API_PORT", String.valueOf(api),
                "BACALAO_ORCHESTRATOR_PORT", String.valueOf(aux), "BACALAO_PUBLISHERS_TYPES_LOCAL_PORT", String.valueOf(aux + 1),
                "BACALAO_WEBUI_LISTEN", "127.0.0.1:" + (api + 5), "BACALAO_SKIP_BUILD", "1");
        Line devstackLine = lines.get(0);
        assertEquals("quickstart-devstack", devstackLine.block(), "the devstack line comes first");
        Path devstackOut = dir.resolve("devstack.out");
        Process devstack = shell(clone, devstackLine.command(), env).redirectOutput(devstackOut.toFile()).start();
        try {
            Waits.until("the devstack line's output: " + devstackLine.expected(), Duration.ofMinutes(7),
                    () -> !devstack.isAlive() || read(devstackOut).contains(devstackLine.expected().get(0)));
            String out = read(devstackOut);
            assertTrue(devstack.isAlive(), out);
            devstackLine.expected().forEach(e -> assertTrue(out.contains(e), out));
            assertTrue(out.lines().anyMatch(l -> l.startsWith("Docker jobs: yes") || l.startsWith("Docker jobs: no, ")), out);
            assertEquals(4, out.lines().filter(l -> l.matches("\\s+\\[\\s*\\d+\\.\\ds] .* is ready")).count(), out);
            assertTrue(Files.isDirectory(home.resolve(".bacalao/devstack/orchestrator")), "node data under the empty $HOME");

            for (Line line : lines.subList(1, lines.size())) {
                Result r = runShell(clone, line.command(), env);
                assertEquals(0, r.exitCode(), line.command() + "\n" + r.output());
                for (String e : line.expected()) assertTrue(r.output().contains(e), line.command() + ": expected " + e + "\n" + r.output());
            }

            // Ctrl+C ends a fresh $HOME's first devstack: its nodes record their roles' class archives as they stop
            new ProcessBuilder("kill", "-INT", String.valueOf(devstack.pid())).start().waitFor();
            assertTrue(devstack.waitFor(5, TimeUnit.MINUTES), "devstack exits on Ctrl+C: " + read(devstackOut));
            String stopped = read(devstackOut);
            for (String role : List.of("orchestrator", "compute")) {
                assertTrue(stopped.contains("recorded the class archive of " + role + " nodes"), stopped);
            }
            try (var archives = Files.list(home.resolve(".cache/bacalao/node-cds"))) {
                assertEquals(2, archives.filter(p -> p.toString().endsWith(".jsa")).count(), "one archive per role");
            }
            assertEquals(List.of(), crashes(dir), "no node's JVM crashed while stopping");
        } finally {
            new ProcessBuilder("kill", "-INT", String.valueOf(devstack.pid())).start().waitFor();
            if (!devstack.waitFor(60, TimeUnit.SECONDS)) {
                devstack.descendants().forEach(ProcessHandle::destroyForcibly);
                devstack.destroyForcibly();
            }
        }
    }

    /** JVM crash reports ({@code hs_err_pid*.log}) under {@code dir}, and node logs that tell of a JVM crash. */
    private static List<Path> crashes(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().startsWith("hs_err_pid")
                    || f.getFileName().toString().equals("node.log") && read(f).contains("A fatal error has been detected")).toList();
        }
    }

    /** The commands of the quickstart blocks, in order; a heredoc is one command with its body. */
    static List<Line> quickstart(List<String> readme) {
        List<Line> lines = new ArrayList<>();
        String block = null;
        for (int i = 0; i < readme.size(); i++) {
            String text = readme.get(i);
            Matcher fence = FENCE.matcher(text);
            if (block == null) {
                if (fence.matches()) block = fence.group(1);
                continue;
            }
            if (text.startsWith("```")) {
                block = null;
                continue;
            }
            if (text.isBlank() || text.trim().startsWith("#")) continue;
            String[] parts = text.split("\\s+#\\s", 2);
            String command = parts[0].trim();
            Matcher heredoc = HEREDOC.matcher(command);
            if (heredoc.find()) {
                StringBuilder body = new StringBuilder(command);
                while (!readme.get(++i).equals(heredoc.group(1))) body.append('\n').append(readme.get(i));
                command = body.append('\n').append(heredoc.group(1)).toString();
            }
            List<String> expected = new ArrayList<>();
            if (parts.length > 1) {
                Matcher q = QUOTED.matcher(parts[1]);
                while (q.find()) expected.add(q.group(1));
            }
            lines.add(new Line(block, command, expected));
        }
        return lines;
    }

    /** The clone gets this build's CLI and node runtime (newer than its sources, so the script does not rebuild). */
    private static void giveArtefacts(Path clone) throws IOException {
        Path from = REPO.resolve("cli-jar/target");
        Path to = Files.createDirectories(clone.resolve("cli-jar/target/runtime"));
        Path runtime = from.resolve("runtime");
        try (var files = Files.walk(runtime)) {   // lib/ too
            for (Path f : files.toList()) {
                Path copy = to.resolve(runtime.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(copy);
                else Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(from.resolve("bacalao-cli.jar"), clone.resolve("cli-jar/target/bacalao-cli.jar"), StandardCopyOption.REPLACE_EXISTING);
    }

    record Result(int exitCode, String output) {
    }

    private static ProcessBuilder shell(Path dir, String command, Map<String, String> env) {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("BACALAO_"));
        pb.environment().putAll(env);
        return pb;
    }

    private static Result runShell(Path dir, String command, Map<String, String> env) throws IOException, InterruptedException {
        Process p = shell(dir, command, env).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(3, TimeUnit.MINUTES), command);
        return new Result(p.exitValue(), out);
    }

    private static void run(Path dir, List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0, command + "\n" + out);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static String read(Path f) {
        try {
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void theQuickstartParserFindsCommandsHeredocsAndExpectations() {
        List<Line> lines = quickstart(List.of("text", "```bash quickstart-devstack", "./bacalao devstack   # ends with \"ready\"", "```",
                "```bash", "./not-run", "```", "```bash quickstart", "# a comment", "cat > a.yaml <<'YAML'", "A: 1", "YAML",
                "./bacalao job run a.yaml   # \"Completed\" and \"done\"", "```"));
        assertEquals(List.of(new Line("quickstart-devstack", "./bacalao devstack", List.of("ready")),
                new Line("quickstart", "cat > a.yaml <<'YAML'\nA: 1\nYAML", List.of()),
                new Line("quickstart", "./bacalao job run a.yaml", List.of("Completed", "done"))), lines);
        assertFalse(lines.stream().anyMatch(l -> l.command().contains("not-run")));
    }
}
