package org.attnlab.bench.cases;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attnlab.bench.measure.Flops;
import org.attnlab.experiments.config.ExperimentConfig;
import org.attnlab.experiments.config.ExperimentLoader;
import org.attnlab.experiments.config.VariantConfig;
import org.attnlab.experiments.model.ModelRegistry;
import org.attnlab.experiments.model.TaggerSettings;
import org.attnlab.experiments.model.TaskShape;
import org.attnlab.experiments.model.TransformerSettings;
import org.attnlab.experiments.run.TrainingSteps;
import org.attnlab.models.attention.AttentionConfig;
import org.attnlab.models.attention.ScoreFunction;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The first variant of an experiment file with its first seed, set up as a training run sets it up
 * ({@link TrainingSteps#fresh}), and the analytic FLOPs and sizes of its step for the kinds {@code tagger} and
 * {@code transformer}.
 */
public final class ExperimentModel {
    private final ExperimentConfig experiment;
    private final VariantConfig variant;

    private ExperimentModel(ExperimentConfig experiment) {
        this.experiment = experiment;
        this.variant = experiment.variants().get(0);
    }

    /** Loads {@code file}; a bad file is a {@link org.attnlab.experiments.config.ConfigException}. */
    public static ExperimentModel load(Path file) {
        return new ExperimentModel(new ExperimentLoader(ModelRegistry.load()).load(file));
    }

    /** "experiment/variant". */
    public String label() {
        return experiment.name() + "/" + variant.name();
    }

    /** Fresh training steps of the first variant with the first seed. */
    public TrainingSteps start() {
        return TrainingSteps.fresh(variant, experiment.seeds().get(0));
    }

    /** The experiment's seeds. */
    public List<Long> seeds() {
        return experiment.seeds();
    }

    /** Fresh training steps of the first variant's {@code seeds} trained together as one ensemble. */
    public TrainingSteps startEnsemble(List<Long> seeds) {
        return TrainingSteps.ensemble(variant, seeds);
    }

    /** Training-step FLOPs for a raw batch like {@code batch} (NaN for kinds other than tagger and transformer). */
    double flops(TaskShape shape, MultiDataSet batch) {
        long b = batch.getFeatures(0).size(0);
        long ts = batch.getFeatures(0).size(1);
        long tt = batch.getLabels(0).size(1);
        Object settings = variant.model().settings();
        if (settings instanceof TaggerSettings s) {
            double attention = Flops.multiHead(b, ts, ts, s.dModel(), s.heads(), ScoreFunction.fromName(s.score()),
                    s.additiveHidden());
            return Flops.training(Flops.matmul(b * ts, shape.vocab(), s.dModel()) + attention
                    + Flops.matmul(b * ts, s.dModel(), shape.vocab()));
        }
        if (settings instanceof TransformerSettings s) {
            ScoreFunction score = ScoreFunction.fromName(s.score());
            int hidden = AttentionConfig.of(score).additiveHidden();
            double embed = Flops.matmul(b * ts, shape.vocab(), s.dModel())
                    + Flops.matmul(b * tt, shape.decoderVocab(), s.dModel());
            double encoder = Flops.multiHead(b, ts, ts, s.dModel(), s.heads(), score, hidden)
                    + Flops.feedForward(b * ts, s.dModel(), s.dFf());
            double decoder = Flops.multiHead(b, tt, tt, s.dModel(), s.heads(), score, hidden)
                    + Flops.multiHead(b, tt, ts, s.dModel(), s.heads(), score, hidden)
                    + Flops.feedForward(b * tt, s.dModel(), s.dFf());
            double out = Flops.matmul(b * tt, s.dModel(), shape.decoderVocab());
            return Flops.training(embed + s.layers() * (encoder + decoder) + out);
        }
        return Double.NaN;
    }

    /** The sizes of the step, for the record and for a PyTorch twin. */
    Map<String, String> spec(TaskShape shape, MultiDataSet batch) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind", variant.model().factory().kind());
        m.put("experiment", label());
        m.put("batch", Long.toString(batch.getFeatures(0).size(0)));
        m.put("src_len", Long.toString(batch.getFeatures(0).size(1)));
        m.put("tgt_len", Long.toString(batch.getLabels(0).size(1)));
        m.put("max_len", Integer.toString(shape.seqLen()));
        m.put("src_vocab", Integer.toString(shape.vocab()));
        m.put("tgt_vocab", Integer.toString(shape.targetVocab()));
        m.put("decoder_vocab", Integer.toString(shape.decoderVocab()));
        m.put("lr", Double.toString(variant.training().learningRate()));
        m.put("optimizer", variant.training().optimizer());
        Object settings = variant.model().settings();
        if (settings instanceof TaggerSettings s) {
            m.put("d_model", Integer.toString(s.dModel()));
            m.put("heads", Integer.toString(s.heads()));
            m.put("score", s.score());
            m.put("head_hidden", Integer.toString(s.additiveHidden()));
        } else if (settings instanceof TransformerSettings s) {
            m.put("layers", Integer.toString(s.layers()));
            m.put("d_model", Integer.toString(s.dModel()));
            m.put("heads", Integer.toString(s.heads()));
            m.put("d_ff", Integer.toString(s.dFf()));
            m.put("norm", s.norm());
            m.put("residual", Boolean.toString(s.residual()));
            m.put("positional", s.positional());
            m.put("score", s.score());
            m.put("head_hidden", Integer.toString(AttentionConfig.of(ScoreFunction.fromName(s.score())).additiveHidden()));
        }
        return m;
    }
}
