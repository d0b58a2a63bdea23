package org.attnlab.datasets.sword;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.Deflater;

/** Writes a tiny SWORD zText testament: each inner list is one zlib block of entries ("" = empty slot). */
final class ZTextFixture {

    private ZTextFixture() {
    }

    static void write(Path dir, Testament testament, List<List<String>> blocks) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream bzz = new ByteArrayOutputStream();
        ByteBuffer bzs = ByteBuffer.allocate(12 * blocks.size()).order(ByteOrder.LITTLE_ENDIAN);
        int entries = blocks.stream().mapToInt(List::size).sum();
        ByteBuffer bzv = ByteBuffer.allocate(10 * entries).order(ByteOrder.LITTLE_ENDIAN);
        for (int b = 0; b < blocks.size(); b++) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            for (String entry : blocks.get(b)) {
                byte[] bytes = entry.getBytes(StandardCharsets.UTF_8);
                bzv.putInt(b).putInt(text.size()).putShort((short) bytes.length);
                text.writeBytes(bytes);
            }
            byte[] compressed = deflate(text.toByteArray());
            bzs.putInt(bzz.size()).putInt(compressed.length).putInt(text.size());
            bzz.writeBytes(compressed);
        }
        Files.write(dir.resolve(testament.prefix() + ".bzs"), bzs.array());
        Files.write(dir.resolve(testament.prefix() + ".bzv"), bzv.array());
        Files.write(dir.resolve(testament.prefix() + ".bzz"), bzz.toByteArray());
    }

    private static byte[] deflate(byte[] input) {
        Deflater deflater = new Deflater();
        deflater.setInput(input);
        deflater.finish();
        byte[] buffer = new byte[input.length + 64];
        int n = deflater.deflate(buffer);
        deflater.end();
        return java.util.Arrays.copyOf(buffer, n);
    }
}
