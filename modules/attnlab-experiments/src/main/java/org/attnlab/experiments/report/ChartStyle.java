package org.attnlab.experiments.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.attnlab.experiments.store.AtomicFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

/**
 * The look of report figures: white background, light grey grid, and the Okabe-Ito palette, whose eight colours stay
 * distinguishable with the common forms of colour blindness (Okabe and Ito 2008).
 */
public final class ChartStyle {
    /** Okabe-Ito: blue, orange, bluish green, vermillion, reddish purple, sky blue, yellow, black. */
    public static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
        new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xF0E442), Color.BLACK};
    /** Pixel size of a figure. */
    public static final int WIDTH = 720;
    public static final int HEIGHT = 440;

    private ChartStyle() {
    }

    /** The palette colour of the {@code i}-th series (cycling). */
    public static Color colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** {@code c} with transparency {@code alpha} (0..255), for bands. */
    public static Paint translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** Applies the style to an XY chart. */
    public static JFreeChart apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(Color.WHITE);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(new Color(0xDDDDDD));
            plot.setRangeGridlinePaint(new Color(0xDDDDDD));
            plot.setDomainGridlineStroke(new BasicStroke(1f));
            plot.setRangeGridlineStroke(new BasicStroke(1f));
            plot.setOutlineVisible(false);
        }
        return chart;
    }

    /** Writes {@code chart} as a PNG (atomically). */
    public static void save(JFreeChart chart, Path png, int width, int height) {
        System.setProperty("java.awt.headless", "true");
        AtomicFiles.write(png, tmp -> {
            try {
                ChartUtils.saveChartAsPNG(tmp.toFile(), chart, width, height);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
