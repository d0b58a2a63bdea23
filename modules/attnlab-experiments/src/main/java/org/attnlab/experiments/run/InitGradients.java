package org.attnlab.experiments.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attnlab.experiments.kinds.ModelSpec;
import org.attnlab.experiments.kinds.TrainableModel;
import org.attnlab.experiments.store.RunDirectory;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The gradient norm of each layer at initialisation (Xiong et al. 2020, Fig. 3), for model kinds that name the layers
 * of their parameters ({@link org.attnlab.experiments.kinds.ModelKind#layerOf}): on the run's first training batch,
 * before any step, a layer's norm is the L2 norm of the loss gradient over all of its parameters. Written to
 * {@value #FILE} in the run's folder as {@code {layer: norm}} in the graph's order of parameters.
 */
public final class InitGradients {
    /** The file in a run's folder. */
    public static final String FILE = "init-gradients.json";

    private InitGradients() {
    }

    /** The norm per layer of {@code model}'s loss gradient on {@code raw}; empty when {@code spec} names no layers. */
    static Map<String, Double> of(ModelSpec<?> spec, TrainableModel model, MultiDataSet raw) {
        Map<String, String> layers = new LinkedHashMap<>();
        for (SDVariable v : model.sd().variables()) {
            String layer = v.getVariableType() == VariableType.VARIABLE ? spec.layerOf(v.name()) : null;
            if (layer != null) {
                layers.put(v.name(), layer);
            }
        }
        if (layers.isEmpty()) {
            return Map.of();
        }
        Map<String, INDArray> grads = model.sd().calculateGradients(model.placeholders(raw),
                List.copyOf(layers.keySet()));
        Map<String, Double> squares = new LinkedHashMap<>();
        layers.forEach((name, layer) -> squares.merge(layer, Math.pow(grads.get(name).norm2Number().doubleValue(), 2),
                Double::sum));
        Map<String, Double> norms = new LinkedHashMap<>();
        squares.forEach((layer, sq) -> norms.put(layer, Math.sqrt(sq)));
        return norms;
    }

    /** Writes {@link #of} on the first batch of {@code data}'s training stream into {@code dir}, when there is one. */
    static void record(ModelSpec<?> spec, TrainableModel model, DataSource data, int batchSize, RunDirectory dir) {
        if (!spec.namesLayers()) {
            return;
        }
        dir.writeJson(FILE, of(spec, model, data.train(batchSize).next()));
    }
}
