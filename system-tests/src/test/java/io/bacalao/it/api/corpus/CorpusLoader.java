package io.bacalao.it.api.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import io.bacalao.domain.spec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** Reads every {@code *.json} of the corpus folder, in name order; a malformed file or a repeated name fails. */
public final class CorpusLoader {
    private CorpusLoader() {
    }

    /** The corpus folder in the test sources (the tests run from the module directory). */
    public static Path folder() {
        return Path.of(System.getProperty("bacalao.corpus.dir", "src/test/resources/bad-inputs")).toAbsolutePath();
    }

    public static Map<String, List<CorpusCase>> load(Path folder) {
        Map<String, List<CorpusCase>> byFile = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String source = f.getFileName().toString();
                JsonNode array = Json.mapper().readTree(f.toFile());
                if (array == null || !array.isArray()) throw new IllegalArgumentException(source + " is not a JSON array");
                List<CorpusCase> cases = new ArrayList<>();
                for (JsonNode n : array) {
                    CorpusCase c = CorpusCase.of(source, n);
                    if (!names.add(c.name())) throw new IllegalArgumentException(source + ": case name repeated: " + c.name());
                    cases.add(c);
                }
                byFile.put(source, cases);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("corpus " + folder + " unreadable: " + e.getMessage(), e);
        }
        return byFile;
    }
}
