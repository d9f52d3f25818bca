package io.bacalao.compute.executor;

import io.bacalao.compute.storage.Mount;
import io.bacalao.domain.model.EventTopics;
import io.bacalao.domain.model.ResultPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The compute node's own check of every host path an execution would see (DESIGN §4 invariant 6), made again here
 * whatever the orchestrator checked, because a spec that slipped past it must still never mount a host path outside
 * the execution's folder or the allow-list. Nothing is mounted before {@link #check} has passed:
 * <ul>
 * <li>a result {@code Name} is a plain name: not empty, not {@code .} or {@code ..}, no {@code /}, {@code \}, NUL
 * or control character, at most {@value #MAX_NAME_BYTES} bytes; its host folder is
 * {@code <results>/<Name>}, created here, and its real path (symlinks resolved) must be a direct child of the
 * results folder's real path, so a link planted there cannot redirect it;</li>
 * <li>an input's host path, resolved through symlinks, lies inside the execution's folder, unless the local storage
 * approved it through {@code Compute.AllowListedLocalPaths} ({@link Mount#allowListed()}), in which case it must be
 * the absolute real path the storage checked; only such an input may be mounted read-write (granted {@code :rw}
 * and asked for with {@code ReadWrite}), every other input is read-only;</li>
 * <li>a target inside the container (input {@code Target}, result {@code Path}) is absolute, has no {@code .} or
 * {@code ..} segment and no control character, is not {@code /} and is not {@code /proc}, {@code /sys},
 * {@code /dev} or below them ({@link #RESERVED_TARGETS}: the kernel and runtime file systems a container's isolation
 * relies on; a bind there would hide the runtime's masks or give a job's own files the role of devices); repeated and
 * trailing slashes are dropped; two mounts may not share a target.</li>
 * </ul>
 * A refusal is an {@link ExecutionFailure} with the topic {@value EventTopics#PREPARING_ENVIRONMENT}.
 */
public final class MountGuard {
    /** Container paths no input or result may be mounted at, nor below. */
    public static final List<String> RESERVED_TARGETS = List.of("/proc", "/sys", "/dev");
    /** A file name's limit on Linux file systems (ext4, xfs: 255 bytes). */
    static final int MAX_NAME_BYTES = 255;

    private MountGuard() {
    }

    /** A checked input: {@code hostPath} is a real path; {@code target} is normalised. */
    public record Bind(Path hostPath, String target, boolean readWrite) {
    }

    /** A checked result folder: {@code hostDir} exists and is a real path inside the results folder. */
    public record Output(String name, Path hostDir, String target) {
    }

    /** What an executor may mount, all checked. */
    public record Plan(List<Bind> inputs, List<Output> outputs) {
    }

    /** Checks every input and result of the request, creating the result folders; refuses at the first violation. */
    public static Plan check(ExecutionRequest r) throws ExecutionFailure {
        Path workDir = realDirectory(r.workDir(), "execution folder");
        Set<String> targets = new HashSet<>();
        List<Bind> inputs = new ArrayList<>();
        for (Mount m : r.inputs()) {
            String target = target(m.target(), "input Target");
            unique(targets, target);
            inputs.add(new Bind(inputHost(m, workDir), target, m.readWrite() && m.allowListed()));
        }
        List<Output> outputs = new ArrayList<>();
        for (ResultPath out : r.job().task().resultPaths()) {
            String target = target(out.path(), "result path Path of \"" + out.name() + "\"");
            unique(targets, target);
            outputs.add(new Output(out.name(), resultDir(r.resultsDir(), out.name()), target));
        }
        return new Plan(List.copyOf(inputs), List.copyOf(outputs));
    }

    /** Creates (if needed) and returns the real host folder of the result {@code name} inside {@code resultsDir}. */
    public static Path resultDir(Path resultsDir, String name) throws ExecutionFailure {
        resultName(name);
        Path results = realDirectory(resultsDir, "results folder");
        Path dir = results.resolve(name);
        try {
            if (Files.isSymbolicLink(dir)) throw refused("the folder of result \"" + name + "\" is a symbolic link");
            Files.createDirectories(dir);
            Path real = dir.toRealPath();
            if (!real.getParent().equals(results)) {
                throw refused("the folder of result \"" + name + "\" resolves to " + real + ", outside the results folder");
            }
            return real;
        } catch (IOException e) {
            throw refused("cannot create the folder of result \"" + name + "\": " + e.getMessage());
        }
    }

    /** Refuses a result Name that is not a plain file name. */
    public static String resultName(String name) throws ExecutionFailure {
        String problem = name == null || name.isEmpty() ? "is empty"
                : name.equals(".") || name.equals("..") ? "is a relative path"
                : name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 ? "contains a path separator"
                : hasControl(name) ? "contains a control character"
                : name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES ? "is longer than " + MAX_NAME_BYTES + " bytes"
                : null;
        if (problem != null) {
            throw refused("result path Name \"" + printable(name) + "\" " + problem + "; it must be a plain name such as outputs");
        }
        return name;
    }

    /** The normalised container path, or a refusal naming {@code what} it is. */
    public static String target(String target, String what) throws ExecutionFailure {
        String t = target == null ? "" : target.strip();
        if (!t.startsWith("/")) throw refused(what + " \"" + printable(t) + "\" must be an absolute path inside the task");
        if (hasControl(t)) throw refused(what + " \"" + printable(t) + "\" contains a control character");
        StringBuilder b = new StringBuilder();
        for (String segment : t.split("/")) {
            if (segment.isEmpty()) continue;
            if (segment.equals(".") || segment.equals("..")) {
                throw refused(what + " \"" + t + "\" must be a normalised path (no . or .. segments)");
            }
            b.append('/').append(segment);
        }
        String normal = b.isEmpty() ? "/" : b.toString();
        if (normal.equals("/")) throw refused(what + " \"" + t + "\" would replace the task's root folder");
        for (String reserved : RESERVED_TARGETS) {
            if (normal.equals(reserved) || normal.startsWith(reserved + "/")) {
                throw refused(what + " \"" + t + "\" is inside " + reserved + ", which belongs to the container runtime");
            }
        }
        return normal;
    }

    private static Path inputHost(Mount m, Path workDir) throws ExecutionFailure {
        Path host = m.hostPath();
        if (host == null || !host.isAbsolute()) throw refused("input for " + m.target() + " has no absolute host path");
        Path real;
        try {
            real = host.toRealPath();
        } catch (IOException | InvalidPathException e) {
            throw refused("the host path of input " + m.target() + " does not exist");
        }
        if (m.allowListed()) {
            if (!real.equals(host.normalize())) {
                throw refused("the allow-listed host path " + host + " of input " + m.target()
                        + " changed after it was checked (it now resolves to " + real + ")");
            }
            return real;
        }
        if (!real.startsWith(workDir) || real.equals(workDir)) {
            throw refused("the host path of input " + m.target() + " is outside the execution's folder and not"
                    + " allow-listed (Compute.AllowListedLocalPaths)");
        }
        return real;
    }

    private static Path realDirectory(Path dir, String what) throws ExecutionFailure {
        try {
            Path real = dir.toRealPath();
            if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) throw refused("the " + what + " is not a folder");
            return real;
        } catch (IOException e) {
            throw refused("the " + what + " " + dir + " does not exist");
        }
    }

    private static void unique(Set<String> targets, String target) throws ExecutionFailure {
        if (!targets.add(target)) throw refused("two inputs or results are mounted at " + target);
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String printable(String s) {
        return s == null ? "" : s.replaceAll("\\p{Cntrl}", "?");
    }

    private static ExecutionFailure refused(String why) {
        return new ExecutionFailure("refused to mount: " + why, EventTopics.PREPARING_ENVIRONMENT);
    }
}
