package org.attnlab.sweeps.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.attnlab.sweeps.SweepFiles;
import org.attnlab.sweeps.config.ParamSpec;
import org.attnlab.sweeps.config.SweepConfig;
import org.attnlab.sweeps.config.SweepConfigParser;
import org.attnlab.sweeps.store.TrialRecord;
import org.attnlab.sweeps.store.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepReportTest {

    @TempDir
    Path dir;

    private static TrialRecord trial(int index, TrialState state, Double score, double lr, int heads, String score2) {
        LinkedHashMap<String, Object> p = new LinkedHashMap<>();
        p.put("training.lr", lr);
        p.put("model.heads", heads);
        p.put("model.score", score2);
        return new TrialRecord(index, state, p, new double[3], index, score,
                score == null ? Map.of() : Map.of("loss", score), new TreeMap<>(), state == TrialState.FAILED ? "boom" : null);
    }

    @Test
    void scatterSeriesAreColouredByACategoricalParameterWithStoppedTrialsApart() throws Exception {
        SweepConfig config = new SweepConfigParser().parse(new SweepFiles(dir).sweep("rep", "test-quadratic", "random",
                4, ""));
        TreeMap<Long, Double> curve = new TreeMap<>(Map.of(10L, 0.7, 20L, 0.6));
        TrialRecord pruned = trial(4, TrialState.PRUNED, null, 1e-3, 2, "additive");
        pruned = new TrialRecord(pruned.index(), pruned.state(), pruned.params(), pruned.flatParams(), pruned.seed(),
                null, Map.of(), curve, null);
        List<TrialRecord> trials = List.of(trial(0, TrialState.DONE, 0.9, 1e-2, 2, "dot"),
                trial(1, TrialState.DONE, 0.2, 1e-3, 4, "additive"), trial(2, TrialState.FAILED, null, 1e-4, 8, "dot"),
                trial(3, TrialState.RUNNING, null, 1e-4, 8, "dot"), pruned);
        ParamSpec lr = config.parameters().stream().filter(p -> p.key().equals("training.lr")).findFirst().orElseThrow();
        ParamSpec.Categorical by = ScatterPlots.colourBy(lr, config.parameters());
        assertEquals("model.score", by.key());
        var data = ScatterPlots.series(lr, by, trials);
        assertEquals(List.of("model.score = dot", "model.score = additive", "model.score = additive (pruned or failed)"),
                data.getSeries().stream().map(s -> ((org.jfree.data.xy.XYSeries) s).getKey()).toList());
        var stopped = data.getSeries(2);
        assertEquals(0.6, stopped.getY(0).doubleValue(), 0, "a pruned trial sits at its last reported value");
        assertEquals(1, stopped.getItemCount(), "the failed trial reported nothing and the running one is not finished");
    }

    @Test
    @SuppressWarnings("unchecked")
    void writesTablePlotsAndARunnableBestConfig() throws Exception {
        SweepFiles files = new SweepFiles(dir);
        SweepConfig config = new SweepConfigParser().parse(files.sweep("rep", "test-quadratic", "random", 4, ""));
        List<TrialRecord> trials = List.of(
                trial(0, TrialState.DONE, 0.9, 1e-2, 2, "dot"),
                trial(1, TrialState.DONE, 0.2, 1e-3, 4, "additive"),
                trial(2, TrialState.FAILED, null, 1e-4, 8, "dot"),
                trial(3, TrialState.DONE, 0.5, 1e-4, 6, "dot"));
        Path out = dir.resolve("report");
        List<Path> written = SweepReport.write(config, trials, out, 10);
        assertEquals(5, written.size());

        String md = Files.readString(out.resolve("best-trials.md"));
        assertTrue(md.contains("4 trials (3 done, 1 failed)"), md);
        String[] rows = md.lines().filter(l -> l.startsWith("| 1 ") || l.startsWith("| 2 ") || l.startsWith("| 3 ")).toArray(String[]::new);
        assertEquals(3, rows.length, md);
        assertTrue(rows[0].startsWith("| 1 | 1 | 0.2000 | 0.001000 | 4 | additive |"), rows[0]);

        for (String key : List.of("training.lr", "model.heads", "model.score")) {
            Path png = out.resolve("scatter-" + key + ".png");
            assertEquals(640, ImageIO.read(png.toFile()).getWidth());
        }

        Map<String, Object> best = new ObjectMapper(new YAMLFactory()).readValue(out.resolve("best-config.yaml").toFile(), Map.class);
        Map<String, Object> model = (Map<String, Object>) best.get("model");
        Map<String, Object> training = (Map<String, Object>) best.get("training");
        assertEquals(4, model.get("heads"));
        assertEquals("additive", model.get("score"));
        assertEquals(0.001, training.get("lr"));
        assertEquals(100, training.get("steps"), "untouched keys of the base experiment stay");
        assertTrue(Files.readString(out.resolve("best-config.yaml")).startsWith("# Best trial 1 of sweep rep"));
    }
}
