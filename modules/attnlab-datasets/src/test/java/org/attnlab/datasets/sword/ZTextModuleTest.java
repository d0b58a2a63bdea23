package org.attnlab.datasets.sword;

import org.attnlab.datasets.CorruptDataException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZTextModuleTest {

    static final String GEN_1_4 = "And <w lemma=\"strong:H0430\">God</w> <w lemma=\"strong:H7200\">saw</w> the light, "
            + "<transChange type=\"added\">it was</transChange> good.<note placement=\"foot\"><reference>1.4 </reference>"
            + "Heb. between</note> ";

    @TempDir
    Path dir;

    @BeforeEach
    void writeModule() throws Exception {
        ZTextFixture.write(dir, Testament.OLD, List.of(
                List.of("", "<title>Genesis</title>", "In the beginning.", GEN_1_4),
                List.of("Also, Ñandú &amp; café.")));
        ZTextFixture.write(dir, Testament.NEW, List.of(List.of("", "The book.")));
    }

    @Test
    void readsEntriesAcrossBlocks() throws Exception {
        ZTextModule module = ZTextModule.open(dir);
        assertEquals(List.of("", "<title>Genesis</title>", "In the beginning.", GEN_1_4, "Also, Ñandú &amp; café."),
                module.entries(Testament.OLD));
        assertEquals(List.of("", "The book."), module.entries(Testament.NEW));
    }

    @Test
    void plainEntriesDropMarkupNotesAndTitles() throws Exception {
        assertEquals(List.of("", "", "In the beginning.", "And God saw the light, it was good.",
                "Also, Ñandú & café.", "", "The book."), Bibles.plainEntries(dir));
    }

    @Test
    void badZlibBlockNamesFileAndOffset() throws Exception {
        Path bzz = dir.resolve("ot.bzz");
        byte[] bytes = Files.readAllBytes(bzz);
        int secondBlock = java.nio.ByteBuffer.wrap(Files.readAllBytes(dir.resolve("ot.bzs")))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt(12);
        bytes[secondBlock] = 0x00; // not a zlib header
        Files.write(bzz, bytes);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> ZTextModule.open(dir).entries(Testament.OLD));
        assertTrue(e.getMessage().startsWith(bzz + " at offset " + secondBlock + ": bad zlib block 1"), e.getMessage());
    }

    @Test
    void truncatedFilesNameFileAndOffset() throws Exception {
        Path bzv = dir.resolve("ot.bzv");
        Files.write(bzv, Arrays.copyOf(Files.readAllBytes(bzv), 45));
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> ZTextModule.open(dir).entries(Testament.OLD));
        assertTrue(e.getMessage().startsWith(bzv + " at offset 40: truncated record"), e.getMessage());

        Path bzz = dir.resolve("nt.bzz");
        Files.write(bzz, Arrays.copyOf(Files.readAllBytes(bzz), 3));
        CorruptDataException t = assertThrows(CorruptDataException.class, () -> ZTextModule.open(dir).entries(Testament.NEW));
        assertTrue(t.getMessage().startsWith(bzz + " at offset 3: truncated"), t.getMessage());
    }
}
