package org.attnlab.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;

/** A forest plot: one row per comparison, the mean difference as a point with its interval, a line at zero. */
final class ForestPlot {
    private ForestPlot() {
    }

    /** Writes the plot of {@code rows} (one metric) to {@code png}. */
    static void write(Path png, String title, String xLabel, List<Comparison> rows) {
        XIntervalSeries s = new XIntervalSeries("mean difference and interval");
        String[] labels = new String[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            Comparison c = rows.get(i);
            int y = rows.size() - 1 - i;                                   // first comparison on top
            labels[y] = c.a() + " − " + c.b();
            double low = Double.isFinite(c.low()) ? c.low() : c.diff();
            double high = Double.isFinite(c.high()) ? c.high() : c.diff();
            s.add(c.diff(), low, high, y);
        }
        XIntervalSeriesCollection data = new XIntervalSeriesCollection();
        data.addSeries(s);
        SymbolAxis yAxis = new SymbolAxis(null, labels);
        yAxis.setGridBandsVisible(false);
        NumberAxis xAxis = new NumberAxis(xLabel);
        xAxis.setAutoRangeIncludesZero(true);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawYError(false);
        r.setDrawXError(true);
        r.setErrorPaint(ChartStyle.colour(0));
        r.setErrorStroke(new BasicStroke(2f));
        r.setCapLength(8);
        r.setSeriesPaint(0, ChartStyle.colour(0));
        r.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        plot.addDomainMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(1f)));
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        ChartStyle.save(ChartStyle.apply(chart), png, ChartStyle.WIDTH, Math.max(220, 90 + 45 * rows.size()));
    }
}
