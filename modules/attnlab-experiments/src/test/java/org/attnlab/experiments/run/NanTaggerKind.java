package org.attnlab.experiments.run;

import java.util.Map;
import org.attnlab.experiments.kinds.DataKind;
import org.attnlab.experiments.kinds.ModelKind;
import org.attnlab.experiments.kinds.TaggerKind;
import org.attnlab.experiments.kinds.TaskShape;
import org.attnlab.experiments.kinds.TrainableModel;
import org.nd4j.autodiff.samediff.SameDiff;

/** Test model kind {@code nan_tagger}: the tagger with a loss that is always NaN. */
public final class NanTaggerKind implements ModelKind<TaggerKind.Settings> {
    private final TaggerKind tagger = new TaggerKind();

    @Override
    public String name() {
        return "nan_tagger";
    }

    @Override
    public Class<TaggerKind.Settings> settingsType() {
        return TaggerKind.Settings.class;
    }

    @Override
    public Map<String, Object> defaults() {
        return tagger.defaults();
    }

    @Override
    public DataKind data() {
        return tagger.data();
    }

    @Override
    public TrainableModel build(TaggerKind.Settings settings, TaskShape shape, long seed) {
        TrainableModel m = tagger.build(settings, shape, seed);
        SameDiff sd = m.sd();
        sd.getVariable(m.loss()).mul("nan_loss", Double.NaN);
        sd.setLossVariables("nan_loss");
        return m.withLoss("nan_loss");
    }
}
