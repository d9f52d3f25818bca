import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step of the CLI's AOT cache (run by cli-jar's pom with the JDK's source launcher, JDK 24+): rewrites the
 * classes of a jar whose class-file version is older than 50 (Java 6) as version 52 (Java 8), with the stack maps
 * that version requires, computed by the JDK's ClassFile API. Nothing else in a class changes.
 *
 * <p>Why: picocli is published as Java 5 class files, and the JVM neither puts such classes in an AOT cache or
 * CDS archive nor verifies them with the fast type-checking verifier; they were the largest part of the CLI's own
 * start-up work left once the cache was in place (docs/cli-startup.md).
 *
 * <p>Usage: {@code java UpgradeOldClasses.java JAR} (the jar is replaced in place).
 */
public final class UpgradeOldClasses {
    private static final int OLDEST_KEPT = 50;
    private static final int TARGET = 52;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int upgraded = 0;
        try (URLClassLoader classes = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null);
             ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            ClassFile cf = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                    ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(classes))));
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith(".class") && major(bytes) < OLDEST_KEPT) {
                    bytes = cf.transformClass(cf.parse(bytes), ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL)
                            .andThen((b, element) -> {
                                if (element instanceof ClassFileVersion) b.withVersion(TARGET, 0);
                                else b.with(element);
                            }));
                    upgraded++;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Upgraded " + upgraded + " pre-Java 6 classes of " + jar.getFileName() + " to class-file version " + TARGET);
    }

    private static int major(byte[] classFile) {
        return classFile.length < 8 ? Integer.MAX_VALUE : (classFile[6] & 0xff) << 8 | (classFile[7] & 0xff);
    }
}
