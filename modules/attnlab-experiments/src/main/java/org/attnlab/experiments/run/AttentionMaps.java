package org.attnlab.experiments.run;

import org.attnlab.experiments.store.RecordFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.attnlab.experiments.kinds.RawBatches;
import org.attnlab.experiments.kinds.TrainableModel;
import org.attnlab.experiments.store.RunDirectory;
import org.attnlab.experiments.report.Heatmaps;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Attention maps of a few test examples after training ({@value #FILE} in the run folder, plus one PNG per map,
 * {@code map-<k>.png}), with token labels, for the report's heatmaps. Multi-head maps are averaged over heads; padding
 * rows and columns are cut off. {@code [B, C]} outputs (SE excitations) give one map of several examples. The
 * model's fixed figures ({@link TrainableModel#figures()}) follow as shared maps, without axis labels.
 */
public final class AttentionMaps {
    /** File name in the run folder. */
    public static final String FILE = "attention-maps.json";
    /** Examples plotted per map. */
    static final int EXAMPLES = 2;
    /** Examples (rows) of a map of a {@code [B, C]} output. */
    static final int ROW_EXAMPLES = 8;

    /**
     * One matrix {@code values[row][col]} with its axis labels (null: indices).
     *
     * @param figure the name of a figure fixed by the settings and data shape ({@link TrainableModel.Figure#name()}),
     *               the same in every run that has it; null for a map of test examples
     */
    public record Map2d(String title, List<String> rows, List<String> cols, double[][] values, String figure) {
        Map2d(String title, List<String> rows, List<String> cols, double[][] values) {
            this(title, rows, cols, values, null);
        }
    }

    private AttentionMaps() {
    }

    /**
     * Maps of the first examples of {@code batch}: per attention output one matrix per example; per {@code [B, C]}
     * output (e.g. SE excitations) one matrix whose rows are the first {@value #ROW_EXAMPLES} examples (labelled with
     * their class) and whose columns are the channels.
     */
    static List<Map2d> of(TrainableModel model, DataSource data, MultiDataSet batch) {
        String[] names = model.maps().stream().map(TrainableModel.AttentionMap::output).toArray(String[]::new);
        Map<String, INDArray> out = model.sd().output(model.placeholders(batch), names);
        List<Map2d> maps = new ArrayList<>();
        for (TrainableModel.AttentionMap m : model.maps()) {
            INDArray w = out.get(m.output());
            if (w.rank() == 2) {
                maps.add(rowsPerExample(m, w, batch, data));
            } else {
                maps.addAll(perExample(m, w, batch, data));
            }
        }
        model.figures().forEach(f -> maps.add(new Map2d(f.title(), null, null, f.values(), f.name())));
        return maps;
    }

    private static List<Map2d> perExample(TrainableModel.AttentionMap m, INDArray w, MultiDataSet batch,
                                          DataSource data) {
        INDArray src = RawBatches.source(batch);
        INDArray srcMask = RawBatches.sourceMask(batch);
        INDArray tgt = RawBatches.decoderInput(batch, data.shape().decoderBos());
        INDArray tgtMask = batch.numFeatureArrays() > 1 && batch.getFeaturesMaskArray(1) != null
                ? batch.getFeaturesMaskArray(1) : srcMask;
        if (w.rank() == 4) {
            w = w.mean(1);
        }
        List<Map2d> maps = new ArrayList<>();
        int n = (int) Math.min(EXAMPLES, src.size(0));
        for (int i = 0; i < n; i++) {
            List<String> tokens = labels(src, srcMask, i, data::sourceToken);
            List<String> cols = m.colsAreUnits()
                    ? IntStream.range(0, (int) w.size(2)).mapToObj(Integer::toString).toList() : tokens;
            List<String> rows = m.rowsAreTarget() ? labels(tgt, tgtMask, i, data::targetToken) : tokens;
            INDArray mat = w.get(NDArrayIndex.point(i), NDArrayIndex.interval(0, rows.size()),
                    NDArrayIndex.interval(0, cols.size())).castTo(DataType.DOUBLE);
            maps.add(new Map2d(m.title() + ", test example " + (i + 1), rows, cols, mat.toDoubleMatrix()));
        }
        return maps;
    }

    private static Map2d rowsPerExample(TrainableModel.AttentionMap m, INDArray w, MultiDataSet batch,
                                        DataSource data) {
        int n = (int) Math.min(ROW_EXAMPLES, w.size(0));
        int[] classes = batch.getLabels(0).argMax(1).toIntVector();
        List<String> rows = IntStream.range(0, n).mapToObj(i -> (i + 1) + ": " + data.targetToken(classes[i]))
                .toList();
        List<String> cols = IntStream.range(0, (int) w.size(1)).mapToObj(Integer::toString).toList();
        INDArray mat = w.get(NDArrayIndex.interval(0, n), NDArrayIndex.all()).castTo(DataType.DOUBLE);
        return new Map2d(m.title(), rows, cols, mat.toDoubleMatrix());
    }

    private static List<String> labels(INDArray ids, INDArray mask, int example, IntFunction<String> token) {
        int[] row = ids.get(NDArrayIndex.point(example), NDArrayIndex.all()).toIntVector();
        int len = (int) mask.get(NDArrayIndex.point(example), NDArrayIndex.all()).sumNumber().doubleValue();
        return Arrays.stream(Arrays.copyOf(row, Math.max(1, Math.min(len, row.length)))).mapToObj(token).toList();
    }

    /** Writes {@code maps} as {@value #FILE} and one heatmap PNG each, {@code map-<k>.png} (k from 1), into {@code dir}. */
    static void write(RunDirectory dir, List<Map2d> maps) {
        dir.writeJson(FILE, maps);
        for (int k = 0; k < maps.size(); k++) {
            Map2d m = maps.get(k);
            Heatmaps.save(Nd4j.create(m.values()), m.rows(), m.cols(), m.title(),
                    dir.path().resolve("map-" + (k + 1) + ".png"));
        }
    }

    /** The maps written by a completed run, or an empty list. */
    public static List<Map2d> read(Path runDir) {
        return RecordFiles.readOr(runDir.resolve(FILE), List.of(),
                f -> List.of(new ObjectMapper().readValue(f, Map2d[].class)));
    }
}
