package io.bacalao.compute.executor.wasm.chicory;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * A read-only view of the default file system: paths of this file system read the same files, and every write
 * (create, open for writing, delete, rename, link, set attributes) fails with AccessDeniedException. Chicory's
 * WASI has no read-only pre-open, so read-only inputs are handed to it as {@link #view} paths; a write then
 * reaches the module as an error, as with wasmtime's reduced capabilities.
 */
public final class ReadOnlyFileSystem extends FileSystem {
    private static final ReadOnlyFileSystem INSTANCE = new ReadOnlyFileSystem(FileSystems.getDefault());
    private final FileSystem base;
    private final ReadOnlyProvider provider;

    private ReadOnlyFileSystem(FileSystem base) {
        this.base = base;
        this.provider = new ReadOnlyProvider(this);
    }

    /** {@code hostPath} (of the default file system) seen through the read-only view. */
    public static Path view(Path hostPath) {
        return INSTANCE.wrap(hostPath.toAbsolutePath());
    }

    Path wrap(Path p) {
        return p == null ? null : new ReadOnlyPath(this, p);
    }

    /** The default-file-system path behind {@code p} (any other path is returned as it is). */
    static Path unwrap(Path p) {
        return p instanceof ReadOnlyPath r ? r.delegate() : p;
    }

    FileSystem base() {
        return base;
    }

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("the read-only view of the default file system cannot be closed");
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return true;
    }

    @Override
    public String getSeparator() {
        return base.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return StreamSupport.stream(base.getRootDirectories().spliterator(), false).map(this::wrap).toList();
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return base.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return base.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return wrap(base.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher m = base.getPathMatcher(syntaxAndPattern);
        return p -> m.matches(unwrap(p));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return base.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() throws IOException {
        throw new UnsupportedOperationException("no watch service on a read-only view");
    }
}
