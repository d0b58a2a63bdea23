package org.attnlab.models.weights;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Loads weights into the trainable variables of a built graph by name, checking every name, shape and data type
 * before changing anything (a bad entry leaves the graph as it was). Values are copied, so the caller's arrays stay
 * independent of the model. Variable names are listed in each model builder's Javadoc.
 */
public final class NamedWeights {
    private NamedWeights() {
    }

    /**
     * Sets each named variable to the given array.
     *
     * @throws IllegalArgumentException naming the variable, its expected shape and type and the given ones, when a
     *                                  name is not a trainable variable of {@code sd} or an array does not fit
     */
    public static void load(SameDiff sd, Map<String, INDArray> weights) {
        weights.forEach((name, w) -> check(sd, name, w));
        weights.forEach((name, w) -> sd.getVariable(name).getArr().assign(w));
    }

    /**
     * Like {@link #load}, but every trainable variable of {@code sd} must be given.
     *
     * @throws IllegalArgumentException listing the variables that were not given
     */
    public static void loadAll(SameDiff sd, Map<String, INDArray> weights) {
        List<String> missing = trainable(sd).stream().filter(n -> !weights.containsKey(n)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("weights: no value given for " + missing);
        }
        load(sd, weights);
    }

    /** Names of the trainable variables of {@code sd}, sorted. */
    public static TreeSet<String> trainable(SameDiff sd) {
        TreeSet<String> names = new TreeSet<>();
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                names.add(v.name());
            }
        }
        return names;
    }

    private static void check(SameDiff sd, String name, INDArray given) {
        SDVariable v = sd.hasVariable(name) ? sd.getVariable(name) : null;
        if (v == null || v.getVariableType() != VariableType.VARIABLE) {
            throw new IllegalArgumentException("weight '" + name + "': the model has no trainable variable of that "
                    + "name" + (v == null ? "" : " (it is a " + v.getVariableType() + ")"));
        }
        INDArray expected = v.getArr();
        if (!Arrays.equals(expected.shape(), given.shape()) || expected.dataType() != given.dataType()) {
            throw new IllegalArgumentException("weight '" + name + "': expected shape "
                    + Arrays.toString(expected.shape()) + " " + expected.dataType() + ", given "
                    + Arrays.toString(given.shape()) + " " + given.dataType());
        }
    }
}
