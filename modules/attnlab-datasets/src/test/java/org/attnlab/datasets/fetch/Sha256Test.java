package org.attnlab.datasets.fetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Sha256Test {

    // Values from `printf abc | sha256sum` and from
    // (cd sub && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum) on the same two files.
    static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    static final String HELLO = "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03";
    static final String SUB_TREE = "c06345c66ce459e32845e4288580cd5ca830ce070cc37d591e45c9abb35385fc";

    @TempDir
    Path dir;

    @Test
    void textDigestIsTheKnownSha256OfItsUtf8Bytes() {
        // printf abc | sha256sum
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.ofText("abc"));
    }

    @Test
    void fileAndTreeDigestsMatchSha256sum() throws Exception {
        Files.writeString(dir.resolve("abc"), "abc");
        Files.createDirectories(dir.resolve("sub/deeper"));
        Files.writeString(dir.resolve("sub/x.txt"), "hello\n");
        Files.writeString(dir.resolve("sub/deeper/y.txt"), "abc");
        assertEquals(ABC, Sha256.ofFile(dir.resolve("abc")));
        assertEquals(HELLO, Sha256.ofFile(dir.resolve("sub/x.txt")));
        assertEquals(SUB_TREE, Sha256.ofTree(dir.resolve("sub")));
    }

    @Test
    void mismatchNamesTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("abc"), "abd");
        ChecksumMismatchException e = assertThrows(ChecksumMismatchException.class, () -> Sha256.check(file, false, ABC));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(ABC), e.getMessage());
    }
}
