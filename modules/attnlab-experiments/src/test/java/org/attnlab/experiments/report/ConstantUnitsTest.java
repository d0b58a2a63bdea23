package org.attnlab.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.attnlab.experiments.kinds.DataKind;
import org.attnlab.experiments.kinds.SeCnnKind;
import org.attnlab.experiments.kinds.TaskShape;
import org.attnlab.experiments.kinds.TrainableModel;
import org.attnlab.experiments.run.UnitSpread;
import org.attnlab.experiments.store.RunDirectory;
import org.attnlab.experiments.store.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

class ConstantUnitsTest {
    private static final int CHANNELS = 4;

    /**
     * An SE-CNN whose excitation of channel 0 ignores the image (its column of the second FC layer is zeroed, so it is
     * sigmoid(0) = 0.5 for every image) is flagged for that channel only; the same model without the edit has no
     * constant unit. Both keep their bottleneck ReLUs alive with a bias of 1 (at this seed's initialisation both
     * hidden units are negative for every image, so every excitation would be constant).
     */
    @Test
    void flagsAnExcitationThatIgnoresTheImageAndPassesVaryingOnes(@TempDir Path dir) {
        List<org.nd4j.linalg.dataset.api.MultiDataSet> images = images(new Random(7));
        TrainableModel dead = model();
        dead.sd().getVariable("block0/se/w2").getArr().getColumn(0).assign(0);
        assertEquals(0.0, dead.sd().getVariable("block0/se/w2").getArr().getColumn(0).amaxNumber().doubleValue());
        List<UnitSpread.Output> deadSpread = UnitSpread.of(dead, images);
        assertEquals(1, deadSpread.size(), "one block, one excitation output");
        UnitSpread.Output out = deadSpread.get(0);
        assertEquals(10, out.examples());
        assertEquals(0.5, out.mean()[0], 1e-6);
        assertEquals(0.0, out.std()[0], 1e-7);
        for (int c = 1; c < CHANNELS; c++) {
            assertTrue(out.std()[c] > 2 * ConstantUnits.TOLERANCE, "channel " + c + " varies: " + out.std()[c]);
        }
        List<UnitSpread.Output> liveSpread = UnitSpread.of(model(), images);

        write(dir, "dead-1", deadSpread);
        write(dir, "live-1", liveSpread);
        Table table = ConstantUnits.of(dir, VariantRuns.of(List.of(record("dead-1", "dead"), record("live-1", "live"))))
                .orElseThrow();
        assertEquals(List.of("dead", "live"), table.rows().stream().map(r -> r.get(0)).toList());
        assertEquals("4", table.rows().get(0).get(2));
        assertEquals("1", table.rows().get(0).get(3), "channel 0 of the edited model is constant");
        assertEquals("0", table.rows().get(1).get(3), "no channel of the untouched model is constant");
    }

    @Test
    void noTableWithoutSpreads(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("plain-1"));
        assertTrue(ConstantUnits.of(dir, VariantRuns.of(List.of(record("plain-1", "plain")))).isEmpty());
    }

    /** The model with the bottleneck ReLUs' bias set to 1, so that they are positive for these images. */
    private static TrainableModel model() {
        TrainableModel m = new SeCnnKind().build(new SeCnnKind.Settings(CHANNELS, 1, true, 2, 3, false, 1),
                TaskShape.images(8, 3), 1);
        m.sd().getVariable("block0/se/b1").getArr().assign(1);
        return m;
    }

    /** Two batches of five 8x8 images: a square at a random place on a noisy background, at a random brightness. */
    private static List<org.nd4j.linalg.dataset.api.MultiDataSet> images(Random rnd) {
        List<org.nd4j.linalg.dataset.api.MultiDataSet> batches = new ArrayList<>();
        for (int b = 0; b < 2; b++) {
            INDArray x = Nd4j.zeros(DataType.FLOAT, 5, 1, 8, 8);
            INDArray y = Nd4j.zeros(DataType.FLOAT, 5, 3);
            for (int i = 0; i < 5; i++) {
                int r0 = rnd.nextInt(5);
                int c0 = rnd.nextInt(5);
                double brightness = 0.2 + 3 * rnd.nextDouble();
                for (int r = 0; r < 8; r++) {
                    for (int c = 0; c < 8; c++) {
                        boolean square = r >= r0 && r < r0 + 3 && c >= c0 && c < c0 + 3;
                        x.putScalar(new long[]{i, 0, r, c}, brightness * ((square ? 1.0 : 0.0) + 0.2 * rnd.nextDouble()));
                    }
                }
                y.putScalar(i, rnd.nextInt(3), 1.0);
            }
            batches.add(new MultiDataSet(x, y));
        }
        return batches;
    }

    private static void write(Path dir, String runId, List<UnitSpread.Output> spreads) {
        new RunDirectory(dir.resolve(runId)).writeJson(UnitSpread.FILE, spreads);
    }

    private static RunRecord record(String runId, String variant) {
        RunSummary s = new RunSummary(runId, "e", variant, 1, RunSummary.COMPLETED, "", 0, 1, 1, 1, 1, 0.5, 0.5,
                Double.NaN, Double.NaN);
        return new RunRecord(s, List.of(), null, null, JsonNodeFactory.instance.objectNode(), DataKind.IMAGES, List.of());
    }
}
