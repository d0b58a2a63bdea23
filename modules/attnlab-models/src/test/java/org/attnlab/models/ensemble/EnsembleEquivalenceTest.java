package org.attnlab.models.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.attnlab.models.GraphTesting;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.dropout.DropoutMasks;
import org.attnlab.models.layers.SequenceLoss;
import org.attnlab.models.tasks.SequenceTagger;
import org.attnlab.models.tasks.SequenceTaggerConfig;
import org.attnlab.models.transformer.Transformer;
import org.attnlab.models.transformer.TransformerConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * An ensemble of three members trained a few Adam steps with dropout, each member on its own batches, ends with the
 * parameters and losses of three single runs with those seeds (double precision, tolerance {@value #TOLERANCE}).
 */
class EnsembleEquivalenceTest {
    private static final long[] SEEDS = {11, 12, 13};
    private static final int STEPS = 4;
    private static final int BATCH = 3;
    private static final int LENGTH = 5;
    private static final int VOCAB = 7;
    /** Largest absolute difference allowed between a member and its single run, parameters and losses. */
    private static final double TOLERANCE = 1e-10;

    @BeforeAll
    static void doublePrecision() {
        GraphTesting.useDoublePrecision();
    }

    /** A model kind: its graphs, placeholders and a member's batch at a step (ids as doubles). */
    private record Kind(LongFunction<SameDiff> single, Function<long[], SameDiff> ensemble, List<String> inputs,
                        Function<SplittableRandom, Map<String, INDArray>> batch) {
    }

    @Test
    void taggerMembersTrainAsTheirSingleRuns() {
        SequenceTaggerConfig cfg = new SequenceTaggerConfig(VOCAB, 8, 8, 2,
                AttentionConfig.of(ScoreFunction.SCALED_DOT).withDropout(0.2), 0.3);
        assertMembersEqualSingleRuns(new Kind(seed -> SequenceTagger.build(cfg, seed, DataType.DOUBLE),
                seeds -> SequenceTagger.buildMembers(cfg, seeds, DataType.DOUBLE),
                List.of(SequenceTagger.TOKENS, SequenceTagger.LABELS), EnsembleEquivalenceTest::taggerBatch));
    }

    @Test
    void transformerMembersTrainAsTheirSingleRuns() {
        TransformerConfig cfg = TransformerConfig.small(VOCAB, 8, 1, 8, 2, 16).withNorm("pre")
                .withPositional("learned").withAttentionBias(true).withDropout(0.2, 0.1, 0.1);
        assertMembersEqualSingleRuns(new Kind(seed -> Transformer.build(cfg, seed, DataType.DOUBLE),
                seeds -> Transformer.buildMembers(cfg, seeds, DataType.DOUBLE),
                List.of(Transformer.SRC, Transformer.TGT_IN, Transformer.LABELS),
                EnsembleEquivalenceTest::translationBatch));
    }

    @Test
    void postNormSinusoidalTransformerMembersTrainAsTheirSingleRuns() {
        TransformerConfig cfg = TransformerConfig.small(VOCAB, 8, 2, 8, 2, 16).withDropout(0.1, 0.0, 0.2);
        assertMembersEqualSingleRuns(new Kind(seed -> Transformer.build(cfg, seed, DataType.DOUBLE),
                seeds -> Transformer.buildMembers(cfg, seeds, DataType.DOUBLE),
                List.of(Transformer.SRC, Transformer.TGT_IN, Transformer.LABELS),
                EnsembleEquivalenceTest::translationBatch));
    }

    /** Member e's initial parameters are bit-identical to those of a single build with seed e. */
    @Test
    void initialMembersEqualSingleBuilds() {
        TransformerConfig cfg = TransformerConfig.small(VOCAB, 8, 1, 8, 2, 16).withPositional("learned")
                .withAttentionBias(true);
        SameDiff ensemble = Transformer.buildMembers(cfg, SEEDS, DataType.DOUBLE);
        for (int e = 0; e < SEEDS.length; e++) {
            SameDiff single = Transformer.build(cfg, SEEDS[e], DataType.DOUBLE);
            Map<String, INDArray> member = MemberAxis.memberParams(ensemble, e);
            assertEquals(single.variableMap().values().stream()
                    .filter(v -> v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE).count(),
                    member.size());
            member.forEach((name, value) -> assertEquals(single.getVariable(name).getArr(), value, name));
        }
    }

    /** Putting a member's parameters back after a step freezes it; the others train on (how a stopped member is held). */
    @Test
    void aMemberPutBackAfterAStepStaysFrozen() {
        SequenceTaggerConfig cfg = new SequenceTaggerConfig(VOCAB, 8, 8, 2, AttentionConfig.of(ScoreFunction.DOT), 0.0);
        SameDiff sd = SequenceTagger.buildMembers(cfg, new long[]{1, 2}, DataType.DOUBLE);
        SplittableRandom rnd = new SplittableRandom(5);
        Map<String, INDArray> a = taggerBatch(rnd);
        Map<String, INDArray> b = taggerBatch(rnd);
        Map<String, INDArray> feeds = Map.of(SequenceTagger.TOKENS,
                Nd4j.concat(0, a.get(SequenceTagger.TOKENS), b.get(SequenceTagger.TOKENS)), SequenceTagger.LABELS,
                Nd4j.concat(0, a.get(SequenceTagger.LABELS), b.get(SequenceTagger.LABELS)));
        Map<String, INDArray> frozen = MemberAxis.memberParams(sd, 1);
        Map<String, INDArray> before = MemberAxis.memberParams(sd, 0);
        train(sd, new long[]{1, 2}, List.of(feeds), List.of(SequenceTagger.TOKENS, SequenceTagger.LABELS),
                SequenceTagger.LOSS);
        MemberAxis.setMemberParams(sd, 1, frozen);
        MemberAxis.memberParams(sd, 1).forEach((name, value) -> assertEquals(frozen.get(name), value, name));
        assertTrue(MemberAxis.memberParams(sd, 0).entrySet().stream()
                .anyMatch(p -> !p.getValue().equals(before.get(p.getKey()))), "member 0 trained");
    }

    private static void assertMembersEqualSingleRuns(Kind kind) {
        List<List<Map<String, INDArray>>> batches = new ArrayList<>();
        for (long seed : SEEDS) {
            SplittableRandom rnd = new SplittableRandom(seed);
            List<Map<String, INDArray>> own = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                own.add(kind.batch().apply(rnd));
            }
            batches.add(own);
        }
        SameDiff ensemble = kind.ensemble().apply(SEEDS);
        List<Map<String, INDArray>> joined = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            Map<String, INDArray> feeds = new HashMap<>();
            for (String input : kind.inputs()) {
                INDArray[] parts = new INDArray[SEEDS.length];
                for (int e = 0; e < SEEDS.length; e++) {
                    parts[e] = batches.get(e).get(step).get(input);
                }
                feeds.put(input, Nd4j.concat(0, parts));
            }
            joined.add(feeds);
        }
        double[][] ensembleLosses = train(ensemble, SEEDS, joined, kind.inputs(),
                SequenceLoss.membersName(SequenceTagger.LOSS));
        double largest = 0;
        for (int e = 0; e < SEEDS.length; e++) {
            SameDiff single = kind.single().apply(SEEDS[e]);
            Map<String, INDArray> initial = params(single);
            double[][] losses = train(single, new long[]{SEEDS[e]}, batches.get(e), kind.inputs(),
                    SequenceTagger.LOSS);
            for (int step = 0; step < STEPS; step++) {
                assertEquals(losses[step][0], ensembleLosses[step][e], TOLERANCE, "member " + e + " step " + step);
                largest = Math.max(largest, Math.abs(losses[step][0] - ensembleLosses[step][e]));
            }
            Map<String, INDArray> member = MemberAxis.memberParams(ensemble, e);
            Map<String, INDArray> trained = params(single);
            assertEquals(trained.keySet(), member.keySet());
            double moved = 0;
            for (String name : trained.keySet()) {
                double diff = trained.get(name).sub(member.get(name)).amaxNumber().doubleValue();
                assertTrue(diff <= TOLERANCE, "member " + e + " " + name + " differs by " + diff);
                largest = Math.max(largest, diff);
                moved = Math.max(moved, trained.get(name).sub(initial.get(name)).amaxNumber().doubleValue());
            }
            assertTrue(moved > 1e-3, "training moved the parameters (largest change " + moved + ")");
        }
        System.out.printf("ensemble of %d vs single runs, %d steps: largest difference %.3e%n", SEEDS.length, STEPS,
                largest);
    }

    /** Trains {@code STEPS} Adam steps with dropout; returns each step's loss output before the update. */
    private static double[][] train(SameDiff sd, long[] seeds, List<Map<String, INDArray>> feeds, List<String> inputs,
                                    String lossName) {
        String[] features = inputs.subList(0, inputs.size() - 1).toArray(String[]::new);
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(0.01))
                .dataSetFeatureMapping(features).dataSetLabelMapping(inputs.get(inputs.size() - 1)).build());
        DropoutMasks masks = DropoutMasks.ofMembers(sd, seeds, 0);
        double[][] losses = new double[feeds.size()][];
        for (int step = 0; step < feeds.size(); step++) {
            Map<String, INDArray> batch = feeds.get(step);
            losses[step] = sd.output(batch, lossName).get(lossName).reshape(-1).toDoubleVector();
            INDArray[] x = new INDArray[features.length];
            for (int i = 0; i < features.length; i++) {
                x[i] = batch.get(features[i]);
            }
            org.nd4j.linalg.dataset.MultiDataSet data = new org.nd4j.linalg.dataset.MultiDataSet(x,
                    new INDArray[]{batch.get(inputs.get(inputs.size() - 1))});
            masks.during(() -> batch, () -> sd.fit(data));
        }
        return losses;
    }

    private static Map<String, INDArray> params(SameDiff sd) {
        Map<String, INDArray> out = new HashMap<>();
        sd.variables().stream().filter(v -> v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE)
                .forEach(v -> out.put(v.name(), v.getArr().dup()));
        return out;
    }

    /** Tokens and one-hot tags (token + 1 mod vocab); the last position of the first item is unlabelled. */
    private static Map<String, INDArray> taggerBatch(SplittableRandom rnd) {
        INDArray tokens = Nd4j.zeros(DataType.DOUBLE, BATCH, LENGTH);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, BATCH, LENGTH, VOCAB);
        for (int b = 0; b < BATCH; b++) {
            for (int t = 0; t < LENGTH; t++) {
                int token = rnd.nextInt(VOCAB);
                tokens.putScalar(b, t, token);
                if (b > 0 || t < LENGTH - 1) {
                    labels.putScalar(new int[]{b, t, (token + 1) % VOCAB}, 1.0);
                }
            }
        }
        return Map.of(SequenceTagger.TOKENS, tokens, SequenceTagger.LABELS, labels);
    }

    /** Source, decoder input and label ids in [1, vocab); item 0 is padded (id 0) over its last two positions. */
    private static Map<String, INDArray> translationBatch(SplittableRandom rnd) {
        Map<String, INDArray> feeds = new HashMap<>();
        for (String name : List.of(Transformer.SRC, Transformer.TGT_IN, Transformer.LABELS)) {
            INDArray ids = Nd4j.zeros(DataType.DOUBLE, BATCH, LENGTH);
            for (int b = 0; b < BATCH; b++) {
                for (int t = 0; t < (b == 0 ? LENGTH - 2 : LENGTH); t++) {
                    ids.putScalar(b, t, 1 + rnd.nextInt(VOCAB - 1));
                }
            }
            feeds.put(name, ids);
        }
        return feeds;
    }
}
