package org.attnlab.experiments.report;

import java.awt.Color;
import java.awt.Paint;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.GrayPaintScale;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Heatmap PNGs of a matrix (attention maps, alignments, positional-encoding tables) drawn with JFreeChart:
 * row 0 at the top, column 0 at the left, a grey scale from the matrix minimum (white) to maximum (black).
 */
public final class Heatmaps {
    private static final int CELL_PX = 24;
    private static final int MIN_PX = 320;
    private static final int MAX_PX = 2000;

    private Heatmaps() {
    }

    /**
     * Writes {@code matrix [rows, cols]} as a PNG heatmap to {@code png}, atomically (parent folders are created).
     *
     * @param rowLabels one label per row (e.g. target tokens), or null for row numbers
     * @param colLabels one label per column (e.g. source tokens), or null for column numbers
     * @throws IllegalArgumentException if the matrix is not rank 2 or a label list has the wrong size
     */
    public static void save(INDArray matrix, List<String> rowLabels, List<String> colLabels, String title, Path png) {
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException("matrix: expected rank 2 [rows, cols], got shape "
                    + Arrays.toString(matrix.shape()));
        }
        int rows = (int) matrix.rows();
        int cols = (int) matrix.columns();
        XYBlockRenderer renderer = new XYBlockRenderer();
        PaintScale scale = scale(matrix);
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset(matrix), axis("column", colLabels, cols), axis("row", rowLabels, rows),
                renderer);
        plot.getRangeAxis().setInverted(true);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(title, plot);
        chart.removeLegend();
        chart.setBackgroundPaint(Color.WHITE);
        PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis());
        legend.setPosition(RectangleEdge.RIGHT);
        chart.addSubtitle(legend);
        ChartStyle.save(chart, png, size(cols) + 160, size(rows) + 120);
    }

    private static DefaultXYZDataset dataset(INDArray m) {
        int n = (int) m.length();
        double[][] xyz = new double[3][n];
        for (int r = 0, i = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.columns(); c++, i++) {
                xyz[0][i] = c;
                xyz[1][i] = r;
                xyz[2][i] = m.getDouble(r, c);
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("matrix", xyz);
        return data;
    }

    private static PaintScale scale(INDArray m) {
        double lo = m.minNumber().doubleValue();
        double hi = m.maxNumber().doubleValue();
        return new GrayPaintScale(lo, hi > lo ? hi : lo + 1) {
            @Override
            public Paint getPaint(double value) {
                Color c = (Color) super.getPaint(value);
                return new Color(255 - c.getRed(), 255 - c.getGreen(), 255 - c.getBlue());
            }
        };
    }

    private static ValueAxis axis(String name, List<String> labels, int n) {
        if (labels != null && labels.size() != n) {
            throw new IllegalArgumentException(name + "Labels: expected " + n + " labels, got " + labels.size());
        }
        ValueAxis axis = labels == null ? new NumberAxis(name) : new SymbolAxis(name, labels.toArray(String[]::new));
        axis.setRange(-0.5, n - 0.5);
        if (axis instanceof NumberAxis num) {
            num.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        return axis;
    }

    private static int size(int cells) {
        return Math.max(MIN_PX, Math.min(MAX_PX, cells * CELL_PX));
    }
}
