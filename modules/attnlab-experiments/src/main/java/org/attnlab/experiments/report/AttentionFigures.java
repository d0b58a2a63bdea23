package org.attnlab.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attnlab.experiments.run.AttentionMaps;
import org.attnlab.experiments.store.RunSummary;
import org.attnlab.experiments.report.Heatmaps;
import org.attnlab.models.transformer.PositionalEncoding;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Heatmaps for the report: per variant, the attention / alignment maps its first completed run saved for a few test
 * examples ({@link AttentionMaps}), and for a Transformer with sinusoidal encoding the positional-encoding barcode
 * (one per model size and length).
 */
final class AttentionFigures {
    private AttentionFigures() {
    }

    /** Writes the PNGs of {@code variant} into {@code figureDir}; returns their figures. */
    static List<Report.Figure> write(Path runsDir, Path figureDir, String variant, RunSummary run,
                                     Set<String> barcodes) {
        Path runDir = runsDir.resolve(run.runId());
        List<Report.Figure> out = new ArrayList<>();
        try {
            List<AttentionMaps.Map2d> maps = AttentionMaps.read(runDir);
            for (int k = 0; k < maps.size(); k++) {
                AttentionMaps.Map2d m = maps.get(k);
                String file = "attention-" + variant + "-" + (k + 1) + ".png";
                String title = variant + " (seed " + run.seed() + "): " + m.title();
                Heatmaps.save(Nd4j.create(m.values()), m.rows(), m.cols(), title, figureDir.resolve(file));
                out.add(new Report.Figure(title, file));
            }
            JsonNode cfg = config(runDir);
            if (cfg != null && "transformer".equals(cfg.path("model").path("kind").asText())
                    && "sinusoidal".equals(cfg.path("model").path("positional").asText())) {
                int d = cfg.path("model").path("d_model").asInt();
                JsonNode data = cfg.path("dataset");
                int len = data.has("max_length") ? data.get("max_length").asInt() + 2 : data.path("seq_len").asInt();
                String file = "positional-d" + d + "-len" + len + ".png";
                if (barcodes.add(file)) {
                    String title = "sinusoidal positional encoding (positions x dimensions), d_model " + d;
                    Heatmaps.save(PositionalEncoding.table(len, d), null, null, title, figureDir.resolve(file));
                    out.add(new Report.Figure(title, file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static JsonNode config(Path runDir) throws IOException {
        Path f = runDir.resolve("config.yaml");
        return Files.exists(f) ? new YAMLMapper().readTree(f.toFile()) : null;
    }

    /** Figures of every variant's first completed run. */
    static List<Report.Figure> all(Path runsDir, Path figureDir, Map<String, List<RunSummary>> completed) {
        List<Report.Figure> out = new ArrayList<>();
        Set<String> barcodes = new HashSet<>();
        completed.forEach((variant, runs) -> out.addAll(write(runsDir, figureDir, variant, runs.get(0), barcodes)));
        return out;
    }
}
