package org.attnlab.experiments.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.attnlab.experiments.config.DatasetConfig;
import org.attnlab.experiments.config.TrainingSettings;
import org.attnlab.experiments.config.VariantConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which runs train together as one ensemble: consecutive runs (seeds) of one variant, at most
 * {@code training.ensemble} of them (0 = all), when the variant's model has an ensemble axis (kinds tagger and
 * transformer without the fused attention op), its gradients are
 * not clipped (clipping rescales a parameter's gradient by its norm over every member) and its data are synthetic (a
 * fixed length, so the members' batches have one shape). Other runs form groups of one. A group is also no larger
 * than the members that fit in memory together ({@link MemoryPreflight#membersThatFit}); when that cuts a variant's
 * seeds into smaller ensembles, one line says so before training starts.
 */
final class EnsembleGroups {
    private static final Logger LOG = LoggerFactory.getLogger(EnsembleGroups.class);
    private EnsembleGroups() {
    }

    /** {@code runs} cut into groups, in order, no larger than what fits in this machine's memory. */
    static List<List<RunSpec>> of(List<RunSpec> runs) {
        return of(runs, MemoryPreflight::membersThatFit);
    }

    /** {@code runs} cut into groups, in order, of at most {@code fit.applyAsInt(variant)} members. */
    static List<List<RunSpec>> of(List<RunSpec> runs, ToIntFunction<VariantConfig> fit) {
        List<List<RunSpec>> groups = new ArrayList<>();
        List<RunSpec> current = new ArrayList<>();
        Map<String, Integer> limits = new HashMap<>();
        for (RunSpec spec : runs) {
            int limit = limits.computeIfAbsent(spec.experiment() + "/" + spec.variant().name(),
                    k -> limit(spec, runs, fit));
            boolean joins = !current.isEmpty() && sameVariant(current.get(0), spec) && eligible(spec.variant())
                    && current.size() < limit;
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

    /** The largest ensemble for {@code spec}'s variant: its config's, lowered to what fits in memory (with a line). */
    private static int limit(RunSpec spec, List<RunSpec> runs, ToIntFunction<VariantConfig> fit) {
        TrainingSettings t = spec.variant().training();
        int configured = t.ensemble() == 0 ? Integer.MAX_VALUE : t.ensemble();
        int wanted = (int) Math.min(configured, runs.stream().filter(r -> sameVariant(spec, r)).count());
        if (wanted < 2 || !eligible(spec.variant())) {
            return configured;
        }
        int fits = fit.applyAsInt(spec.variant());
        if (fits < wanted) {
            LOG.warn("{}: {} seeds trained together would need about {}; training them in ensembles of at most {}",
                    spec.variant().name(), wanted, MemoryPreflight.ensembleNeeds(spec.variant(), wanted), fits);
            return fits;
        }
        return configured;
    }

    private static boolean sameVariant(RunSpec a, RunSpec b) {
        return a.experiment().equals(b.experiment()) && a.variant().name().equals(b.variant().name());
    }
}
