package org.attnlab.cli.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.attnlab.experiments.config.ConfigException;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.kinds.ModelKinds;
import org.attnlab.experiments.kinds.SeCnnKind;
import org.attnlab.experiments.run.AttentionMaps;
import org.attnlab.experiments.run.Trainer;
import org.attnlab.experiments.store.RunSummary;
import org.attnlab.models.norm.BatchNorm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine;

/**
 * Model kind {@code se_cnn} on {@code dataset.kind: fashion_mnist} end to end, read from a fixture folder of tiny
 * 8x8 IDX files (no network): run with and without SE, excitation maps and their PNGs, report with accuracy only.
 */
class SeCnnKindTest {
    private static final int SIDE = 8;

    @TempDir
    Path dir;

    @Test
    void seCnnOnFixtureImagesRunsAndReportsAccuracyAndExcitations() throws IOException {
        Path images = dir.resolve("images");
        writeSplit(images, "train", 80, 1);
        writeSplit(images, "t10k", 24, 2);
        Path file = dir.resolve("se.yaml");
        Files.writeString(file, """
                name: se
                dataset: {kind: fashion_mnist, images_dir: '%s', train_examples: 64, val_examples: 16, test_examples: 24}
                model: {kind: se_cnn, channels: 4, blocks: 2}
                training: {batch_size: 16, steps: 4, eval_every: 2}
                seeds: [1]
                variants:
                  plain: {model: {se: false}}
                  se-r2: {model: {se: true, ratio: 2}}
                  se-r2-bn: {model: {se: true, ratio: 2, batch_norm: true}}
                """.formatted(images.toString().replace("'", "''")));
        Path results = dir.resolve("results");
        assertEquals(0, new CommandLine(new RunCommand()).execute(file.toString(), "--results", results.toString()));
        List<RunSummary> runs = EncoderDecoderKindsTest.runs(results, "se");
        assertEquals(3, runs.size());
        for (RunSummary r : runs) {
            assertEquals(RunSummary.COMPLETED, r.status(), r.reason());
            assertTrue(r.testTokenAcc() >= 0 && r.testTokenAcc() <= 1, "accuracy " + r.testTokenAcc());
            assertTrue(Double.isNaN(r.testSeqAcc()), "no sequence accuracy for images");
            assertTrue(Double.isFinite(r.testLoss()));
            Path runDir = results.resolve("se").resolve(r.runId());
            List<String> csv = Files.readAllLines(runDir.resolve("metrics.csv"));
            assertEquals("step,epoch,train_loss,val_loss,val_acc,seconds,images_per_second", csv.get(0));
            assertEquals(String.join(",", new SeCnnKind().metrics()), csv.get(0), "the columns the kind declares");
            assertTrue(csv.size() > 1 && csv.stream().noneMatch(line -> line.contains("NaN")), csv.toString());
            if (r.variant().equals("se-r2-bn")) {
                assertBatchNormLearnedItsStatistics(runDir.resolve(Trainer.FINAL_MODEL));
            }
            List<AttentionMaps.Map2d> maps = AttentionMaps.read(runDir);
            if (r.variant().equals("plain")) {
                assertTrue(maps.isEmpty(), "no excitations without SE");
                assertFalse(Files.exists(runDir.resolve("map-1.png")));
            } else {
                assertEquals(2, maps.size(), "one excitation map per block");
                assertEquals(8, maps.get(0).rows().size(), "8 test images");
                assertEquals(4, maps.get(0).cols().size(), "4 channels");
                for (double[] row : maps.get(0).values()) {
                    for (double v : row) {
                        assertTrue(v > 0 && v < 1, "sigmoid excitation " + v);
                    }
                }
                assertTrue(Files.size(runDir.resolve("map-2.png")) > 1000);
            }
        }
        assertEquals(0, new CommandLine(new ReportCommand()).execute("se", "--results", results.toString()));
        Path report = results.resolve("se").resolve("report");
        String md = Files.readString(report.resolve("report.md"));
        assertTrue(md.contains("| accuracy |") || md.contains("accuracy"), md);
        assertFalse(md.contains("sequence accuracy"), "no sequence accuracy column for images");
        List<String> perSeed = Files.readAllLines(report.resolve("per-seed.csv"));
        assertFalse(perSeed.get(0).contains("seq_acc"), perSeed.get(0));
        assertTrue(perSeed.get(0).contains("test_acc") && perSeed.get(0).endsWith("images_per_second"), perSeed.get(0));
        assertTrue(md.contains("| test accuracy | paired t"), md);
        assertTrue(Files.size(report.resolve("attention-se-r2-1.png")) > 1000);
    }

