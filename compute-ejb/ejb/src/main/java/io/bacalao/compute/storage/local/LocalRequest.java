package io.bacalao.compute.storage.local;

import io.bacalao.compute.storage.StorageException;
import io.bacalao.domain.model.InputSource;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The params of a {@code local} input: SourcePath (absolute), ReadWrite (boolean {@code true} or the string
 * {@code "true"}, any case; anything else is read-only) and CreateAs ({@code dir}, {@code file} or
 * {@code noCreate}, any case; absent = noCreate).
 */
record LocalRequest(String sourcePath, Path path, boolean readWrite, CreateAs createAs) {
    enum CreateAs {
        DIR("dir"), FILE("file"), NO_CREATE("noCreate");

        final String word;

        CreateAs(String word) {
            this.word = word;
        }
    }

    static LocalRequest of(InputSource input) throws StorageException {
        String source = input.source().param("SourcePath");
        if (source == null || source.isBlank()) {
            throw new StorageException("local input for " + input.target() + " has no SourcePath");
        }
        Path path;
        try {
            path = Path.of(source);
        } catch (InvalidPathException e) {
            throw new StorageException("local path " + source + " is not a valid path: " + e.getReason(), e);
        }
        if (!path.isAbsolute()) throw new StorageException("local path " + source + " must be absolute");
        Object rw = input.source().rawParam("ReadWrite");
        boolean readWrite = rw instanceof Boolean b ? b : rw != null && rw.toString().strip().equalsIgnoreCase("true");
        return new LocalRequest(source, path, readWrite, createAs(input.source().param("CreateAs"), input.target()));
    }

    private static CreateAs createAs(String value, String target) throws StorageException {
        if (value == null || value.isBlank()) return CreateAs.NO_CREATE;
        for (CreateAs c : CreateAs.values()) {
            if (c.word.equalsIgnoreCase(value.strip())) return c;
        }
        throw new StorageException("local input for " + target + " has CreateAs \"" + value
                + "\"; use dir, file or noCreate");
    }
}
