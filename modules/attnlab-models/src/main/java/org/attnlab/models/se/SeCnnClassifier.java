package org.attnlab.models.se;

import java.util.List;
import java.util.stream.IntStream;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.layers.SequenceLoss;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A small image classifier: k x k stem convolution (+ batch norm {@code stem/bn} with
 * {@link SeCnnConfig#batchNorm()}) + ReLU ({@code stem}, k = {@link SeCnnConfig#kernel()}),
 * {@link SeCnnConfig#blocks()} residual blocks {@code block<k>} ({@link SeResNetBlock}, with or without SE), global
 * average pooling and a linear layer ({@code fc/w} [C, classes], {@code fc/b}).
 *
 * <p>Placeholders: {@value #IMAGES} [B, 1, S, S] and {@value #LABELS} [B, classes] one-hot. Outputs:
 * {@value #PROBS} [B, classes], the mean cross-entropy {@value #LOSS}, and with SE each block's excitation
 * [B, C] (see {@link #excitationNames}).
 */
public final class SeCnnClassifier {
    public static final String IMAGES = "images";
    public static final String LABELS = "labels";
    public static final String PROBS = "probs";
    public static final String LOSS = "loss";

    private SeCnnClassifier() {
    }

    /** Builds the graph in ND4J's default floating-point type with parameters drawn from {@code seed}. */
    public static SameDiff build(SeCnnConfig cfg, long seed) {
        return build(cfg, seed, Nd4j.defaultFloatingPointType());
    }

    /** Builds the graph on placeholders of type {@code dt} with parameters drawn from {@code seed}. */
    public static SameDiff build(SeCnnConfig cfg, long seed, DataType dt) {
        SameDiff sd = SameDiff.create();
        int s = cfg.imageSize();
        build(sd, sd.placeHolder(IMAGES, dt, -1, 1, s, s), sd.placeHolder(LABELS, dt, -1, cfg.classes()), cfg,
                new ParamInit(seed, dt));
        return sd;
    }

    /** Adds the model to {@code sd} on {@code images} [B, 1, S, S] and one-hot {@code labels}; returns the loss. */
    public static SDVariable build(SameDiff sd, SDVariable images, SDVariable labels, SeCnnConfig cfg,
                                   ParamInit params) {
        ParamInit init = params.as(images.dataType());
        int c = cfg.channels();
        SDVariable x = Conv2dLayer.relu(sd, "stem", images, 1, c, cfg.kernel(), 1, cfg.batchNorm(), init);
        for (int k = 0; k < cfg.blocks(); k++) {
            x = SeResNetBlock.build(sd, blockName(k), x, cfg.block(k), init);
        }
        SDVariable pooled = sd.mean("pool", x, 2, 3);                                             // [B, C]
        SDVariable w = init.xavier(sd, "fc/w", c, cfg.classes(), c, cfg.classes());
        SDVariable b = init.constant(sd, "fc/b", 0, cfg.classes());
        SDVariable logits = pooled.mmul(w).add(b);
        sd.nn.softmax(PROBS, logits, 1);
        SDVariable perExample = labels.mul(SequenceLoss.logSoftmax(sd, logits, 1)).sum(1).neg();   // [B]
        SDVariable loss = sd.mean(LOSS, perExample);
        sd.setLossVariables(LOSS);
        return loss;
    }

    /** Names of the excitation outputs [B, C], one per block in order; empty without SE. */
    public static List<String> excitationNames(SeCnnConfig cfg) {
        if (!cfg.excite()) {
            return List.of();
        }
        return IntStream.range(0, cfg.blocks()).mapToObj(k -> blockName(k) + "/se" + SeBlock.EXCITATION).toList();
    }

    /** Name of residual block {@code k} (0-based). */
    public static String blockName(int k) {
        return "block" + k;
    }
}
