package org.attnlab.experiments.run;

import org.attnlab.experiments.store.RecordFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntFunction;
import org.attnlab.experiments.kinds.RawBatches;
import org.attnlab.experiments.kinds.TrainableModel;
import org.attnlab.experiments.store.RunDirectory;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The alignment error rate ({@link AlignmentErrorRate}, sure = possible = the true links) of each target-by-source
 * attention map of a trained model on the test split, for data whose alignment is known; written to {@value #FILE}
 * in the run folder. Multi-head maps {@code [B, H, Tt, Ts]} are averaged over heads first.
 */
public final class AlignmentErrors {
    /** File name in the run folder. */
    public static final String FILE = "alignment-error.json";

    /**
     * The AER of one attention output.
     *
     * @param map   the map's title
     * @param aer   alignment error rate on the test split (0 = every target token attends most to its true source)
     * @param links true links scored (target tokens of the test split)
     */
    public record Score(String map, double aer, long links) {
    }

    private AlignmentErrors() {
    }

    /** Scores and writes the maps of {@code model} when {@code data} knows its alignment; does nothing otherwise. */
    static void write(RunDirectory dir, TrainableModel model, DataSource data, List<MultiDataSet> test) {
        Optional<IntFunction<int[]>> truth = data.trueAlignment();
        List<TrainableModel.AttentionMap> maps = model.maps().stream()
                .filter(m -> m.rowsAreTarget() && !m.colsAreUnits()).toList();
        if (truth.isPresent() && !maps.isEmpty()) {
            dir.writeJson(FILE, score(model, maps, truth.get(), test));
        }
    }

    static List<Score> score(TrainableModel model, List<TrainableModel.AttentionMap> maps, IntFunction<int[]> truth,
                             List<MultiDataSet> test) {
        String[] names = maps.stream().map(TrainableModel.AttentionMap::output).toArray(String[]::new);
        List<Set<AlignmentErrorRate.Link>> predicted = new ArrayList<>();
        maps.forEach(m -> predicted.add(new HashSet<>()));
        Set<AlignmentErrorRate.Link> sure = new HashSet<>();
        int sentence = 0;
        for (MultiDataSet batch : test) {
            Map<String, INDArray> out = model.sd().output(model.placeholders(batch), names);
            INDArray mask = RawBatches.sourceMask(batch);
            for (int k = 0; k < names.length; k++) {
                INDArray w = out.get(names[k]);
                predicted.get(k).addAll(AlignmentErrorRate.argmaxLinks(w.rank() == 4 ? w.mean(1) : w, mask, truth,
                        sentence));
            }
            sure.addAll(AlignmentErrorRate.trueLinks(mask, truth, sentence));
            sentence += (int) mask.size(0);
        }
        List<Score> scores = new ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            scores.add(new Score(maps.get(k).title(), AlignmentErrorRate.of(predicted.get(k), sure, sure),
                    sure.size()));
        }
        return scores;
    }

    /** The scores a completed run wrote, or an empty list (no known alignment, or no run folder). */
    public static List<Score> read(Path runDir) {
        return RecordFiles.readOr(runDir.resolve(FILE), List.of(),
                f -> List.of(new ObjectMapper().readValue(f, Score[].class)));
    }
}
