package org.attnlab.datasets.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.attnlab.datasets.fetch.DatasetStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The SpamAssassin public corpus (catalogue name {@value #DATASET}): one JSON file per message with a "text" field,
 * in folders whose names start with "spam" (label {@link #SPAM}) or not (label {@link #HAM}).
 * The message body (after the first empty line) is kept; mail headers are dropped.
 */
public final class SpamAssassin {

    /** Catalogue name. */
    public static final String DATASET = "spam-assassin";
    /** Class id of legitimate mail. */
    public static final int HAM = 0;
    /** Class id of spam. */
    public static final int SPAM = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpamAssassin() {
    }

    /** All messages, fetched into {@code store} on first use. */
    public static List<LabeledText> load(DatasetStore store) throws IOException {
        return load(store.fetch(DATASET));
    }

    /** All messages under {@code dir}, in folder and file name order. */
    public static List<LabeledText> load(Path dir) throws IOException {
        List<LabeledText> out = new ArrayList<>();
        for (Path folder : sorted(dir, Files::isDirectory)) {
            int label = folder.getFileName().toString().startsWith("spam") ? SPAM : HAM;
            for (Path file : sorted(folder, f -> f.getFileName().toString().endsWith(".json"))) {
                JsonNode text = JSON.readTree(file.toFile()).get("text");
                if (text == null) {
                    throw new IOException(file + ": no \"text\" field");
                }
                out.add(new LabeledText(body(text.asText()), label));
            }
        }
        return out;
    }

    private static String body(String message) {
        String normalised = message.replace("\r\n", "\n");
        int blank = normalised.indexOf("\n\n");
        return blank < 0 ? normalised : normalised.substring(blank + 2);
    }

    private static List<Path> sorted(Path dir, Predicate<Path> filter) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(filter).sorted().toList();
        }
    }
}
