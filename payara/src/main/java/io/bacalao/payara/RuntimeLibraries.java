package io.bacalao.payara;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Run by the build on the node runtime ({@code cli-jar/target/runtime}) once the WARs are copied there: moves the
 * third-party jars of orchestrator.war, compute-node.war and broker.war into {@link RuntimeLayout#libraries() lib/},
 * which every node puts on Payara's common class path ({@code --addlibs}), and rewrites the three WARs without them.
 * Payara's deployment then reads only our own classes instead of every class of some 70 libraries (HK2's class
 * model, Weld's search for bean archives): a compute node's start takes about a sixth less CPU, an orchestrator's
 * about a fifth (docs/node-footprint.md).
 *
 * <p>On the common class path a jar is seen by every application before its own (Payara delegates to the parent
 * first), artemis-ra.rar included, and a library there cannot see one left inside a WAR. So every
 * third-party jar moves, and the split refuses, changing nothing, when the runtime's archives carry a library in
 * more than one version (the parent pom pins one). Our own jars ({@code bacalao-*}) stay: they hold the beans.
 * artemis-ra.rar keeps only the jars that {@code lib/} lacks: it would load the others from there anyway, and
 * without them Payara does not scan them when it deploys the adapter.
 * {@code lib/} is rebuilt on every run, so the archives must be fresh copies (the build's copy overwrites them).
 */
public final class RuntimeLibraries {
    static final List<String> SPLIT = List.of("orchestrator.war", "compute-node.war", "broker.war");
    static final String RAR = "artemis-ra.rar";
    private static final String LIB = "WEB-INF/lib/";
    /** {@code name-1.2.3.jar}, also {@code name-4.1.Final-linux-x86_64.jar}: the library is the part before "-<digit>". */
    private static final Pattern VERSIONED = Pattern.compile("(.+?)-\\d.*\\.jar");

    private RuntimeLibraries() {
    }

    /** {@code java io.bacalao.payara.RuntimeLibraries <runtime dir>} */
    public static void main(String[] args) throws IOException {
        split(new RuntimeLayout(Path.of(args[0]))).forEach((war, moved) ->
                System.out.println(war + ": " + moved + " third-party jar(s) out, in lib/"));
    }

    /** Splits the runtime's WARs and thins its adapter; returns how many jars left each archive. */
    public static Map<String, Integer> split(RuntimeLayout runtime) throws IOException {
        Map<String, Set<String>> versions = new TreeMap<>();   // library -> its jar names in all archives
        for (String archive : Stream.concat(SPLIT.stream(), Stream.of(RAR)).toList()) {
            for (String jar : jars(runtime.dir().resolve(archive))) {
                versions.computeIfAbsent(library(jar), k -> new TreeSet<>()).add(jar);
            }
        }
        versions.values().removeIf(names -> names.size() == 1);
        versions.keySet().removeIf(RuntimeLibraries::ours);
        if (!versions.isEmpty()) {
            throw new IllegalStateException("the node archives carry these libraries in more than one version: "
                    + versions + "; pin one version in the parent pom's dependencyManagement");
        }
        Path lib = runtime.libraries();
        if (Files.isDirectory(lib)) {
            try (Stream<Path> old = Files.list(lib)) {
                for (Path p : old.toList()) Files.delete(p);
            }
        }
        Files.createDirectories(lib);
        Map<String, Integer> moved = new TreeMap<>();
        for (String war : SPLIT) {
            moved.put(war, rewrite(runtime.dir().resolve(war), RuntimeLibraries::libraryJar, jar -> !ours(library(jar)), lib));
        }
        moved.put(RAR, rewrite(runtime.resourceAdapter(), RuntimeLibraries::topLevelJar,
                jar -> Files.exists(lib.resolve(jar)), null));
        return moved;
    }

    /** The library a jar file name is a version of: {@code jackson-core} for {@code jackson-core-2.22.4.jar}. */
    static String library(String jar) {
        Matcher m = VERSIONED.matcher(jar);
        return m.matches() ? m.group(1) : jar.substring(0, jar.length() - ".jar".length());
    }

    private static boolean ours(String library) {
        return library.startsWith("bacalao-");
    }

    /**
     * Rewrites {@code archive} without the library jars ({@code jarOf} names them, null for other entries) that
     * {@code leaves} accepts; each is written into {@code lib}, or dropped when {@code lib} is null.
     */
    private static int rewrite(Path archive, Function<String, String> jarOf, Predicate<String> leaves, Path lib)
            throws IOException {
        Path rewritten = archive.resolveSibling(archive.getFileName() + ".tmp");
        int moved = 0;
        try (ZipFile in = new ZipFile(archive.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            for (ZipEntry e : in.stream().toList()) {
                try (InputStream data = in.getInputStream(e)) {
                    String jar = jarOf.apply(e.getName());
                    if (jar != null && leaves.test(jar)) {
                        if (lib != null) Files.copy(data, lib.resolve(jar), StandardCopyOption.REPLACE_EXISTING);
                        moved++;
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(e.getName());
                    copy.setTime(e.getTime());
                    out.putNextEntry(copy);
                    data.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        Files.move(rewritten, archive, StandardCopyOption.REPLACE_EXISTING);
        return moved;
    }

    /** The jar file names an archive carries: WEB-INF/lib/*.jar of a WAR, the top-level jars of a RAR. */
    private static List<String> jars(Path archive) throws IOException {
        List<String> jars = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(name -> {
                String jar = libraryJar(name);
                if (jar != null) jars.add(jar);
                else if (topLevelJar(name) != null) jars.add(name);
            });
        }
        return jars;
    }

    /** The file name of a RAR's library entry (a jar at its top level), else null. */
    private static String topLevelJar(String entry) {
        return entry.endsWith(".jar") && !entry.contains("/") ? entry : null;
    }

    /** The file name of a WAR's library entry ({@code WEB-INF/lib/x.jar}), else null. */
    private static String libraryJar(String entry) {
        if (!entry.startsWith(LIB) || !entry.endsWith(".jar")) return null;
        String name = entry.substring(LIB.length());
        return name.contains("/") ? null : name;
    }
}
