package org.attnlab.datasets.sword;

import org.attnlab.datasets.CorruptDataException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reader of a SWORD zText Bible module (CompressType=ZIP). Per testament: {@code .bzs} holds 12-byte block
 * records (offset, compressed size, uncompressed size; little-endian uint32), {@code .bzv} 10-byte entry
 * records (block uint32, offset uint32, size uint16) and {@code .bzz} the zlib-compressed blocks.
 * Entries follow the module's versification, including empty heading slots; entry {@code i} of two modules
 * with the same versification is the same verse.
 */
public final class ZTextModule {

    private static final int BLOCK_RECORD = 12;
    private static final int ENTRY_RECORD = 10;

    private final Path dir;

    private ZTextModule(Path dir) {
        this.dir = dir;
    }

    /** Opens the module whose files are in {@code dir}. */
    public static ZTextModule open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "SWORD module folder missing");
        }
        return new ZTextModule(dir);
    }

    /** All entries of one testament, raw markup as stored (UTF-8), "" for empty slots. */
    public List<String> entries(Testament testament) throws IOException {
        Path bzs = file(testament, "bzs");
        Path bzv = file(testament, "bzv");
        Path bzz = file(testament, "bzz");
        ByteBuffer blocks = records(bzs, BLOCK_RECORD);
        ByteBuffer index = records(bzv, ENTRY_RECORD);
        int blockCount = blocks.capacity() / BLOCK_RECORD;
        List<String> entries = new ArrayList<>(index.capacity() / ENTRY_RECORD);
        try (FileChannel zipped = FileChannel.open(bzz)) {
            int cachedBlock = -1;
            byte[] text = null;
            for (int pos = 0; pos < index.capacity(); pos += ENTRY_RECORD) {
                long block = Integer.toUnsignedLong(index.getInt(pos));
                long offset = Integer.toUnsignedLong(index.getInt(pos + 4));
                int size = Short.toUnsignedInt(index.getShort(pos + 8));
                if (size == 0) {
                    entries.add("");
                    continue;
                }
                if (block >= blockCount) {
                    throw new CorruptDataException(bzv, pos, "block " + block + " out of range (" + blockCount + " blocks)");
                }
                if (block != cachedBlock) {
                    text = inflate(bzz, zipped, blocks, (int) block);
                    cachedBlock = (int) block;
                }
                if (offset + size > text.length) {
                    throw new CorruptDataException(bzv, pos, "entry [" + offset + ", " + (offset + size)
                            + ") outside block " + block + " of " + text.length + " bytes");
                }
                entries.add(new String(text, (int) offset, size, StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private Path file(Testament testament, String extension) {
        return dir.resolve(testament.prefix() + "." + extension);
    }

    private static ByteBuffer records(Path file, int recordSize) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length % recordSize != 0) {
            throw new CorruptDataException(file, bytes.length - bytes.length % recordSize,
                    "truncated record: file size " + bytes.length + " is not a multiple of " + recordSize);
        }
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] inflate(Path bzz, FileChannel zipped, ByteBuffer blocks, int block) throws IOException {
        int rec = block * BLOCK_RECORD;
        long offset = Integer.toUnsignedLong(blocks.getInt(rec));
        int compressed = blocks.getInt(rec + 4);
        int size = blocks.getInt(rec + 8);
        if (compressed < 0 || size < 0) {
            throw new CorruptDataException(bzz, offset, "block " + block + " has an impossible size");
        }
        ByteBuffer input = ByteBuffer.allocate(compressed);
        while (input.hasRemaining()) {
            if (zipped.read(input, offset + input.position()) < 0) {
                throw new CorruptDataException(bzz, offset + input.position(), "truncated: block " + block
                        + " needs " + compressed + " bytes from offset " + offset);
            }
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(input.array());
            byte[] out = new byte[size];
            int n = inflater.inflate(out);
            if (n != size || !inflater.finished()) {
                throw new CorruptDataException(bzz, offset, "bad zlib block " + block + ": inflated " + n
                        + " bytes, expected " + size);
            }
            return out;
        } catch (DataFormatException e) {
            throw new CorruptDataException(bzz, offset, "bad zlib block " + block + ": " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
