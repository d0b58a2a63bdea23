package org.attnlab.models.ensemble;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.attnlab.models.init.ParamInit;
import org.attnlab.models.layers.DynamicShapes;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The member axis of an ensemble graph (see {@link ParamInit#members}). Activations fold the E members into the
 * batch axis, member-major: {@code [E*B, ...]}, member {@code e} owning rows {@code [e*B, (e+1)*B)}; parameters carry
 * a leading {@code [E, ...]} axis. Products with a parameter and their biases go through
 * {@link org.attnlab.models.layers.Projections} (a batched matmul on {@code [E, B*..., d]}, the bias broadcast over
 * it); other elementwise uses of a parameter (position tables) go through {@link #perMember}. Both add a fixed
 * number of ops whatever E is.
 */
public final class MemberAxis {
    private MemberAxis() {
    }

    /**
     * {@code op(x, p)} with each member's block of {@code x} combined with its own slice of {@code p}; for a single
     * model ({@code !init.isEnsemble()}) simply {@code op(x, p)}.
     *
     * @param x     {@code [E*B, ...]} activations of rank {@code xRank}
     * @param p     {@code [E, ...]} parameter (or a slice of one) whose per-member part has rank {@code pRank} and
     *              broadcasts against a member's block {@code [B, ...]} the way {@code op} expects (trailing axes)
     * @return the result in the shape of {@code x}
     */
    public static SDVariable perMember(SameDiff sd, SDVariable x, int xRank, SDVariable p, int pRank, ParamInit init,
                                       BinaryOperator<SDVariable> op) {
        if (!init.isEnsemble()) {
            return op.apply(x, p);
        }
        SDVariable tail = DynamicShapes.tail(sd, x, xRank);
        SDVariable unfolded = sd.reshape(x, sd.concat(0, sd.constant(Nd4j.createFromArray(init.memberCount(),
                -1L)), tail));                                                               // [E, B, ...]
        SDVariable expanded = p;
        for (int r = pRank + 1; r <= xRank; r++) {
            expanded = sd.expandDims(expanded, 1);                                           // [E, 1, .., p...]
        }
        return sd.reshape(op.apply(unfolded, expanded), DynamicShapes.of(sd, x));
    }

    /**
     * Member {@code member}'s parameters: every trainable variable of the ensemble graph {@code sd} sliced at the
     * member axis, by name, as a single model of that member's seed names them (copies, in the graph's type).
     */
    public static Map<String, INDArray> memberParams(SameDiff sd, int member) {
        Map<String, INDArray> params = new LinkedHashMap<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                INDArray all = v.getArr();
                if (member < 0 || member >= all.size(0)) {
                    throw new IllegalArgumentException("member = " + member + " is out of range: the ensemble has "
                            + all.size(0) + " members");
                }
                params.put(v.name(), all.slice(member).dup());
            }
        }
        return params;
    }

    /** Loads {@code params} (by name, as {@link #memberParams} returns them) into member {@code member} of {@code sd}. */
    public static void setMemberParams(SameDiff sd, int member, Map<String, INDArray> params) {
        params.forEach((name, value) -> sd.getVariable(name).getArr().slice(member).assign(value));
    }
}
