package org.attnlab.datasets.idx;

import org.attnlab.datasets.CorruptDataException;
import org.attnlab.datasets.iter.BatchOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxFileTest {

    @TempDir
    Path dir;

    @Test
    void readsPlainAndGzipFiles() throws Exception {
        IdxFile plain = IdxFile.read(Files.write(dir.resolve("img.idx"), IdxFixtures.IMAGES));
        IdxFile gz = IdxFile.read(IdxFixtures.gzip(dir.resolve("img.idx.gz"), IdxFixtures.IMAGES));
        for (IdxFile f : new IdxFile[]{plain, gz}) {
            assertArrayEquals(new int[]{2, 2, 3}, f.dims());
            assertEquals(2, f.count());
            assertEquals(6, f.itemSize());
            assertEquals(7, f.value(1, 1));
            assertEquals(255, f.value(1, 5));
        }
    }

    @Test
    void badMagicNamesFileAndOffset() throws Exception {
        byte[] bad = IdxFixtures.IMAGES.clone();
        bad[0] = 0x12;
        Path file = Files.write(dir.resolve("bad.idx"), bad);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().startsWith(file + " at offset 0: bad magic number: not an IDX file"), e.getMessage());
        assertFalse(e.getMessage().substring(file.toString().length()).contains("12"), "no byte quoted: " + e.getMessage());
    }

    @Test
    void shortReadNamesFileAndOffset() throws Exception {
        // header 16 bytes + 12 data bytes expected; keep only 10 data bytes.
        Path file = IdxFixtures.gzip(dir.resolve("short.gz"), Arrays.copyOf(IdxFixtures.IMAGES, 26));
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().startsWith(file + " at offset 26: truncated: expected 12 bytes from offset 16, found 10"),
                e.getMessage());
    }

    @Test
    void corruptGzipIsReported() throws Exception {
        byte[] gz = Files.readAllBytes(IdxFixtures.gzip(dir.resolve("ok.gz"), IdxFixtures.IMAGES));
        gz[12] ^= 0x5a;
        gz[13] ^= 0x5a;
        Path file = Files.write(dir.resolve("broken.gz"), gz);
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> IdxFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void fashionMnistLayoutGivesScaledImagesAndOneHotLabels() throws Exception {
        IdxFixtures.gzip(dir.resolve("t10k-images-idx3-ubyte.gz"), IdxFixtures.IMAGES);
        IdxFixtures.gzip(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxFixtures.LABELS);
        ImageSet set = FashionMnist.load(dir, "t10k");
        assertEquals(2, set.count());
        DataSetIterator it = set.iterator(BatchOptions.of(2, 1).withShuffle(false));
        DataSet ds = it.next();
        assertFalse(it.hasNext());
        assertArrayEquals(new long[]{2, 1, 2, 3}, ds.getFeatures().shape());
        assertEquals(10f / 255f, ds.getFeatures().getFloat(1, 0, 1, 1), 1e-7);
        assertEquals(1f, ds.getFeatures().getFloat(1, 0, 1, 2), 1e-7);
        assertArrayEquals(new long[]{2, 10}, ds.getLabels().shape());
        assertEquals(1f, ds.getLabels().getFloat(0, 7));
        assertEquals(1f, ds.getLabels().getFloat(1, 3));
        assertEquals(2f, ds.getLabels().sumNumber().floatValue());
    }
}
