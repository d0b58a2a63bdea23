package org.attnlab.bench.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.transformer.NormPlacement;

/**
 * The suite's cases by group: {@code attention} (case 1), {@code encoder} (2), {@code additive} (3), {@code models}
 * (4), {@code ensembles} (4 with every seed of the first variant trained as one ensemble), {@code data} (5) and
 * {@code fixed-work}: steps of plain Java work as long as the two model cases' steps, the machine's own spread to read
 * theirs against.
 */
public final class Cases {
    /** Experiment file of the small tagger, relative to the experiments folder. */
    public static final String QUICKSTART = "quickstart.yaml";
    /** Experiment file of the small Transformer. */
    public static final String TRANSFORMER = "transformer-ablation.yaml";
    private final Map<String, List<BenchCase>> groups = new LinkedHashMap<>();

    /** Every case at {@code shapes}; the model cases read their files from {@code experiments}. */
    public Cases(Shapes shapes, Path experiments) {
        List<BenchCase> attention = new ArrayList<>();
        for (ScoreFunction score : ScoreFunction.values()) {
            attention.add(new AttentionCase(shapes, score, false));
            if (score == ScoreFunction.DOT || score == ScoreFunction.SCALED_DOT) {
                attention.add(new AttentionCase(shapes, score, true));
            }
        }
        groups.put("attention", attention);
        groups.put("encoder", List.of(new EncoderLayerCase(shapes, NormPlacement.POST),
                new EncoderLayerCase(shapes, NormPlacement.PRE)));
        groups.put("additive", List.of(new AdditiveScoreCase(shapes)));
        groups.put("models", List.of(ExperimentCase.trainingStep("quickstart-step", experiments.resolve(QUICKSTART)),
                ExperimentCase.trainingStep("transformer-step", experiments.resolve(TRANSFORMER))));
        groups.put("ensembles", List.of(
                ExperimentCase.ensembleStep("quickstart-ensemble-step", experiments.resolve(QUICKSTART)),
                ExperimentCase.ensembleStep("transformer-ensemble-step", experiments.resolve(TRANSFORMER))));
        groups.put("data", List.of(ExperimentCase.dataPipeline("quickstart-data", experiments.resolve(QUICKSTART)),
                ExperimentCase.dataPipeline("transformer-data", experiments.resolve(TRANSFORMER))));
        groups.put("fixed-work", List.of(new FixedWorkCase("fixed-work-0.6ms", 0.6),
                new FixedWorkCase("fixed-work-4ms", 4.0)));
    }

    /** Every case, in suite order. */
    public List<BenchCase> all() {
        return groups.values().stream().flatMap(List::stream).toList();
    }

    /** Group names. */
    public Set<String> groupNames() {
        return groups.keySet();
    }

    /**
     * The cases named by {@code selection}: comma-separated case names, group names or {@code all}, in suite order.
     *
     * @throws IllegalArgumentException naming the first unknown entry and listing the valid ones
     */
    public List<BenchCase> select(String selection) {
        Set<String> wanted = new LinkedHashSet<>();
        for (String raw : selection.split(",")) {
            String key = raw.trim();
            if (key.equals("all")) {
                all().forEach(c -> wanted.add(c.name()));
            } else if (groups.containsKey(key)) {
                groups.get(key).forEach(c -> wanted.add(c.name()));
            } else if (all().stream().anyMatch(c -> c.name().equals(key))) {
                wanted.add(key);
            } else {
                throw new IllegalArgumentException("unknown case '" + key + "'; valid: all, "
                        + String.join(", ", groups.keySet()) + ", "
                        + String.join(", ", all().stream().map(BenchCase::name).toList()));
            }
        }
        return all().stream().filter(c -> wanted.contains(c.name())).toList();
    }
}
