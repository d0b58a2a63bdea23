package org.attnlab.experiments.run;

import java.util.Map;
import org.attnlab.experiments.model.ModelFactory;
import org.attnlab.experiments.model.TaggerFactory;
import org.attnlab.experiments.model.TaggerSettings;
import org.attnlab.experiments.model.TaskShape;
import org.attnlab.experiments.model.TrainableModel;
import org.nd4j.autodiff.samediff.SameDiff;

/** Test model kind {@code nan_tagger}: the tagger with a loss that is always NaN. */
public final class NanTaggerFactory implements ModelFactory<TaggerSettings> {
    private final TaggerFactory tagger = new TaggerFactory();

    @Override
    public String kind() {
        return "nan_tagger";
    }

    @Override
    public Class<TaggerSettings> settingsType() {
        return TaggerSettings.class;
    }

    @Override
    public Map<String, Object> defaults() {
        return tagger.defaults();
    }

    @Override
    public TrainableModel build(TaggerSettings settings, TaskShape shape, long seed) {
        TrainableModel m = tagger.build(settings, shape, seed);
        SameDiff sd = m.sd();
        sd.getVariable(m.loss()).mul("nan_loss", Double.NaN);
        sd.setLossVariables("nan_loss");
        return m.withLoss("nan_loss");
    }
}