    /**
     * Steps replayed from a recording (the default) train the SE CNN with batch norm exactly as steps through SameDiff's
     * session: the batch-norm switch and running estimates are graph constants replaced between steps.
     */
    @Test
    void replayedStepsTrainTheCnnWithBatchNormAsTheSessionDoes() throws IOException {
        Path images = dir.resolve("images");
        writeSplit(images, "train", 80, 1);
        writeSplit(images, "t10k", 24, 2);
        Path file = dir.resolve("bn.yaml");
        Files.writeString(file, """
                name: bn
                dataset: {kind: fashion_mnist, images_dir: '%s', train_examples: 64, val_examples: 16, test_examples: 24}
                model: {kind: se_cnn, channels: 4, blocks: 2, se: true, ratio: 2, batch_norm: true}
                training: {batch_size: 16, steps: 8, eval_every: 4}
                seeds: [1]
                """.formatted(images.toString().replace("'", "''")));
        RunSummary replayed = runWithReplay(file, dir.resolve("replayed"), "true");
        RunSummary session = runWithReplay(file, dir.resolve("session"), "false");
        assertEquals(RunSummary.COMPLETED, replayed.status(), replayed.reason());
        assertEquals(session.testLoss(), replayed.testLoss(), 0.0);
        assertEquals(session.testTokenAcc(), replayed.testTokenAcc(), 0.0);
        assertEquals(losses(dir.resolve("session"), session), losses(dir.resolve("replayed"), replayed));
    }

    private static RunSummary runWithReplay(Path file, Path results, String replay) {
        String before = System.getProperty("attnlab.replay");
        System.setProperty("attnlab.replay", replay);
        try {
            assertEquals(0, new CommandLine(new RunCommand()).execute(file.toString(), "--results", results.toString()));
        } finally {
            if (before == null) {
                System.clearProperty("attnlab.replay");
            } else {
                System.setProperty("attnlab.replay", before);
            }
        }
        return EncoderDecoderKindsTest.runs(results, "bn").get(0);
    }

    /** step, train loss, validation loss and accuracy of each row of a run's metrics.csv (not its timings). */
    private static List<String> losses(Path results, RunSummary run) throws IOException {
        return Files.readAllLines(results.resolve("bn").resolve(run.runId()).resolve("metrics.csv")).stream()
                .map(line -> String.join(",", List.of(line.split(",")).subList(0, 5))).toList();
    }

    /**
     * The trainer ran every step on batch statistics and updated the running estimates (saved with the model), and
     * switched back to them afterwards.
     */
    private static void assertBatchNormLearnedItsStatistics(Path model) {
        SameDiff sd = SameDiff.load(model.toFile(), false);
        for (String site : List.of("stem/bn", "block0/conv1/bn", "block1/proj/bn")) {
            INDArray mean = sd.getVariable(site + BatchNorm.RUNNING_MEAN).getArr();
            INDArray var = sd.getVariable(site + BatchNorm.RUNNING_VAR).getArr();
            assertTrue(mean.amaxNumber().doubleValue() > 0, site + " running mean still 0: " + mean);
            assertTrue(var.sub(1.0).amaxNumber().doubleValue() > 0, site + " running variance still 1: " + var);
            assertEquals(0.0, sd.getVariable(site + BatchNorm.BATCH_STATS).getArr().getDouble(0), site);
        }
    }

    @Test
    void imageKindOnSequenceDataIsAConfigError() throws IOException {
        Path file = dir.resolve("mix.yaml");
        Files.writeString(file, """
                dataset: {task: reverse, seq_len: 4, vocab: 6}
                model: {kind: se_cnn}
                training: {steps: 2}
                seeds: [1]
                """);
        ConfigException e = assertThrows(ConfigException.class,
                () -> new ExperimentLoader(ModelKinds.load()).load(file));
        assertTrue(e.getMessage().contains("model.kind: kind 'se_cnn' classifies images, but dataset.kind is synthetic"),
                e.getMessage());
    }

    /** {@code PREFIX-images-idx3-ubyte.gz} / {@code -labels-idx1-ubyte.gz}: class c has a bright band at row c. */
    static void writeSplit(Path dir, String prefix, int n, long seed) throws IOException {
        Files.createDirectories(dir);
        Random rnd = new Random(seed);
        byte[] pixels = new byte[n * SIDE * SIDE];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = rnd.nextInt(SIDE);
            labels[i] = (byte) c;
            for (int p = 0; p < SIDE * SIDE; p++) {
                pixels[i * SIDE * SIDE + p] = (byte) (p / SIDE == c ? 200 + rnd.nextInt(56) : rnd.nextInt(40));
            }
        }
        write(dir.resolve(prefix + "-images-idx3-ubyte.gz"), new int[]{n, SIDE, SIDE}, pixels);
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
