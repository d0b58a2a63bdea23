package org.attnlab.datasets.catalog;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetCatalogTest {

    @Test
    void bundledCatalogueDescribesTheRealSets() {
        DatasetCatalog catalog = DatasetCatalog.bundled();
        assertEquals(List.of("fashion-mnist", "kjv", "rv1909"),
                catalog.datasets().stream().map(DatasetSpec::name).toList());
        for (DatasetSpec d : catalog.datasets()) {
            assertNotNull(d.licence(), d.name());
            assertNotNull(d.citation(), d.name());
            assertTrue(d.source().sha256().matches("[0-9a-f]{64}"), d.name());
            assertTrue(d.files().stream().allMatch(f -> f.sha256().matches("[0-9a-f]{64}")), d.name());
        }
        SourceSpec fm = catalog.get("fashion-mnist").source();
        assertEquals(SourceKind.DEBIAN, fm.kind());
        assertEquals("debian dataset-fashion-mnist=0.0~git20200523.55506a9-1", fm.describe());
        assertEquals(4, catalog.get("fashion-mnist").files().size());
        assertEquals(6, catalog.get("kjv").files().size());
    }

    @Test
    void unknownNameListsKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatasetCatalog.bundled().get("cifar"));
        assertTrue(e.getMessage().contains("fashion-mnist"), e.getMessage());
    }

    private static final String ENTRY = """
            datasets:
              - name: tiny
                description: a test set
                licence: CC0
                citation: none
                upstream: https://example.org
                source: {kind: url, url: https://example.org/data}
                files:
                  - {path: a.txt, sha256: %s}
            """.formatted("0".repeat(64));

    private static IOException refused(Path dir, String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("catalog.yaml"), yaml);
        return assertThrows(IOException.class, () -> DatasetCatalog.load(file));
    }

    @Test
    void aCatalogueFileIsReadLikeTheBundledOne(@TempDir Path dir) throws IOException {
        DatasetCatalog c = DatasetCatalog.load(Files.writeString(dir.resolve("catalog.yaml"), ENTRY));
        assertEquals("https://example.org/data", c.get("tiny").source().describe());
    }

    @Test
    void aBadCatalogueNamesTheFileTheKeyAndTheLine(@TempDir Path dir) throws IOException {
        IOException unknown = refused(dir, ENTRY.replace("licence: CC0", "license: CC0"));
        assertTrue(unknown.getMessage().startsWith("catalog.yaml: datasets[0].license: unknown key; valid keys: "),
                unknown.getMessage());
        assertTrue(unknown.getMessage().endsWith("(line 4)"), unknown.getMessage());
        IOException duplicate = refused(dir, ENTRY.replace("licence: CC0", "licence: CC0\n    licence: MIT"));
        assertTrue(duplicate.getMessage().contains("Duplicate field 'licence'"), duplicate.getMessage());
        assertTrue(duplicate.getMessage().endsWith("(line 5)"), duplicate.getMessage());
        IOException alias = refused(dir, ENTRY.replace("citation: none", "citation: *x"));
        assertTrue(alias.getMessage().contains("anchors and aliases"), alias.getMessage());
        IOException kind = refused(dir, ENTRY.replace("kind: url", "kind: ftp"));
        assertTrue(kind.getMessage().contains("datasets[0].source.kind"), kind.getMessage());
    }
}
