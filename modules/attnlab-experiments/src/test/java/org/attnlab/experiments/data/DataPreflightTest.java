package org.attnlab.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.model.ModelRegistry;
import org.attnlab.experiments.run.PreflightException;
import org.attnlab.experiments.run.ExperimentRunner;
import org.attnlab.experiments.run.RunPlanner;
import org.attnlab.experiments.run.RunSpec;
import org.attnlab.experiments.store.ResultsStore;
import org.attnlab.experiments.store.RunProcessMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset files are checked before any run trains: labels out of range, a tampered dataset cache. */
class DataPreflightTest {
    @TempDir
    Path dir;

    @Test
    void aLabelOutOfRangeStopsTheExperimentNamingFileAndRecord() throws IOException {
        Path images = dir.resolve("images");
        writeSplit(images, "train", 40, 5);
        writeSplit(images, "t10k", 8, -1);
        Path file = fashionExperiment("images_dir: '" + images + "', ");
        List<RunSpec> runs = RunPlanner.plan(new ExperimentLoader(ModelRegistry.load()).load(file), false);
        Path results = dir.resolve("r");
        try (ResultsStore store = ResultsStore.open(results.resolve("attnlab.db"))) {
            PreflightException e = assertThrows(PreflightException.class,
                    () -> new ExperimentRunner(results, store, RunProcessMain.trainLines()).runAll(runs));
            assertEquals("dataset of variant only: " + images.resolve("train-labels-idx1-ubyte.gz")
                    + " at offset 13: record 5: label 200 is not a class id 0..9", e.getMessage());
            assertTrue(store.runs(null).isEmpty(), "nothing trained");
        }
    }

    @Test
    void aTamperedDatasetCacheFailsBeforeTraining() throws Exception {
        Path cache = dir.resolve("cache");
        Path fm = Files.createDirectories(cache.resolve("fashion-mnist"));
        writeSplit(fm, "train", 40, -1);                           // readable IDX files, but not the catalogue's bytes
        writeSplit(fm, "t10k", 8, -1);
        Path file = fashionExperiment("");
        Path log = dir.resolve("out.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), RunProcessMain.class.getName(),
                file.toString(), dir.resolve("r").toString());
        pb.environment().put("ATTNLAB_DATA_DIR", cache.toString());
        Process p = pb.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        List<String> out = Files.readAllLines(log);
        assertEquals(2, p.exitValue(), String.join("\n", out));
        assertTrue(out.stream().anyMatch(l -> l.startsWith("error: dataset of variant only: checksum mismatch for "
                + fm)), String.join("\n", out));
        assertFalse(out.stream().anyMatch(l -> l.startsWith("TRAIN")), "nothing trained");
    }

    private Path fashionExperiment(String source) throws IOException {
        return Files.writeString(dir.resolve("fm.yaml"), """
                name: fm
                dataset: {kind: fashion_mnist, %strain_examples: 24, val_examples: 8, test_examples: 8}
                model: {kind: se_cnn, channels: 4, blocks: 1, ratio: 2}
                training: {batch_size: 8, steps: 2, eval_every: 1}
                seeds: [1]
                variants:
                  only: {}
                """.formatted(source));
    }

    /** Tiny 28x28 IDX files with labels i % 10; record {@code badRecord} (if >= 0) gets label 200. */
    static void writeSplit(Path dir, String prefix, int n, int badRecord) throws IOException {
        Files.createDirectories(dir);
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i == badRecord ? 200 : i % 10);
        }
        write(dir.resolve(prefix + "-images-idx3-ubyte.gz"), new int[]{n, 28, 28}, new byte[n * 28 * 28]);
        write(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), new int[]{n}, labels);
    }

    private static void write(Path file, int[] dims, byte[] data) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(0x00000800 | dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }
}
