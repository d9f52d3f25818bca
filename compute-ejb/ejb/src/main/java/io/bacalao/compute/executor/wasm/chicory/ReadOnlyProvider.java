package io.bacalao.compute.executor.wasm.chicory;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** The provider of {@link ReadOnlyFileSystem}: reads go to the default provider, writes are denied. */
final class ReadOnlyProvider extends FileSystemProvider {
    private static final Set<OpenOption> WRITES = Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND,
            StandardOpenOption.CREATE, StandardOpenOption.CREATE_NEW, StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.DELETE_ON_CLOSE);
    private final ReadOnlyFileSystem fs;

    ReadOnlyProvider(ReadOnlyFileSystem fs) {
        this.fs = fs;
    }

    private static Path real(Path p) {
        return ReadOnlyFileSystem.unwrap(p);
    }

    private static AccessDeniedException denied(Path p) {
        return new AccessDeniedException(real(p).toString(), null, "read-only input");
    }

    private static void checkRead(Path p, Set<? extends OpenOption> options) throws AccessDeniedException {
        for (OpenOption o : options) if (WRITES.contains(o)) throw denied(p);
    }

    @Override
    public String getScheme() {
        return "bacalao-read-only";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException();
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        checkRead(path, options);
        return Files.newByteChannel(real(path), options);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        checkRead(path, options);
        return FileChannel.open(real(path), options);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        DirectoryStream<Path> real = Files.newDirectoryStream(real(dir), p -> filter.accept(fs.wrap(p)));
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                Iterator<Path> it = real.iterator();
                return new Iterator<>() {
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    public Path next() {
                        return fs.wrap(it.next());
                    }
                };
            }

            @Override
            public void close() throws IOException {
                real.close();
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        throw denied(dir);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
        throw denied(link);
    }

    @Override
    public void createLink(Path link, Path existing) throws IOException {
        throw denied(link);
    }

    @Override
    public void delete(Path path) throws IOException {
        throw denied(path);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        throw denied(target);
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        throw denied(source);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        return Files.isSameFile(real(path), real(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        return Files.isHidden(real(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        return Files.getFileStore(real(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        for (AccessMode m : modes) if (m == AccessMode.WRITE) throw denied(path);
        real(path).getFileSystem().provider().checkAccess(real(path), modes);
    }

    /** Only the basic view is offered, and its setTimes is denied. */
    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type != BasicFileAttributeView.class) return null;
        BasicFileAttributeView real = Files.getFileAttributeView(real(path), BasicFileAttributeView.class, options);
        return (V) new BasicFileAttributeView() {
            public String name() {
                return real.name();
            }

            public BasicFileAttributes readAttributes() throws IOException {
                return real.readAttributes();
            }

            public void setTimes(FileTime modified, FileTime accessed, FileTime created) throws IOException {
                throw denied(path);
            }
        };
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
        return Files.readAttributes(real(path), type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return Files.readAttributes(real(path), attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        throw denied(path);
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        return fs.wrap(Files.readSymbolicLink(real(link)));
    }
}
