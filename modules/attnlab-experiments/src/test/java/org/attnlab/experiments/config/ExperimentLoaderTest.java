package org.attnlab.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.attnlab.experiments.kinds.ModelKinds;
import org.attnlab.experiments.kinds.TaggerKind;
import org.attnlab.experiments.kinds.TransformerKind;
import org.attnlab.models.attention.ScoreFunction;
import org.attnlab.models.transformer.NormPlacement;
import org.attnlab.models.transformer.PositionalKind;
import org.attnlab.experiments.run.RunPlanner;
import org.attnlab.experiments.run.RunSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExperimentLoaderTest {
    /** A valid file; the bad cases below replace one line of it. */
    static final String GOOD = """
            name: tiny
            dataset:
              task: reverse
              seq_len: 8
              vocab: 10
            model:
              kind: tagger
              d_model: 32
              heads: 2
              score: dot
            training:
              batch_size: 16
              steps: 50
            seeds: [1, 2]
            variants:
              dot: {model: {score: dot}}
              general:
                model:
                  score: general
            """;

    @TempDir
    Path dir;

    @Test
    void aTreeInMemoryLoadsLikeTheFileAndItsErrorsNameTheSourceWithoutLines() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ExperimentLoader loader = new ExperimentLoader(ModelKinds.load());
        ExperimentConfig fromTree = loader.load(yaml.readTree(GOOD), Path.of("tiny.yaml"));
        ExperimentConfig fromFile = load(GOOD);
        assertEquals(fromFile.variants().stream().map(VariantConfig::resolved).toList(),
                fromTree.variants().stream().map(VariantConfig::resolved).toList());
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(
                yaml.readTree(GOOD.replace("heads: 2", "heads: 3")), Path.of("tiny.yaml")));
        assertEquals("tiny.yaml: model.heads (variant dot): must divide d_model=32, was 3", e.getMessage());
    }

    @Test
    void validFileResolvesDefaultsBaseAndVariants() throws IOException {
        ExperimentConfig cfg = load(GOOD);
        assertEquals("tiny", cfg.name());
        assertEquals(List.of(1L, 2L), cfg.seeds());
        assertEquals(List.of("dot", "general"), cfg.variants().stream().map(VariantConfig::name).toList());
        VariantConfig general = cfg.variants().get(1);
        assertEquals(ScoreFunction.GENERAL, ((TaggerKind.Settings) general.model().settings()).score());
        assertEquals(16, general.training().batchSize());
        assertEquals("adam", general.training().optimizer());
        assertEquals(2048, general.dataset().trainExamples());
        assertEquals("general", general.resolved().at("/model/score").asText());
        assertEquals(16, general.resolved().at("/model/additive_hidden").asInt());
        List<String> keys = new java.util.ArrayList<>();
        general.resolved().get("model").fieldNames().forEachRemaining(keys::add);
        assertEquals(keys.stream().sorted().toList(), keys, "canonical order, so run ids do not depend on map order");
    }

    @Test
    void fileWithoutVariantsHasOneBaseVariantAndNameFromFile() throws IOException {
        String text = GOOD.substring(0, GOOD.indexOf("variants:")).replace("name: tiny\n", "");
        ExperimentConfig cfg = load(text);
        assertEquals("bad", cfg.name());
        assertEquals(List.of("base"), cfg.variants().stream().map(VariantConfig::name).toList());
    }

    @Test
    void variantSwitchesASyntheticBaseToTranslationWithSeq2Seq() throws IOException {
        // A base model section with only the keys both kinds share (the tagger's own would be unknown to seq2seq).
        ExperimentConfig cfg = load(GOOD.replace("  d_model: 32\n  heads: 2\n", "").replace("  dot: {model: {score: dot}}\n",
                "  dot: {dataset: {kind: translation, max_length: 9}, model: {kind: seq2seq, score: additive}}\n"));
        VariantConfig mt = cfg.variants().get(0);
        assertTrue(mt.dataset().translation());
        assertEquals(9, mt.dataset().maxLength());
        assertEquals(0.05, mt.dataset().splitFraction(), 0.0, "translation defaults filled in");
        assertEquals("", mt.dataset().pairsFile());
        assertEquals("seq2seq", mt.resolved().at("/model/kind").asText());
        assertEquals(64, mt.resolved().at("/model/hidden").asInt());
        assertTrue(mt.resolved().at("/model/d_model").isMissingNode(), "the tagger's keys do not leak into seq2seq");
        VariantConfig general = cfg.variants().get(1);
        assertFalse(general.dataset().translation());
        assertTrue(general.resolved().at("/dataset/max_length").isMissingNode(), "synthetic configs (and run ids) unchanged");
    }

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                bad("name: tiny", "trainig: {}", "bad.yaml: trainig: unknown key; valid keys: dataset, description, model, name, report, seeds, training, variants (line 1)"),
                bad("  batch_size: 16", "  lr: 0.1", "bad.yaml: training.lr: unknown key; valid keys: batch_size, clip_norm, divergence_factor, ensemble, epochs, eval_every, learning_rate, lr_decay, optimizer, patience, steps, warmup_steps (line 12)"),
                bad("  batch_size: 16", "  batch_size: 16\n  warmup_steps: 500", "bad.yaml: training.warmup_steps: must be at most steps"),
                bad("  batch_size: 16", "  batch_size: many", "bad.yaml: training.batch_size: expected an integer"),
                bad("  batch_size: 16", "  batch_size: 3.5", "bad.yaml: training.batch_size: expected an integer, got '3.5' (line 12)"),
                bad("  batch_size: 16", "  batch_size: 0", "bad.yaml: training.batch_size: must be >= 1, was 0 (line 12)"),
                bad("  batch_size: 16", "  learning_rate: -1", "bad.yaml: training.learning_rate: must be in (0, 10], was -1 (line 12)"),
                bad("  batch_size: 16", "  clip_norm: -1", "bad.yaml: training.clip_norm: must be >= 0, was -1 (line 12)"),
                bad("  batch_size: 16", "  optimizer: rmsprop", "bad.yaml: training.optimizer: unknown value 'rmsprop'; valid: adam, sgd (line 12)"),
                bad("  batch_size: 16", "  epochs: 3", "bad.yaml: training.steps: give exactly one of steps and epochs (a positive count), was steps=50, epochs=3 (line 13)"),
                bad("  task: reverse", "  task: rot13", "bad.yaml: dataset.task: unknown value 'rot13'; valid: copy, reverse, sort, associative_recall (line 3)"),
                bad("  seq_len: 8", "", "bad.yaml: dataset.seq_len (variant dot): missing required key (line 2)"),
                bad("  kind: tagger", "  kind: gru", "bad.yaml: model.kind: unknown model kind 'gru'; valid: "),
                bad("  heads: 2", "  heads: 3", "bad.yaml: model.heads: must divide d_model=32, was 3 (line 9)"),
                bad("      score: general", "      score: cosine", "bad.yaml: variants.general.model.score: unknown value 'cosine'; valid: dot, scaled_dot, additive, general (line 19)"),
                bad("  dot: {model: {score: dot}}", "  dot: {optimizer: sgd}", "bad.yaml: variants.dot.optimizer: unknown key; valid keys: dataset, model, training (line 16)"),
                bad("seeds: [1, 2]", "seeds: []", "bad.yaml: seeds: give at least one seed, e.g. seeds: [1, 2, 3] (line 14)"),
                bad("seeds: [1, 2]", "seeds: [1, x]", "bad.yaml: seeds[1]: expected an integer (line 14)"),
                bad("seeds: [1, 2]", "seeds: [1, 1]", "bad.yaml: seeds: seeds must be distinct, were [1, 1] (line 14)"),
                bad("name: tiny", "name: ../evil", "bad.yaml: name: must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit, was "
                        + "'../evil' (line 1)"),
                bad("seeds: [1, 2]", "seeds: {a: 1}", "bad.yaml: seeds: expected a list (line 14)"),
                bad("  dot: {model: {score: dot}}", "  dot: {model: 5}", "bad.yaml: variants.dot.model: expected a mapping of keys to values (line 16)"),
                bad("  vocab: 10", "  vocab: [10", "bad.yaml: not valid YAML"),
                bad("  vocab: 10", "  vocab: 10\n  max_length: 12", "bad.yaml: dataset.max_length: only for kind: translation (line 6)"),
                bad("  task: reverse", "  kind: translation\n  max_length: 0", "bad.yaml: dataset.max_length: must be >= 1, was 0 (line 4)"),
                bad("  task: reverse", "  kind: subtitles", "bad.yaml: dataset.kind: unknown value 'subtitles'; valid: synthetic, reordering, translation, fashion_mnist (line 3)"),
                bad("  task: reverse", "  kind: reordering\n  block: 0", "bad.yaml: dataset.block: must be >= 1, was 0 (line 4)"),
                bad("  task: reverse", "  kind: reordering\n  block: 2\n  min_seq_len: 9", "bad.yaml: dataset.min_seq_len: must be in [1, 8], was 9 (line 5)"),
                bad("  task: reverse", "  kind: reordering\n  block: 2\n  test_lengths: [8, 10]", "bad.yaml: dataset.test_lengths: only for kind: synthetic (line 5)"),
                bad("  task: reverse", "  kind: reordering", "bad.yaml: dataset.block (variant dot): missing required key (line 2)"),
                bad("  task: reverse", "  kind: reordering\n  task: reverse\n  block: 2", "bad.yaml: dataset.task: only for kind: synthetic (reordering has its own rule: block) (line 4)"),
                bad("  vocab: 10", "  vocab: 10\n  block: 2", "bad.yaml: dataset.block: only for kind: reordering (line 6)"),
                bad("  task: reverse", "  kind: fashion_mnist", "bad.yaml: dataset.seq_len: only for kind: synthetic"),
                bad("  vocab: 10", "  vocab: 10\n  images_dir: x", "bad.yaml: dataset.images_dir: only for kind: fashion_mnist"),
                bad("  vocab: 10", "  vocab: 10\n  min_seq_len: 9", "bad.yaml: dataset.min_seq_len: must be in [1, 8], was 9 (line 6)"),
                bad("  vocab: 10", "  vocab: 10\n  test_lengths: [32, 24]", "bad.yaml: dataset.test_lengths: give [shortest, longest] with 1 <= shortest <= longest, was [32, 24] (line 6)"),
                bad("  task: reverse", "  task: associative_recall\n  test_lengths: [8, 10]", "bad.yaml: dataset.test_lengths: associative_recall has one length (seq_len) (line 4)"),
                bad("seeds: [1, 2]", "seeds: [1, 2]\nreport: {compare: best}", "bad.yaml: report.compare: 'best' is neither all_pairs nor a variant; variants: dot, general (line 15)"),
                bad("seeds: [1, 2]", "seeds: [1, 2]\nreport: {alpha: 0.7}", "bad.yaml: report.alpha: must be in (0, 0.5], was 0.7 (line 15)"),
                bad("seeds: [1, 2]", "seeds: [1, 2]\nreport: {treshold: 0.9}", "bad.yaml: report.treshold: unknown key")
        );
    }

    /** Transformer versions of {@link #GOOD} with the base model's {@code score: dot} line (line 10) replaced. */
    static Stream<Arguments> badEnumValues() {
        return Stream.of(
                Arguments.of("  score: cosine", "model.score: unknown value 'cosine'; valid: dot, scaled_dot, additive, general"),
                Arguments.of("  score: 1", "model.score: unknown value '1'; valid: dot, scaled_dot, additive, general"),
                Arguments.of("  norm: middle", "model.norm: unknown value 'middle'; valid: post, pre"),
                Arguments.of("  positional: rope", "model.positional: unknown value 'rope'; valid: sinusoidal, learned, none"));
    }

    /** A choice key with a wrong value is one line naming the file, the key, the value, the valid values and the line. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badEnumValues")
    void aWrongChoiceNamesFileKeyValueAllowedValuesAndLine(String line, String expected) {
        String text = transformer().replace("  score: dot\n", line + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> load(text));
        assertEquals(dir.resolve("bad.yaml") + ": " + expected + " (line 10)", e.getMessage());
    }

    /** Choices are read case-insensitively from their config names and reach the settings record as enums. */
    @Test
    void choicesBindToEnums() throws IOException {
        ExperimentConfig cfg = load(transformer().replace("  score: dot\n",
                "  score: Scaled_Dot\n  norm: PRE\n  positional: none\n"));
        TransformerKind.Settings s = (TransformerKind.Settings) cfg.variants().get(0).model().settings();
        assertEquals(List.of(ScoreFunction.SCALED_DOT, NormPlacement.PRE, PositionalKind.NONE),
                List.of(s.score(), s.norm(), s.positional()));
        assertEquals(List.of("scaled_dot", "pre", "none"), List.of(cfg.variants().get(0).resolved().at("/model/score")
                .asText(), cfg.variants().get(0).resolved().at("/model/norm").asText(),
                cfg.variants().get(0).resolved().at("/model/positional").asText()),
                "the resolved tree (and so the run id) holds the config names");
    }

    /** {@link #GOOD} without variants and with the transformer kind. */
    private static String transformer() {
        return GOOD.substring(0, GOOD.indexOf("variants:")).replace("  kind: tagger\n", "  kind: transformer\n");
    }

    /** A choice written in another case reads and hashes as its config name: the same run, not a second one. */
    @Test
    void choicesInAnyCaseResolveToTheSameRuns() throws IOException {
        assertTrue(GOOD.contains("score: dot"), GOOD);
        List<String> lower = RunPlanner.plan(load(GOOD), false).stream().map(RunSpec::runId).toList();
        List<String> upper = RunPlanner.plan(load(GOOD.replace("score: dot", "score: DOT")), false).stream()
                .map(RunSpec::runId).toList();
        assertEquals(lower, upper);
        assertEquals("dot", load(GOOD.replace("score: dot", "score: Dot")).variants().get(0).resolved()
                .path("model").path("score").asText());
    }

    @Test
    void reportSectionOverDefaults() throws IOException {
        ExperimentConfig cfg = load(GOOD + "report: {compare: dot, threshold: 0.9}\n");
        assertEquals(new ReportSettings("dot", 0.05, 0.9, 0.01, 0.02), cfg.report());
        assertEquals(ReportSettings.DEFAULTS, load(GOOD).report());
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("badConfigs")
    void badConfigNamesFileKeyLineAndReason(String text, String replacement, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(text));
        String named = dir.resolve(expected).toString();                 // the file as given, then the message
        assertTrue(e.getMessage().startsWith(named), () -> "expected: " + named + "\n     got: " + e.getMessage());
    }

    private static Arguments bad(String line, String replacement, String expected) {
        if (!GOOD.contains(line + "\n")) {
            throw new IllegalArgumentException("no line " + line);
        }
        return Arguments.of(GOOD.replace(line + "\n", replacement.isEmpty() ? "" : replacement + "\n"), replacement,
                expected);
    }

    private ExperimentConfig load(String text) throws IOException {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, text);
        return new ExperimentLoader(ModelKinds.load()).load(file);
    }
}
