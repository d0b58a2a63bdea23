package org.attnlab.cli.badinput;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad data files named by an experiment ({@code pairs_file}, {@code images_dir}): one line naming the file, exit 2,
 * nothing trained, and never a line of the file's content (a secret file must not leak into messages).
 */
class BadDataFilesTest {
    private static final String SECRET = "root:$6$hidden-hash:19000:0:99999:7:::";

    @TempDir
    static Path d;

    @BeforeAll
    static void files() throws Exception {
        Files.writeString(d.resolve("secret"), SECRET + "\n" + SECRET + "\n");
        Files.write(d.resolve("binary"), new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\t', (byte) 0xc3});
        Files.writeString(d.resolve("threecols"), "a\tb\tc\n");
        Files.createDirectories(d.resolve("folder"));
        new ProcessBuilder("mkfifo", d.resolve("fifo").toString()).start().waitFor();
        Path images = Files.createDirectories(d.resolve("images"));
        idx(images.resolve("train-images-idx3-ubyte.gz"), new int[]{40, 28, 28}, new byte[40 * 28 * 28]);
        byte[] labels = new byte[40];
        labels[7] = (byte) 200;
        idx(images.resolve("train-labels-idx1-ubyte.gz"), new int[]{40}, labels);
        Path truncated = Files.createDirectories(d.resolve("truncated"));
        idx(truncated.resolve("train-images-idx3-ubyte.gz"), new int[]{40, 28, 28}, new byte[100]);
        idx(truncated.resolve("train-labels-idx1-ubyte.gz"), new int[]{40}, new byte[40]);
        Path notGzip = Files.createDirectories(d.resolve("garbage"));
        Files.writeString(notGzip.resolve("train-images-idx3-ubyte.gz"), SECRET);
        Files.writeString(notGzip.resolve("train-labels-idx1-ubyte.gz"), SECRET);
    }

    static Stream<Arguments> cases() {
        List<Arguments> c = new ArrayList<>();
        c.add(pairs("expected 'source<TAB>target', found 0 tabs", "$D/secret"));
        c.add(pairs("expected 'source<TAB>target', found 2 tabs", "$D/threecols"));
        c.add(pairs("not UTF-8", "$D/binary"));
        c.add(pairs("not a regular file", "/dev/zero"));
        c.add(pairs("not a regular file", "$D/fifo"));
        c.add(pairs("is a folder", "$D/folder"));
        c.add(pairs("no such file", "$D/missing.tsv"));
        c.add(pairs("expected 'source<TAB>target'", "/etc/passwd"));
        c.add(images("record 7: label 200 is not a class id 0..9", "$D/images"));
        c.add(images("truncated", "$D/truncated"));
        c.add(images("bad magic number", "$D/garbage"));
        c.add(images("no such file", "$D/folder"));
        c.add(images("no such file", "/proc/self"));
        return c.stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void badDataFileEndsInOneLine(String fragment, String yaml) throws IOException {
        Path file = Files.writeString(d.resolve("exp.yaml"), yaml.replace("$D", d.toString()));
        Cli.Result r = Cli.run("run", file.toString(), "--results", d.resolve("results").toString());
        Cli.assertClean(r, 2, fragment);
        assertFalse(r.err().contains("hidden-hash") || r.out().contains("hidden-hash"), "leaked\n" + r.err());
        assertFalse(r.err().contains("root:x") || r.out().contains("root:x"), "file content leaked\n" + r.err());
        assertFalse(r.out().contains(" steps"), "nothing trained\n" + r.out());
    }

    private static Arguments pairs(String fragment, String path) {
        return Arguments.of(fragment, """
                name: tr
                dataset: {kind: translation, pairs_file: '%s', train_examples: 8, val_examples: 4, test_examples: 4}
                model: {kind: seq2seq, embed: 8, hidden: 8}
                training: {batch_size: 4, steps: 2, eval_every: 1}
                seeds: [1]
                """.formatted(path));
    }

    private static Arguments images(String fragment, String path) {
        return Arguments.of(fragment, """
                name: im
                dataset: {kind: fashion_mnist, images_dir: '%s', train_examples: 24, val_examples: 8, test_examples: 8}
                model: {kind: se_cnn, channels: 4, blocks: 1, ratio: 2}
                training: {batch_size: 8, steps: 2, eval_every: 1}
                seeds: [1]
                """.formatted(path));
    }

    private static void idx(Path file, int[] dims, byte[] data) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(0x00000800 | dims.length);
            for (int x : dims) {
                out.writeInt(x);
            }
            out.write(data);
        }
    }
}
