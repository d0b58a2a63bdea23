package org.attnlab.experiments.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.attnlab.experiments.store.AtomicFiles;
import org.attnlab.experiments.store.MetricRow;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** PNG learning curves of one variant: validation loss against step, one line per seed. */
public final class LearningCurves {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;

    private LearningCurves() {
    }

    /** Writes the chart of {@code curves} (seed to its rows) to {@code png}. */
    public static void write(Path png, String variant, Map<Long, List<MetricRow>> curves) {
        System.setProperty("java.awt.headless", "true");
        XYSeriesCollection data = new XYSeriesCollection();
        curves.forEach((seed, rows) -> {
            XYSeries s = new XYSeries("seed " + seed);
            rows.forEach(r -> s.add(r.step(), r.valLoss()));
            data.addSeries(s);
        });
        JFreeChart chart = ChartFactory.createXYLineChart("Validation loss: " + variant, "step", "validation loss",
                data, PlotOrientation.VERTICAL, true, false, false);
        AtomicFiles.write(png, tmp -> {
            try {
                ChartUtils.saveChartAsPNG(tmp.toFile(), chart, WIDTH, HEIGHT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
