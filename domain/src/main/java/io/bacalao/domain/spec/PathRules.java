package io.bacalao.domain.spec;

import io.bacalao.domain.model.InputSource;
import io.bacalao.domain.model.ResultPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a task's inputs and outputs may appear inside its container or wasm sandbox (DESIGN §4 invariant 6). A
 * result {@code Name} becomes a folder of the execution's output directory on the host, so it must be a plain
 * name; input Targets and result Paths are mount points inside the task, so they must be absolute, normalised,
 * not {@code /} (which would mount over the whole file system) and must not contain one another (a mount inside
 * another mount would let one input or output shadow or write into another).
 */
final class PathRules {
    /** Files Bacalhau writes at the top of every result folder; an output with such a name would overwrite them. */
    private static final Set<String> RESERVED_RESULT_NAMES = Set.of("stdout", "stderr", "exitcode");

    private final SpecLimits limits;

    PathRules(SpecLimits limits) {
        this.limits = limits;
    }

    List<String> inputErrors(List<InputSource> inputs) {
        List<String> errors = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (InputSource in : inputs) {
            String target = in.target();
            if (target.isBlank()) continue;
            Optional<String> bad = mountPointProblem(target);
            if (bad.isPresent()) {
                errors.add("invalid input sources: input target `" + Texts.quote(target) + "` " + bad.get());
                continue;
            }
            for (String other : seen) {
                if (same(other, target)) {
                    errors.add("input source with target '" + target + "' already exists");
                } else if (overlap(other, target)) {
                    errors.add("invalid input sources: input targets `" + other + "` and `" + target
                            + "` overlap: one is inside the other");
                }
            }
            seen.add(target);
        }
        return errors;
    }

    /** Result rules, and that no result Path overlaps a (valid) input Target. */
    List<String> outputErrors(List<ResultPath> outputs, List<InputSource> inputs) {
        List<String> errors = new ArrayList<>();
        List<String> seenPaths = new ArrayList<>();
        List<String> seenNames = new ArrayList<>();
        for (ResultPath out : outputs) {
            String name = out.name();
            if (name.isBlank()) {
                errors.add("invalid output: result path name is missing");
            } else {
                resultNameProblem(name).ifPresent(p -> errors.add(
                        "invalid output: result path name `" + Texts.quote(name) + "` " + p));
                if (seenNames.contains(name)) {
                    errors.add("invalid output: result path name `" + Texts.quote(name) + "` is used more than once");
                }
                seenNames.add(name);
            }
            String path = out.path();
            if (path.isBlank()) {
                errors.add("invalid output: result path `" + Texts.quote(name) + "` is missing a path");
                continue;
            }
            Optional<String> bad = mountPointProblem(path);
            if (bad.isPresent()) {
                errors.add("invalid output: result path `" + Texts.quote(path) + "` " + bad.get());
                continue;
            }
            for (String other : seenPaths) {
                if (same(other, path)) {
                    errors.add("invalid output: result path `" + path + "` is used more than once");
                } else if (overlap(other, path)) {
                    errors.add("invalid output: result paths `" + other + "` and `" + path
                            + "` overlap: one is inside the other");
                }
            }
            seenPaths.add(path);
            for (InputSource in : inputs) {
                String target = in.target();
                if (!target.isBlank() && mountPointProblem(target).isEmpty() && overlap(target, path)) {
                    errors.add("invalid output: result path `" + path + "` overlaps input target `" + target
                            + "`: they must be separate folders");
                }
            }
        }
        return errors;
    }

    /** Why a mount point (input Target, result Path) is refused, or empty when it is fine. */
    Optional<String> mountPointProblem(String path) {
        if (path.length() > limits.maxPathLength()) {
            return Optional.of("is longer than " + limits.maxPathLength() + " characters");
        }
        if (Texts.hasControlCharacter(path)) return Optional.of("must not contain control characters");
        if (!path.startsWith("/")) return Optional.of("must be absolute");
        if (path.chars().allMatch(c -> c == '/')) return Optional.of("must not be the root folder `/`");
        if (path.indexOf(':') >= 0) {
            return Optional.of("must not contain `:` (Docker reads it as the separator of a bind mount)");
        }
        if (path.indexOf('\\') >= 0) return Optional.of("must not contain `\\`");
        String body = path.endsWith("/") ? path.substring(1, path.length() - 1) : path.substring(1);
        for (String segment : body.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of("must be normalised (no `.`, `..` or empty segments)");
            }
        }
        return Optional.empty();
    }

    /** Why a result name is refused: it names a folder on the compute host, so it is one plain path segment. */
    Optional<String> resultNameProblem(String name) {
        if (name.length() > limits.maxNameLength()) {
            return Optional.of("is longer than " + limits.maxNameLength() + " characters");
        }
        if (Texts.hasControlCharacter(name)) return Optional.of("must not contain control characters");
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0 || name.equals(".") || name.equals("..")
                || !name.equals(name.strip())) {
            return Optional.of("must be a plain name (no `/`, `\\`, `.`, `..` or surrounding spaces)");
        }
        if (RESERVED_RESULT_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("is reserved: the result folder holds the task's stdout, stderr and exitCode");
        }
        return Optional.empty();
    }

    private static boolean same(String a, String b) {
        return strip(a).equals(strip(b));
    }

    /** Equal, or one is a folder that contains the other. */
    static boolean overlap(String a, String b) {
        String x = strip(a) + "/";
        String y = strip(b) + "/";
        return x.startsWith(y) || y.startsWith(x);
    }

    private static String strip(String p) {
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
