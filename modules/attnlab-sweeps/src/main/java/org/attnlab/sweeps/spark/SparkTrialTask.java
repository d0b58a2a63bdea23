package org.attnlab.sweeps.spark;

import org.attnlab.sweeps.objective.BaseExperiment;
import org.attnlab.sweeps.objective.TrialContext;
import org.attnlab.sweeps.objective.TrialObjectives;
import org.attnlab.sweeps.run.TrialRunner;
import org.attnlab.sweeps.run.TrialSpec;
import org.attnlab.sweeps.store.TrialOutcome;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.SortedMap;

/** What a Spark task needs to run one trial on an executor: the objective is created there by name. */
record SparkTrialTask(TrialRunner runner, String function, BaseExperiment base, TrialContext context, TrialSpec spec,
                      ArrayList<SortedMap<Long, Double>> completedCurves) implements Serializable {

    TrialOutcome call() {
        return runner.run(spec, TrialObjectives.create(function, base, context), () -> completedCurves);
    }
}
