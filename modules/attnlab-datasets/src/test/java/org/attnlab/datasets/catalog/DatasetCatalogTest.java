package org.attnlab.datasets.catalog;

import org.junit.jupiter.api.Test;

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
}
