package org.attnlab.sweeps.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.attnlab.sweeps.objective.BaseExperiment;
import org.attnlab.sweeps.objective.TrialContext;
import org.attnlab.sweeps.prune.CompletedCurves;
import org.attnlab.sweeps.run.TrialBackend;
import org.attnlab.sweeps.run.TrialRunner;
import org.attnlab.sweeps.run.TrialSpec;
import org.attnlab.sweeps.store.TrialOutcome;

import java.util.List;
import java.util.TreeMap;

/**
 * Runs each trial as a one-task Spark job on any master; the outcome comes back to the driver, which records it.
 * Pruning on executors compares against the completed trials known when the trial was submitted.
 */
public final class SparkBackend implements TrialBackend {

    private final JavaSparkContext spark;
    private final TrialRunner runner;
    private final String function;
    private final BaseExperiment base;
    private final TrialContext context;
    private final CompletedCurves curves;

    private SparkBackend(JavaSparkContext spark, TrialRunner runner, String function, BaseExperiment base,
                         TrialContext context, CompletedCurves curves) {
        this.spark = spark;
        this.runner = runner;
        this.function = function;
        this.base = base;
        this.context = context;
        this.curves = curves;
    }

    /**
     * Starts a Spark context on {@code master}; a local master binds to 127.0.0.1 and runs without the web UI.
     *
     * @throws IllegalArgumentException naming the master when Spark cannot start on it (a malformed URL, local[0],
     *                                  an unreachable cluster)
     */
    public static SparkBackend start(String master, String appName, TrialRunner runner, String function,
                                     BaseExperiment base, TrialContext context, CompletedCurves curves) {
        SparkConf conf = new SparkConf().setMaster(master).setAppName(appName).set("spark.ui.enabled", "false");
        if (master.startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        JavaSparkContext spark;
        try {
            spark = new JavaSparkContext(conf);
        } catch (Exception e) {                     // SparkException is checked in Java's eyes but not declared
            throw new IllegalArgumentException("--spark " + master + ": Spark cannot start there ("
                    + e.getMessage() + ")", e);
        }
        return new SparkBackend(spark, runner, function, base, context, curves);
    }

    @Override
    public TrialOutcome execute(TrialSpec spec) {
        SparkTrialTask task = new SparkTrialTask(runner, function, base, context, spec, curves.snapshot());
        spark.setJobDescription("trial " + spec.index());
        try {
            return spark.parallelize(List.of(task), 1).map(SparkTrialTask::call).collect().get(0);
        } catch (RuntimeException e) {
            return TrialOutcome.failed(new TreeMap<>(), "spark: " + e);
        }
    }

    @Override
    public int defaultParallelism() {
        return spark.defaultParallelism();
    }

    @Override
    public void close() {
        spark.close();
    }

    @Override
    public String toString() {
        return "spark " + spark.master();
    }
}
