package org.attnlab.datasets.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpamAssassinTest {

    @TempDir
    Path dir;

    @Test
    void readsJsonBodiesWithFolderLabels() throws Exception {
        Files.createDirectories(dir.resolve("easy-ham-1"));
        Files.createDirectories(dir.resolve("spam-2"));
        Files.writeString(dir.resolve("easy-ham-1/00001.a.json"), "{\"id\":\"00001\",\"text\":\"From: a\\nSubject: hi\\n\\nsee you\\nat noon\"}");
        Files.writeString(dir.resolve("easy-ham-1/00001.a.txt"), "raw copy, ignored");
        Files.writeString(dir.resolve("spam-2/00002.b.json"), "{\"text\":\"Subject: $$$\\r\\n\\r\\nbuy now\"}");
        assertEquals(List.of(new LabeledText("see you\nat noon", SpamAssassin.HAM), new LabeledText("buy now", SpamAssassin.SPAM)),
                SpamAssassin.load(dir));
    }
}
