package org.attnlab.sweeps.report;

import org.attnlab.sweeps.config.ParamSpec;
import org.attnlab.sweeps.store.TrialRecord;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;

/** One PNG per parameter: the objective metric of each completed trial against that parameter's value. */
final class ScatterPlots {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 440;

    private ScatterPlots() {
    }

    /** Writes the plot for {@code spec} and returns its file. */
    static Path write(ParamSpec spec, List<TrialRecord> done, String metric, Path dir) throws IOException {
        XYSeries series = new XYSeries(spec.key(), false, true);
        for (TrialRecord t : done) {
            series.add(x(spec, t.params().get(spec.key())), t.score());
        }
        JFreeChart chart = ChartFactory.createScatterPlot(metric + " vs " + spec.key(), spec.key(), metric,
                new XYSeriesCollection(series), PlotOrientation.VERTICAL, false, false, false);
        XYPlot plot = chart.getXYPlot();
        if (spec instanceof ParamSpec.Continuous c && c.log()) {
            LogAxis axis = new LogAxis(spec.key());
            axis.setNumberFormatOverride(new DecimalFormat("0.#E0"));
            plot.setDomainAxis(axis);
        } else if (spec instanceof ParamSpec.Categorical c) {
            plot.setDomainAxis(new SymbolAxis(spec.key(), c.values().stream().map(String::valueOf).toArray(String[]::new)));
        } else if (spec instanceof ParamSpec.Integer) {
            plot.getDomainAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        Path file = dir.resolve("scatter-" + spec.key().replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
        return file;
    }

    private static double x(ParamSpec spec, Object value) {
        if (spec instanceof ParamSpec.Categorical c) {
            return c.values().indexOf(value);
        }
        return ((Number) value).doubleValue();
    }
}
