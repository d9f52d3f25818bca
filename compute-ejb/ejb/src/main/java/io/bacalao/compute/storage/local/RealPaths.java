package io.bacalao.compute.storage.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Where a path really is: symlinks resolved, also for a path that does not exist yet (through its parents). */
final class RealPaths {
    private RealPaths() {
    }

    /**
     * An existing path's real path; otherwise the real path of its deepest existing ancestor joined with the
     * rest, normalised. A dangling link is judged by the directory it lives in: creating anything through it
     * fails (mkdir and exclusive create do not follow links), so nothing lands where it points.
     */
    static Path resolve(Path absolute) {
        try {
            if (Files.exists(absolute)) return absolute.toRealPath();
        } catch (IOException ignored) {
            // fall through to the parent-based answer
        }
        Path normal = absolute.normalize();
        Path existing = normal;
        while (existing.getParent() != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (Files.isSymbolicLink(existing) && !Files.exists(existing) && existing.getParent() != null) {
            existing = existing.getParent(); // a dangling link: judge by where the link itself lives
        }
        try {
            Path real = existing.toRealPath();
            return real.resolve(existing.relativize(normal)).normalize();
        } catch (IOException e) {
            return normal;
        }
    }
}
