package org.attnlab.experiments.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.attnlab.experiments.run.AttentionMaps;
import org.attnlab.experiments.store.RunSummary;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Heatmaps for the report: per variant, the maps its first completed run saved ({@link AttentionMaps}): attention,
 * alignment, gates or excitations of a few test examples, and the figures its model kind fixes from the settings (e.g.
 * a Transformer's sinusoidal position table), drawn once however many variants share them.
 */
final class AttentionFigures {
    private AttentionFigures() {
    }

    /** Writes the PNGs of {@code variant} into {@code figureDir}; {@code shared} holds the fixed figures drawn so far. */
    static List<Report.Figure> write(Path runsDir, Path figureDir, String variant, RunSummary run, Set<String> shared) {
        List<Report.Figure> out = new ArrayList<>();
        List<AttentionMaps.Map2d> maps = AttentionMaps.read(runsDir.resolve(run.runId()));
        for (int k = 0; k < maps.size(); k++) {
            AttentionMaps.Map2d m = maps.get(k);
            boolean fixed = m.figure() != null;
            if (fixed && !shared.add(m.figure())) {
                continue;
            }
            String file = fixed ? m.figure() + ".png" : "attention-" + variant + "-" + (k + 1) + ".png";
            String title = fixed ? m.title() : variant + " (seed " + run.seed() + "): " + m.title();
            Heatmaps.save(Nd4j.create(m.values()), m.rows(), m.cols(), title, figureDir.resolve(file));
            out.add(new Report.Figure(title, file));
        }
        return out;
    }

    /** Figures of one seed per variant: the run with the lowest seed. */
    static List<Report.Figure> all(Path runsDir, Path figureDir, List<VariantRuns> variants) {
        List<Report.Figure> out = new ArrayList<>();
        Set<String> shared = new HashSet<>();
        variants.forEach(v -> out.addAll(write(runsDir, figureDir, v.variant(), v.runs().get(0).summary(), shared)));
        return out;
    }
}
