package org.attnlab.experiments.kinds;

import java.util.List;
import java.util.Map;

/**
 * One model kind: everything the experiments module knows of it, in one registration. A new kind plugs in with one
 * implementation listed in {@code META-INF/services/org.attnlab.experiments.kinds.ModelKind}; configs name it by
 * {@link #name()}.
 *
 * @param <S> the record the {@code model} section binds to (snake_case keys, minus {@code kind}); it validates itself
 *            with {@link org.attnlab.models.support.ConfigChecks} and holds enums for choices such as {@code score}
 */
public interface ModelKind<S extends Record> {
    /** The name used as {@code model.kind} in configs. */
    String name();

    /** The record the {@code model} section binds to. */
    Class<S> settingsType();

    /** Values for keys a config may leave out (snake_case). */
    Map<String, Object> defaults();

    /** The data the kind reads (which datasets it pairs with) and so the metrics its runs record. */
    DataKind data();

    /** Builds a fresh, randomly initialised model for data of the given shape, with the maps and figures it plots. */
    TrainableModel build(S settings, TaskShape shape, long seed);

    /** The columns of {@code metrics.csv} and of the console lines of this kind's runs. */
    default List<String> metrics() {
        return data().metrics();
    }
}
