package org.attnlab.experiments.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.attnlab.datasets.fetch.Sha256;
import org.attnlab.experiments.config.ExperimentConfig;
import org.attnlab.experiments.config.TrainingSettings;
import org.attnlab.experiments.config.VariantConfig;

/** Expands an experiment into runs (variant x seed), optionally shortened by {@code --quick} (fewer steps and seeds). */
public final class RunPlanner {
    /** {@code --quick} divides the step count by this. */
    static final int QUICK_DIVISOR = 5;
    /** {@code --quick} runs only the first this many seeds. */
    public static final int QUICK_SEEDS = 3;
    /** Suffix of the experiment name of quick runs. */
    public static final String QUICK_SUFFIX = "-quick";

    private RunPlanner() {
    }

    /**
     * The runs of {@code experiment}, variants in file order, then seeds. Quick runs are filed under the experiment
     * name plus {@value #QUICK_SUFFIX} so that their numbers never mix with full runs, and use only the first
     * {@value #QUICK_SEEDS} seeds.
     */
    public static List<RunSpec> plan(ExperimentConfig experiment, boolean quick) {
        String name = experimentName(experiment, quick);
        List<RunSpec> out = new ArrayList<>();
        for (VariantConfig v : experiment.variants()) {
            VariantConfig variant = quick ? quick(v) : v;
            for (long seed : seeds(experiment, quick)) {
                out.add(new RunSpec(name, variant, seed, runId(name, variant, seed)));
            }
        }
        return out;
    }

    /** The seeds that run: all, or the first {@value #QUICK_SEEDS} for a quick run. */
    public static List<Long> seeds(ExperimentConfig experiment, boolean quick) {
        List<Long> all = experiment.seeds();
        return quick ? all.subList(0, Math.min(QUICK_SEEDS, all.size())) : all;
    }

    /** The name results are filed under. */
    public static String experimentName(ExperimentConfig experiment, boolean quick) {
        return quick ? experiment.name() + QUICK_SUFFIX : experiment.name();
    }

    /** A shorter version: a fifth of the steps, or one epoch. */
    static VariantConfig quick(VariantConfig v) {
        TrainingSettings t = v.training();
        int steps = t.steps() > 0 ? Math.max(1, t.steps() / QUICK_DIVISOR) : 0;
        int epochs = t.epochs() > 0 ? 1 : 0;
        int evalEvery = t.evalEvery() > 0 && steps > 0 ? Math.min(t.evalEvery(), steps) : t.evalEvery();
        int warmup = t.cosine() ? Math.min(t.warmupSteps(), steps - 1) : Math.min(t.warmupSteps(),
                steps > 0 ? steps : t.warmupSteps());
        TrainingSettings shorter = new TrainingSettings(t.optimizer(), t.learningRate(), warmup, t.lrDecay(),
                t.batchSize(), steps, epochs, evalEvery, t.patience(), t.clipNorm(), t.divergenceFactor(), t.ensemble());
        ObjectNode resolved = v.resolved().deepCopy();
        ((ObjectNode) resolved.get("training")).put("steps", steps).put("epochs", epochs).put("eval_every", evalEvery)
                .put("warmup_steps", shorter.warmupSteps());
        return new VariantConfig(v.name(), v.dataset(), v.model(), shorter, resolved);
    }

    /**
     * Variant, seed and a hash of experiment name, resolved config and seed: two experiments never share an id.
     * {@code training.ensemble} is left out of the hash: a member of an ensemble is the same run as when trained alone.
     */
    private static String runId(String experiment, VariantConfig v, long seed) {
        ObjectNode identity = v.resolved().deepCopy();
        if (identity.get("training") instanceof ObjectNode training) {
            training.remove("ensemble");
        }
        return v.name() + "-seed" + seed + "-"
                + Sha256.ofText("experiment=" + experiment + "|" + identity + "|seed=" + seed).substring(0, 8);
    }
}
