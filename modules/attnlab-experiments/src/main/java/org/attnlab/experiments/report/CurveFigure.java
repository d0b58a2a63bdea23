package org.attnlab.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.attnlab.experiments.store.MetricRow;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * One validation metric against step with every variant overlaid: the mean over seeds as a line and the range over
 * seeds (lowest to highest) as a band; optionally a threshold line and, per variant, a dashed vertical line at the
 * mean step where its seeds reached the threshold.
 */
final class CurveFigure {
    private static final float[] DASH = {6f, 4f};

    private CurveFigure() {
    }

    /**
     * Writes the figure of {@code metric} to {@code png}.
     *
     * @param curves      variant to the validation curves of its seeds
     * @param threshold   value drawn as a horizontal line (NaN: none)
     * @param reached     variant to the mean step its seeds reached the threshold (absent or NaN: no marker)
     */
    static void write(Path png, String title, String yLabel, Map<String, List<List<MetricRow>>> curves,
                      ToDoubleFunction<MetricRow> metric, double threshold, Map<String, Double> reached) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        curves.forEach((variant, seeds) -> data.addSeries(band(variant, seeds, metric)));
        JFreeChart chart = ChartFactory.createXYLineChart(title, "step", yLabel, data, PlotOrientation.VERTICAL,
                true, false, false);
        XYPlot plot = chart.getXYPlot();
        DeviationRenderer r = new DeviationRenderer(true, false);
        int i = 0;
        for (String variant : curves.keySet()) {
            Color c = ChartStyle.colour(i);
            r.setSeriesPaint(i, c);
            r.setSeriesFillPaint(i, c);
            r.setSeriesStroke(i, new BasicStroke(2.2f));
            Double step = reached.get(variant);
            if (step != null && Double.isFinite(step)) {
                ValueMarker m = new ValueMarker(step, c, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                        BasicStroke.JOIN_MITER, 10f, DASH, 0f));
                plot.addDomainMarker(m);
            }
            i++;
        }
        r.setAlpha(0.18f);
        plot.setRenderer(r);
        if (Double.isFinite(threshold)) {
            plot.addRangeMarker(new ValueMarker(threshold, Color.GRAY, new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f)));
        }
        ChartStyle.save(ChartStyle.apply(chart), png, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** Mean, lowest and highest over seeds at each validated step. */
    private static YIntervalSeries band(String variant, List<List<MetricRow>> seeds, ToDoubleFunction<MetricRow> metric) {
        Map<Long, double[]> byStep = new TreeMap<>();                  // sum, min, max, count
        for (List<MetricRow> rows : seeds) {
            for (MetricRow row : rows) {
                double v = metric.applyAsDouble(row);
                if (!Double.isFinite(v)) {
                    continue;
                }
                double[] s = byStep.computeIfAbsent(row.step(), k -> new double[] {0, Double.MAX_VALUE,
                    -Double.MAX_VALUE, 0});
                s[0] += v;
                s[1] = Math.min(s[1], v);
                s[2] = Math.max(s[2], v);
                s[3]++;
            }
        }
        YIntervalSeries series = new YIntervalSeries(variant);
        byStep.forEach((step, s) -> series.add(step, s[0] / s[3], s[1], s[2]));
        return series;
    }
}
