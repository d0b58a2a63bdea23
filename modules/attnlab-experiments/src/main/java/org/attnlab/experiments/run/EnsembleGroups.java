package org.attnlab.experiments.run;

import java.util.ArrayList;
import java.util.List;
import org.attnlab.experiments.config.DatasetConfig;
import org.attnlab.experiments.config.TrainingSettings;
import org.attnlab.experiments.config.VariantConfig;

/**
 * Which runs train together as one ensemble: consecutive runs (seeds) of one variant, at most
 * {@code training.ensemble} of them (0 = all), when the variant's model has an ensemble axis (kinds tagger and
 * transformer without the fused attention op), its gradients are
 * not clipped (clipping rescales a parameter's gradient by its norm over every member) and its data are synthetic (a
 * fixed length, so the members' batches have one shape). Other runs form groups of one.
 */
final class EnsembleGroups {
    private EnsembleGroups() {
    }

    /** {@code runs} cut into groups, in order. */
    static List<List<RunSpec>> of(List<RunSpec> runs) {
        List<List<RunSpec>> groups = new ArrayList<>();
        List<RunSpec> current = new ArrayList<>();
        for (RunSpec spec : runs) {
            boolean joins = !current.isEmpty() && sameVariant(current.get(0), spec) && eligible(spec.variant())
                    && current.size() < limit(spec.variant().training());
            if (!joins && !current.isEmpty()) {
                groups.add(current);
                current = new ArrayList<>();
            }
            current.add(spec);
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    /** True when the seeds of {@code v} may train as one ensemble. */
    static boolean eligible(VariantConfig v) {
        TrainingSettings t = v.training();
        return t.ensemble() != 1 && t.clipNorm() == 0 && v.model().trainsMembers()
                && DatasetConfig.SYNTHETIC.equals(v.dataset().kind());
    }

    private static int limit(TrainingSettings t) {
        return t.ensemble() == 0 ? Integer.MAX_VALUE : t.ensemble();
    }

    private static boolean sameVariant(RunSpec a, RunSpec b) {
        return a.experiment().equals(b.experiment()) && a.variant().name().equals(b.variant().name());
    }
}
