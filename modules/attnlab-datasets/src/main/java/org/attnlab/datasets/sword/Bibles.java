package org.attnlab.datasets.sword;

import org.attnlab.datasets.fetch.DatasetStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The catalogue's SWORD Bibles as lists of plain-text entries in versification order (empty for heading slots). */
public final class Bibles {

    /** Catalogue name of the King James Version. */
    public static final String KJV = "kjv";
    /** Catalogue name of the Reina-Valera 1909. */
    public static final String RV1909 = "rv1909";

    private Bibles() {
    }

    /** Plain-text entries of catalogue Bible {@code name}, fetched into {@code store} on first use. */
    public static List<String> entries(DatasetStore store, String name) throws IOException {
        return plainEntries(store.fetch(name));
    }

    /** Plain-text entries of the zText module in {@code moduleDir}: Old Testament then New Testament. */
    public static List<String> plainEntries(Path moduleDir) throws IOException {
        ZTextModule module = ZTextModule.open(moduleDir);
        List<String> all = new ArrayList<>();
        for (Testament testament : Testament.values()) {
            module.entries(testament).stream().map(OsisText::plain).forEach(all::add);
        }
        return all;
    }
}
