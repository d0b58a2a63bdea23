package org.attnlab.datasets.idx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Tiny IDX files for tests. */
final class IdxFixtures {

    /** Two 2x3 images with pixels 0, 1, ..., 10, 255. */
    static final byte[] IMAGES = idx(new int[]{2, 2, 3}, new byte[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, (byte) 255});
    /** Labels 7 and 3. */
    static final byte[] LABELS = idx(new int[]{2}, new byte[]{7, 3});

    private IdxFixtures() {
    }

    static byte[] idx(int[] dims, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(0x08);
        out.write(dims.length);
        for (int d : dims) {
            out.write(d >>> 24);
            out.write(d >>> 16);
            out.write(d >>> 8);
            out.write(d);
        }
        out.writeBytes(data);
        return out.toByteArray();
    }

    static Path gzip(Path target, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            out.write(content);
        }
        return target;
    }
}
