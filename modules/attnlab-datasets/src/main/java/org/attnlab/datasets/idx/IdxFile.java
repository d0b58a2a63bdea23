package org.attnlab.datasets.idx;

import org.attnlab.datasets.CorruptDataException;
import org.attnlab.datasets.io.InputFiles;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * An IDX file of unsigned bytes (the MNIST / Fashion-MNIST format), plain or gzip-compressed:
 * magic {@code 0x00 0x00 0x08 NDIMS}, NDIMS big-endian int32 sizes, then the data in row-major order.
 *
 * @param dims sizes of each dimension, the first being the number of items
 * @param data all values, unsigned, row-major
 */
public record IdxFile(int[] dims, byte[] data) {

    private static final int UNSIGNED_BYTE = 0x08;

    /** Number of items (the first dimension). */
    public int count() {
        return dims[0];
    }

    /** Values per item (product of the other dimensions). */
    public int itemSize() {
        return Arrays.stream(dims, 1, dims.length).reduce(1, Math::multiplyExact);
    }

    /** Value {@code j} of item {@code i}, 0..255. */
    public int value(int i, int j) {
        return data[i * itemSize() + j] & 0xFF;
    }

    /**
     * Reads {@code file} (a regular file of at most {@link InputFiles#DATA_LIMIT} bytes); offsets in errors count bytes
     * of the uncompressed stream.
     *
     * @throws CorruptDataException on a bad magic number, an unsupported element type or a short read
     */
    public static IdxFile read(Path file) throws IOException {
        InputFiles.requireRegular(file, InputFiles.DATA_LIMIT);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            try (DataInputStream in = new DataInputStream(gzip ? new GZIPInputStream(raw) : raw)) {
                return read(file, in);
            } catch (ZipException e) {
                throw new CorruptDataException(file, 0, "corrupt gzip stream: " + e.getMessage(), e);
            }
        }
    }

    private static IdxFile read(Path file, DataInputStream in) throws IOException {
        byte[] magic = readFully(file, in, 0, 4);
        if (magic[0] != 0 || magic[1] != 0) {
            throw new CorruptDataException(file, 0, "bad magic number: not an IDX file (one starts with the bytes "
                    + "00 00, its element type and its number of dimensions)");
        }
        if (magic[2] != UNSIGNED_BYTE) {
            throw new CorruptDataException(file, 2, String.format("unsupported element type 0x%02x, only unsigned byte (0x08)", magic[2]));
        }
        int ndims = magic[3] & 0xFF;
        if (ndims == 0) {
            throw new CorruptDataException(file, 3, "zero dimensions");
        }
        int[] dims = new int[ndims];
        long size = 1;
        for (int d = 0; d < ndims; d++) {
            byte[] b = readFully(file, in, 4 + 4L * d, 4);
            dims[d] = ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
            if (dims[d] < 0) {
                throw new CorruptDataException(file, 4 + 4L * d, "negative dimension " + dims[d]);
            }
            size *= dims[d];
        }
        if (size > Integer.MAX_VALUE - 8) {
            throw new CorruptDataException(file, 4, "data too large: " + size + " bytes");
        }
        return new IdxFile(dims, readFully(file, in, 4 + 4L * ndims, (int) size));
    }

    private static byte[] readFully(Path file, DataInputStream in, long offset, int length) throws IOException {
        byte[] buffer;
        try {
            buffer = in.readNBytes(length);
        } catch (EOFException | ZipException e) {
            throw new CorruptDataException(file, offset, "unreadable data: " + e.getMessage(), e);
        }
        if (buffer.length < length) {
            throw new CorruptDataException(file, offset + buffer.length,
                    "truncated: expected " + length + " bytes from offset " + offset + ", found " + buffer.length);
        }
        return buffer;
    }
}
