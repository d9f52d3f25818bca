package io.bacalao.compute.executor.wasm;

import io.bacalao.compute.executor.ExecutionFailure;
import io.bacalao.compute.executor.wasm.WasmProgram.Preopen;
import io.bacalao.compute.storage.Mount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The directories a module sees (reference §5.6): each input at its Target, read-only unless the input was
 * granted read-write, and each output at {@code /<Name>}, read-write. WASI can only pre-open directories, so
 * inputs that are single files ({@code /main.wasm}, a download at {@code /inputs/x.csv}) are gathered per parent
 * guest directory into a view folder under {@code viewRoot} (hard links, or copies across file systems) that is
 * pre-opened at that parent: the module sees those files and nothing beside them.
 */
final class GuestDirectories {
    private GuestDirectories() {
    }

    static List<Preopen> of(List<Mount> inputs, Map<String, Path> outputs, Path viewRoot) throws ExecutionFailure {
        Map<String, Preopen> byGuest = new LinkedHashMap<>();
        Map<String, List<Mount>> filesByParent = new LinkedHashMap<>();
        for (Mount m : inputs) {
            String guest = normalize(m.target());
            if (Files.isDirectory(m.hostPath())) {
                put(byGuest, new Preopen(guest, m.hostPath(), !m.readWrite()));
            } else {
                filesByParent.computeIfAbsent(parent(guest), p -> new ArrayList<>()).add(m);
            }
        }
        int n = 0;
        for (Map.Entry<String, List<Mount>> e : filesByParent.entrySet()) {
            Path view = viewRoot.resolve(Integer.toString(n++));
            boolean readOnly = true;
            for (Mount m : e.getValue()) {
                link(m.hostPath(), view.resolve(fileName(normalize(m.target()))));
                readOnly &= !m.readWrite();
            }
            put(byGuest, new Preopen(e.getKey(), view, readOnly));
        }
        for (Map.Entry<String, Path> out : outputs.entrySet()) {
            put(byGuest, new Preopen("/" + out.getKey(), out.getValue(), false));
        }
        return List.copyOf(byGuest.values());
    }

    private static void put(Map<String, Preopen> byGuest, Preopen p) throws ExecutionFailure {
        if (byGuest.putIfAbsent(p.guestPath(), p) != null) {
            throw new ExecutionFailure("two inputs or outputs of the wasm job are mounted at " + p.guestPath());
        }
    }

    private static void link(Path file, Path at) throws ExecutionFailure {
        try {
            Files.createDirectories(at.getParent());
            try {
                Files.createLink(at, file);
            } catch (IOException | UnsupportedOperationException crossDevice) {
                Files.copy(file, at);
            }
        } catch (IOException e) {
            throw new ExecutionFailure("cannot expose input " + file.getFileName() + " to the wasm module: " + e.getMessage(), e);
        }
    }

    static String normalize(String target) {
        String t = target.strip().replaceAll("/+", "/");
        if (!t.startsWith("/")) t = "/" + t;
        return t.length() > 1 && t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
    }

    private static String parent(String guest) {
        int slash = guest.lastIndexOf('/');
        return slash <= 0 ? "/" : guest.substring(0, slash);
    }

    private static String fileName(String guest) {
        return guest.substring(guest.lastIndexOf('/') + 1);
    }
}
