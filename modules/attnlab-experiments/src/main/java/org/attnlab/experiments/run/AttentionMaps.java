package org.attnlab.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.attnlab.experiments.model.RawBatches;
import org.attnlab.experiments.model.TrainableModel;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Attention maps of a few test examples after training ({@value #FILE} in the run folder), with token labels, for the
 * report's heatmaps. Multi-head maps are averaged over heads; padding rows and columns are cut off.
 */
public final class AttentionMaps {
    /** File name in the run folder. */
    public static final String FILE = "attention-maps.json";
    /** Examples plotted per map. */
    static final int EXAMPLES = 2;

    /** One matrix {@code values[row][col]} with its axis labels. */
    public record Map2d(String title, List<String> rows, List<String> cols, double[][] values) {
    }

    private AttentionMaps() {
    }

    /** Maps of the first examples of {@code batch}. */
    static List<Map2d> of(TrainableModel model, DataSource data, MultiDataSet batch) {
        String[] names = model.maps().stream().map(TrainableModel.AttentionMap::output).toArray(String[]::new);
        Map<String, INDArray> out = model.sd().output(model.placeholders(batch), names);
        INDArray src = RawBatches.source(batch);
        INDArray srcMask = RawBatches.sourceMask(batch);
        INDArray tgt = RawBatches.decoderInput(batch, data.shape().decoderBos());
        INDArray tgtMask = batch.numFeatureArrays() > 1 && batch.getFeaturesMaskArray(1) != null
                ? batch.getFeaturesMaskArray(1) : srcMask;
        List<Map2d> maps = new ArrayList<>();
        int n = (int) Math.min(EXAMPLES, src.size(0));
        for (TrainableModel.AttentionMap m : model.maps()) {
            INDArray w = out.get(m.output());
            if (w.rank() == 4) {
                w = w.mean(1);
            }
            for (int i = 0; i < n; i++) {
                List<String> cols = labels(src, srcMask, i, data::sourceToken);
                List<String> rows = m.rowsAreTarget() ? labels(tgt, tgtMask, i, data::targetToken) : cols;
                INDArray mat = w.get(NDArrayIndex.point(i), NDArrayIndex.interval(0, rows.size()),
                        NDArrayIndex.interval(0, cols.size())).castTo(DataType.DOUBLE);
                maps.add(new Map2d(m.title() + ", test example " + (i + 1), rows, cols, mat.toDoubleMatrix()));
            }
        }
        return maps;
    }

    private static List<String> labels(INDArray ids, INDArray mask, int example, IntFunction<String> token) {
        int[] row = ids.get(NDArrayIndex.point(example), NDArrayIndex.all()).toIntVector();
        int len = (int) mask.get(NDArrayIndex.point(example), NDArrayIndex.all()).sumNumber().doubleValue();
        return Arrays.stream(Arrays.copyOf(row, Math.max(1, Math.min(len, row.length)))).mapToObj(token).toList();
    }

    /** The maps written by a completed run, or an empty list. */
    public static List<Map2d> read(Path runDir) {
        Path f = runDir.resolve(FILE);
        if (!Files.exists(f)) {
            return List.of();
        }
        try {
            return List.of(new ObjectMapper().readValue(f.toFile(), Map2d[].class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
