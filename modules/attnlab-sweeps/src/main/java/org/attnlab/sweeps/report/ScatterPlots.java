package org.attnlab.sweeps.report;

import org.attnlab.experiments.report.ChartStyle;
import org.attnlab.sweeps.config.ParamSpec;
import org.attnlab.sweeps.store.TrialRecord;
import org.attnlab.sweeps.store.TrialState;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One PNG per parameter: the objective metric of each finished trial against that parameter's value. Completed
 * trials are filled markers; pruned and failed ones hollow, at their last reported value (failed trials that reported
 * nothing are left out). Points are coloured by a categorical parameter (the first one other than the plotted one),
 * in the Okabe-Ito palette.
 */
final class ScatterPlots {
    /** Suffix of the legend entry of pruned and failed trials. */
    static final String STOPPED = " (pruned or failed)";

    private ScatterPlots() {
    }

    /** Writes the plot for {@code spec}, colouring by a categorical parameter of {@code all}; returns its file. */
    static Path write(ParamSpec spec, List<ParamSpec> all, List<TrialRecord> trials, String metric, Path dir) {
        ParamSpec.Categorical colourBy = colourBy(spec, all);
        XYSeriesCollection data = series(spec, colourBy, trials);
        JFreeChart chart = ChartFactory.createScatterPlot(metric + " vs " + spec.key(), spec.key(), metric, data,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            String name = (String) data.getSeriesKey(i);
            boolean stopped = name.endsWith(STOPPED);
            String category = stopped ? name.substring(0, name.length() - STOPPED.length()) : name;
            if (!categories.contains(category)) {
                categories.add(category);
            }
            r.setSeriesPaint(i, ChartStyle.colour(categories.indexOf(category)));
            r.setSeriesShape(i, new Ellipse2D.Double(-5, -5, 10, 10));
            r.setSeriesShapesFilled(i, !stopped);
            r.setSeriesOutlineStroke(i, new BasicStroke(1.5f));
        }
        r.setUseOutlinePaint(false);
        r.setDrawOutlines(true);
        plot.setRenderer(r);
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
        ChartStyle.save(ChartStyle.apply(chart), file, 640, 440);
        return file;
    }

    /** The first categorical parameter other than {@code spec}, else {@code spec} itself if categorical, else null. */
    static ParamSpec.Categorical colourBy(ParamSpec spec, List<ParamSpec> all) {
        return all.stream().filter(p -> p instanceof ParamSpec.Categorical && !p.key().equals(spec.key()))
                .map(p -> (ParamSpec.Categorical) p).findFirst()
                .orElse(spec instanceof ParamSpec.Categorical c ? c : null);
    }

    /** One series per colour and per filled (done) or hollow (pruned, failed) marker. */
    static XYSeriesCollection series(ParamSpec spec, ParamSpec.Categorical colourBy, List<TrialRecord> trials) {
        Map<String, XYSeries> byName = new LinkedHashMap<>();
        for (TrialRecord t : trials) {
            Double y = value(t);
            Object param = t.params().get(spec.key());
            if (!t.state().finished() || y == null || param == null) {
                continue;                                            // param null: a trial of an older sweep file
            }
            String category = colourBy == null ? "trials" : colourBy.key() + " = " + t.params().get(colourBy.key());
            String name = category + (t.state() == TrialState.DONE ? "" : STOPPED);
            byName.computeIfAbsent(name, k -> new XYSeries(k, false, true)).add(x(spec, param), y);
        }
        List<String> order = new ArrayList<>();                      // categories in declared order, done before stopped
        for (Object v : colourBy == null ? List.<Object>of("trials") : colourBy.values()) {
            String category = colourBy == null ? "trials" : colourBy.key() + " = " + v;
            order.add(category);
            order.add(category + STOPPED);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        order.stream().filter(byName::containsKey).forEach(n -> data.addSeries(byName.get(n)));
        return data;
    }

    /** The trial's score, or for a trial stopped early the last value it reported; null when it has none. */
    private static Double value(TrialRecord t) {
        if (t.score() != null && Double.isFinite(t.score())) {
            return t.score();
        }
        return t.curve() == null || t.curve().isEmpty() ? null : t.curve().get(t.curve().lastKey());
    }

    private static double x(ParamSpec spec, Object value) {
        if (spec instanceof ParamSpec.Categorical c) {
            return c.values().indexOf(value);
        }
        return ((Number) value).doubleValue();
    }
}
