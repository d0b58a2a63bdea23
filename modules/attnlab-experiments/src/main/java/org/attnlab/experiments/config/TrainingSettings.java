package org.attnlab.experiments.config;

import java.util.List;
import org.attnlab.models.support.ConfigChecks;
import org.attnlab.models.support.ConfigValueException;

/**
 * The {@code training} section. Exactly one of {@code steps} and {@code epochs} is positive.
 *
 * @param optimizer    adam or sgd
 * @param learningRate peak learning rate
 * @param warmupSteps  steps of linear warm-up from 0 to the peak (0 = none)
 * @param lrDecay      after the warm-up: none (the peak to the end) or cosine (half a cosine from the peak to 0 at the
 *                     last step; needs {@code steps})
 * @param batchSize    examples per step
 * @param steps        optimizer steps (0 when {@code epochs} is given)
 * @param epochs       passes over the training set (0 when {@code steps} is given)
 * @param evalEvery    steps between validations (0 = once per epoch)
 * @param patience     validations without a better validation loss before stopping early (0 = never)
 * @param clipNorm     largest L2 norm of each parameter's gradient; larger ones are rescaled (0 = no clipping)
 * @param divergenceFactor a run whose training or validation loss exceeds this many times its initial value (that of a
 *                     uniform prediction, ln of the number of classes) is ended as failed, diverged (0 = no check)
 * @param ensemble     most seeds of one variant trained together as one ensemble graph (0 = all of them, 1 = one
 *                     run at a time); only model kinds with an ensemble axis, without gradient clipping, on
 *                     synthetic data use it, the others train their seeds one by one
 */
public record TrainingSettings(String optimizer, double learningRate, int warmupSteps, String lrDecay, int batchSize,
                               int steps, int epochs, int evalEvery, int patience, double clipNorm,
                               double divergenceFactor, int ensemble) {
    /** Valid optimizer names. */
    public static final List<String> OPTIMIZERS = List.of("adam", "sgd");
    /** Valid learning-rate decays after the warm-up. */
    public static final List<String> DECAYS = List.of("none", "cosine");

    public TrainingSettings {
        optimizer = ConfigChecks.oneOf("optimizer", optimizer, OPTIMIZERS);
        ConfigChecks.inOpenClosed("learning_rate", learningRate, 0, 10);
        ConfigChecks.atLeast("warmup_steps", warmupSteps, 0);
        lrDecay = ConfigChecks.oneOf("lr_decay", lrDecay, DECAYS);
        ConfigChecks.atLeast("batch_size", batchSize, 1);
        ConfigChecks.atLeast("steps", steps, 0);
        ConfigChecks.atLeast("epochs", epochs, 0);
        ConfigChecks.atLeast("eval_every", evalEvery, 0);
        ConfigChecks.atLeast("patience", patience, 0);
        ConfigChecks.atLeast("clip_norm", clipNorm, 0);
        ConfigChecks.atLeast("ensemble", ensemble, 0);
        if (divergenceFactor != 0) {
            ConfigChecks.atLeast("divergence_factor", divergenceFactor, 1);
        }
        if ((steps > 0) == (epochs > 0)) {
            throw new ConfigValueException("steps", "give exactly one of steps and epochs (a positive count), was steps="
                    + steps + ", epochs=" + epochs);
        }
        if (steps > 0 && warmupSteps > steps) {
            throw new ConfigValueException("warmup_steps", "must be at most steps (" + steps + "): the warm-up would "
                    + "never reach the learning rate, was " + warmupSteps);
        }
        if ("cosine".equals(lrDecay) && steps <= warmupSteps) {
            throw new ConfigValueException("lr_decay", "cosine decays over the steps after the warm-up: give steps above "
                    + "warmup_steps (" + warmupSteps + "), was steps=" + steps + (epochs > 0 ? " (epochs=" + epochs
                    + ")" : ""));
        }
    }

    /** True when the learning rate follows half a cosine to 0 after the warm-up. */
    public boolean cosine() {
        return "cosine".equals(lrDecay);
    }
}
