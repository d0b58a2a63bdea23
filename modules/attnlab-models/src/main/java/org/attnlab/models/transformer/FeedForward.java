package org.attnlab.models.transformer;

import org.attnlab.models.init.ParamInit;
import org.attnlab.models.layers.DynamicShapes;
import org.attnlab.models.layers.Projections;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** Position-wise feed-forward network {@code W2 relu(W1 x + b1) + b2}, {@code d -> dFf -> d}. */
public final class FeedForward {
    private FeedForward() {
    }

    /**
     * {@code x [B, T, d]} to {@code [B, T, d]}; parameters (in the type of {@code x}) {@code name + "/W1"}
     * {@code [d, dFf]}, {@code "/b1"} {@code [dFf]}, {@code "/W2"} {@code [dFf, d]}, {@code "/b2"} {@code [d]}
     * ({@code y = x W + b}: PyTorch's {@code linear1/linear2} weights transposed).
     */
    public static SDVariable apply(SameDiff sd, String name, SDVariable x, int d, int dFf, ParamInit init) {
        ParamInit p = init.as(x.dataType());
        SDVariable w1 = p.xavier(sd, name + "/W1", d, dFf, d, dFf);
        SDVariable b1 = p.constant(sd, name + "/b1", 0.0, dFf);
        SDVariable w2 = p.xavier(sd, name + "/W2", dFf, d, dFf, d);
        SDVariable b2 = p.constant(sd, name + "/b2", 0.0, d);
        SDVariable hidden = sd.nn.relu(Projections.product(sd, Projections.flat(sd, x, w1, d), w1, b1), 0.0);
        return sd.reshape(Projections.product(sd, hidden, w2, b2), DynamicShapes.of(sd, x));      // flat in between
    }
}
