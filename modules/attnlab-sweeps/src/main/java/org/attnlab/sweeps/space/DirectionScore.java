package org.attnlab.sweeps.space;

import org.attnlab.sweeps.config.Direction;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;

import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Tells Arbiter whether lower or higher is better; trials compute their own scores, so it never scores a model. */
public final class DirectionScore implements ScoreFunction {

    private final Direction direction;

    public DirectionScore(Direction direction) {
        this.direction = direction;
    }

    @Override
    public double score(Object model, DataProvider dataProvider, Map<String, Object> dataParameters) {
        throw new UnsupportedOperationException("sweep trials report their own score");
    }

    @Override
    public double score(Object model, Class<? extends DataSource> dataSource, Properties dataSourceProperties) {
        throw new UnsupportedOperationException("sweep trials report their own score");
    }

    @Override
    public boolean minimize() {
        return direction == Direction.MIN;
    }

    @Override
    public List<Class<?>> getSupportedModelTypes() {
        return List.of();
    }

    @Override
    public List<Class<?>> getSupportedDataTypes() {
        return List.of();
    }
}
