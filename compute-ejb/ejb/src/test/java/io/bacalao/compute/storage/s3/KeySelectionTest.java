package io.bacalao.compute.storage.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeySelectionTest {
    static final List<String> BUCKET = List.of("data/", "data/a.csv", "data/b.txt", "data/sub/c.csv", "data-old/d.csv",
            "top.csv");

    private static List<String> selected(KeySelection s) {
        return BUCKET.stream().filter(s::selects).toList();
    }

    @Test
    void aPlainKeyNamesOneObjectThatLandsUnderItsOwnName() {
        KeySelection s = KeySelection.of("data/sub/c.csv", "");
        assertTrue(s.isSingleObject());
        assertEquals(Optional.of(Path.of("c.csv")), s.relativePath("data/sub/c.csv"));
    }

    @Test
    void aFolderKeyListsEverythingBelowItKeepingRelativePaths() {
        KeySelection s = KeySelection.of("data/", null);
        assertFalse(s.isSingleObject());
        assertEquals("data/", s.listPrefix());
        assertEquals(List.of("data/a.csv", "data/b.txt", "data/sub/c.csv"), selected(s));
        assertEquals(Optional.of(Path.of("sub", "c.csv")), s.relativePath("data/sub/c.csv"));
    }

    @Test
    void aTrailingStarIsAPrefixAsInBacalhau() {
        KeySelection s = KeySelection.of("data*", "");
        assertEquals("data", s.listPrefix());
        assertEquals(List.of("data/a.csv", "data/b.txt", "data/sub/c.csv", "data-old/d.csv"), selected(s));
        assertEquals(Optional.of(Path.of("data", "a.csv")), s.relativePath("data/a.csv"));
        KeySelection folder = KeySelection.of("data/*", "");
        assertEquals(List.of("data/a.csv", "data/b.txt", "data/sub/c.csv"), selected(folder));
        assertEquals(Optional.of(Path.of("a.csv")), folder.relativePath("data/a.csv"));
    }

    @Test
    void aGlobMatchesWithinOneFolderUnlessDoubleStar() {
        KeySelection s = KeySelection.of("data/*.csv", "");
        assertEquals("data/", s.listPrefix());
        assertEquals(List.of("data/a.csv"), selected(s));
        assertEquals(List.of("data/a.csv", "data/sub/c.csv"), selected(KeySelection.of("data/**.csv", "")));
        assertEquals(List.of("data/a.csv", "data/b.txt"), selected(KeySelection.of("data/?.*", "")));
        assertEquals(List.of("data/b.txt"), selected(KeySelection.of("data/[b-c].*", "")));
        assertEquals(List.of("data/a.csv"), selected(KeySelection.of("data/[!b-c].*", "")));
    }

    @Test
    void theFilterIsARegexFoundInTheKeyAfterThePrefix() {
        KeySelection s = KeySelection.of("data/", "^sub/");
        assertEquals(List.of("data/sub/c.csv"), selected(s));
        assertEquals(List.of("data/a.csv", "data/sub/c.csv", "data-old/d.csv", "top.csv"),
                selected(KeySelection.of("", "\\.csv$")));
    }

    @Test
    void anInvalidFilterIsRefusedWithItsReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeySelection.of("data/", "(["));
        assertTrue(e.getMessage().startsWith("invalid regex pattern"), e.getMessage());
    }

    @Test
    void keysThatWouldLeaveTheTargetAreNotPlaced() {
        KeySelection s = KeySelection.of("data/", "");
        assertEquals(Optional.empty(), s.relativePath("data/../../etc/passwd"));
        assertEquals(Optional.empty(), s.relativePath("data/a\\..\\b"));
        assertEquals(Optional.of(Path.of("x", "y")), s.relativePath("data//x/./y"));
    }
}
