package org.attnlab.experiments.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.attnlab.experiments.config.ExperimentConfig;
import org.attnlab.experiments.config.TrainingSettings;
import org.attnlab.experiments.config.VariantConfig;

/** Expands an experiment into runs (variant x seed), optionally shortened by {@code --quick}. */
public final class RunPlanner {
    /** {@code --quick} divides the step count by this. */
    static final int QUICK_DIVISOR = 5;
    /** Suffix of the experiment name of quick runs. */
    public static final String QUICK_SUFFIX = "-quick";

    private RunPlanner() {
    }

    /**
     * The runs of {@code experiment}, variants in file order, then seeds. Quick runs are filed under the experiment
     * name plus {@value #QUICK_SUFFIX} so that their numbers never mix with full runs.
     */
    public static List<RunSpec> plan(ExperimentConfig experiment, boolean quick) {
        String name = experimentName(experiment, quick);
        List<RunSpec> out = new ArrayList<>();
        for (VariantConfig v : experiment.variants()) {
            VariantConfig variant = quick ? quick(v) : v;
            for (long seed : experiment.seeds()) {
                out.add(new RunSpec(name, variant, seed, runId(name, variant, seed)));
            }
        }
        return out;
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
        TrainingSettings shorter = new TrainingSettings(t.optimizer(), t.learningRate(), Math.min(t.warmupSteps(),
                steps > 0 ? steps : t.warmupSteps()), t.batchSize(), steps, epochs, evalEvery, t.patience(), t.clipNorm());
        ObjectNode resolved = v.resolved().deepCopy();
        ((ObjectNode) resolved.get("training")).put("steps", steps).put("epochs", epochs).put("eval_every", evalEvery)
                .put("warmup_steps", shorter.warmupSteps());
        return new VariantConfig(v.name(), v.dataset(), v.model(), shorter, resolved);
    }

    /** Variant, seed and a hash of experiment name, resolved config and seed: two experiments never share an id. */
    private static String runId(String experiment, VariantConfig v, long seed) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] hash = md.digest(("experiment=" + experiment + "|" + v.resolved() + "|seed=" + seed)
                    .getBytes(StandardCharsets.UTF_8));
            return v.name() + "-seed" + seed + "-" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
