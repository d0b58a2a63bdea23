package org.attnlab.experiments.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attnlab.experiments.kinds.TrainableModel;
import org.attnlab.experiments.store.RunDirectory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How much each unit of a model's per-example vector outputs ({@code [B, C]} maps such as SE excitations) varies
 * across the test examples: per unit the mean and the population standard deviation over every test example,
 * written as {@value #FILE} in the run folder for the report's check of units that ignore their input.
 */
public final class UnitSpread {
    /** File name in the run folder. */
    public static final String FILE = "unit-spread.json";

    /**
     * One {@code [B, C]} output over the test set.
     *
     * @param output   the graph output's name
     * @param title    its map's caption
     * @param examples test examples it was measured on
     * @param mean     per unit [C], the mean over the examples
     * @param std      per unit [C], the population standard deviation over the examples
     */
    public record Output(String output, String title, long examples, double[] mean, double[] std) {
    }

    private UnitSpread() {
    }

    /** The spread of every {@code [B, C]} map of {@code model} over {@code batches} (raw batches); empty if none. */
    public static List<Output> of(TrainableModel model, List<MultiDataSet> batches) {
        Map<String, String> titles = new LinkedHashMap<>();
        model.maps().forEach(m -> titles.put(m.output(), m.title()));
        if (titles.isEmpty() || batches.isEmpty()) {
            return List.of();
        }
        Map<String, List<INDArray>> values = new LinkedHashMap<>();
        for (MultiDataSet batch : batches) {
            Map<String, INDArray> out = model.sd().output(model.placeholders(batch), titles.keySet().toArray(String[]::new));
            titles.keySet().removeIf(name -> out.get(name).rank() != 2);
            titles.keySet().forEach(name -> values.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(out.get(name).castTo(DataType.DOUBLE)));
            if (titles.isEmpty()) {
                return List.of();
            }
        }
        List<Output> spreads = new ArrayList<>();
        titles.forEach((name, title) -> {
            INDArray all = Nd4j.concat(0, values.get(name).toArray(INDArray[]::new));
            spreads.add(new Output(name, title, all.size(0), all.mean(0).toDoubleVector(),
                    all.std(false, 0).toDoubleVector()));
        });
        return spreads;
    }

    /** Writes {@code spreads} into {@code dir} as {@value #FILE} (nothing when empty). */
    static void write(RunDirectory dir, List<Output> spreads) {
        if (!spreads.isEmpty()) {
            dir.writeJson(FILE, spreads);
        }
    }

    /** The spreads a completed run wrote, or an empty list. */
    public static List<Output> read(Path runDir) {
        Output[] spreads = new RunDirectory(runDir).readJson(FILE, Output[].class);
        return spreads == null ? List.of() : List.of(spreads);
    }
}
