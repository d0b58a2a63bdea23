package org.attnlab.models.norm;

import org.attnlab.models.init.ParamInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Batch normalisation of NCHW feature maps over the batch and both spatial axes, as PyTorch's
 * {@code nn.BatchNorm2d} (eps {@value #EPS}, momentum {@value #MOMENTUM}):
 * {@code y = gamma * (x - mean) / sqrt(var + eps) + beta}, per channel. During a training step (see
 * {@link BatchNormStats}) mean and variance are the batch's own (biased variance), and the gradient flows through
 * them; at any other time the running estimates are used, so evaluation is deterministic and independent of the
 * batch.
 *
 * <p>Variables of a site called {@code name}: {@code <name>/gamma} [C] (1), {@code <name>/beta} [C] (0). Constants:
 * {@code <name>/running_mean} [C] (0), {@code <name>/running_var} [C] (1) and the switch
 * {@code <name>/batch_stats} (scalar, 1 during a training step, 0 otherwise). Named outputs:
 * {@code <name>/batch_mean}, {@code <name>/batch_var} [C] and {@code <name>/out} [B, C, H, W].
 */
public final class BatchNorm {
    /** Added to the variance, as PyTorch's default. */
    public static final double EPS = 1e-5;
    /** Weight of a step's batch statistics in the running estimates, as PyTorch's default. */
    public static final double MOMENTUM = 0.1;
    /** Suffix of the running mean constant. */
    public static final String RUNNING_MEAN = "/running_mean";
    /** Suffix of the running variance constant (unbiased batch variances averaged, as PyTorch). */
    public static final String RUNNING_VAR = "/running_var";
    /** Suffix of the switch: 1 uses the batch's statistics, 0 the running ones. */
    public static final String BATCH_STATS = "/batch_stats";
    /** Suffix of the batch mean output. */
    public static final String BATCH_MEAN = "/batch_mean";
    /** Suffix of the (biased) batch variance output. */
    public static final String BATCH_VAR = "/batch_var";
    /** Suffix of the output holding the input's shape (to count the values per channel). */
    public static final String SHAPE = "/input_shape";

    private BatchNorm() {
    }

    /** Normalises {@code x} [B, C, H, W] at site {@code name}; returns {@code <name>/out}. */
    public static SDVariable build(SameDiff sd, String name, SDVariable x, int channels, ParamInit params) {
        ParamInit init = params.as(x.dataType());
        SDVariable gamma = init.constant(sd, name + "/gamma", 1.0, channels);
        SDVariable beta = init.constant(sd, name + "/beta", 0.0, channels);
        SDVariable runningMean = sd.constant(name + RUNNING_MEAN, Nd4j.zeros(x.dataType(), channels));
        SDVariable runningVar = sd.constant(name + RUNNING_VAR, Nd4j.ones(x.dataType(), channels));
        SDVariable useBatch = sd.constant(name + BATCH_STATS, Nd4j.scalar(x.dataType(), 0.0));
        sd.shape(name + SHAPE, x);
        SDVariable batchMean = sd.mean(name + BATCH_MEAN, x, 0, 2, 3);                            // [C]
        SDVariable centred = x.sub(channelWise(sd, batchMean, channels));
        SDVariable batchVar = sd.mean(name + BATCH_VAR, centred.mul(centred), 0, 2, 3);           // [C]
        SDVariable useRunning = useBatch.rsub(1.0);
        SDVariable mean = batchMean.mul(useBatch).add(runningMean.mul(useRunning));
        SDVariable var = batchVar.mul(useBatch).add(runningVar.mul(useRunning));
        SDVariable scale = gamma.div(sd.math.sqrt(var.add(EPS)));                                 // [C]
        SDVariable shift = beta.sub(mean.mul(scale));
        return x.mul(channelWise(sd, scale, channels)).add(name + "/out", channelWise(sd, shift, channels));
    }

    /** [C] -> [1, C, 1, 1] for broadcasting over NCHW maps. */
    private static SDVariable channelWise(SameDiff sd, SDVariable v, int channels) {
        return sd.reshape(v, 1, channels, 1, 1);
    }
}
