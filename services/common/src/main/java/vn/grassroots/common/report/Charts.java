package vn.grassroots.common.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.DefaultCategoryDataset;

/** Bar charts of the printable reports, drawn by JFreeChart in the reports' fonts and colours. */
public final class Charts {
    /** Series colours, best level first: the Party's red, then lighter and greyer. */
    private static final Color[] PALETTE = {new Color(0xB7, 0x1C, 0x1C), new Color(0xE5, 0x73, 0x73), new Color(0xFF, 0xB7, 0x4D),
        new Color(0x90, 0xA4, 0xAE), new Color(0x42, 0x42, 0x42), new Color(0x6D, 0x4C, 0x41)};

    private Charts() {}

    /** Bars, one per category and series; {@code valueAxis} names the unit ("%", "đảng viên"). */
    public static Chart bars(String title, String valueAxis) {
        return new Chart(title, valueAxis);
    }

    public static final class Chart {
        private final String title;
        private final String valueAxis;
        private final DefaultCategoryDataset data = new DefaultCategoryDataset();
        private final List<double[]> bands = new ArrayList<>();
        private final List<String> bandLabels = new ArrayList<>();
        private boolean stacked;
        private boolean horizontal;
        private int height = 240;
        private Double upper;
        private boolean counts = true;

        private Chart(String title, String valueAxis) {
            this.title = title;
            this.valueAxis = valueAxis;
        }

        /** The series of a category on top of each other (shares of a whole). */
        public Chart stacked() {
            stacked = true;
            return this;
        }

        /** Categories down the side: for long names. */
        public Chart horizontal() {
            horizontal = true;
            return this;
        }

        /** The value axis ends here (100 for shares in percent) instead of a little above the largest bar. */
        public Chart upTo(double max) {
            upper = max;
            return this;
        }

        public Chart height(int points) {
            height = points;
            return this;
        }

        public Chart value(String series, String category, Number value) {
            counts &= value instanceof Long || value instanceof Integer;
            data.addValue(value, series, category);
            return this;
        }

        /** A shaded band of the value axis, such as a target from 3 to 4 %. */
        public Chart band(double from, double to, String label) {
            bands.add(new double[] {from, to});
            bandLabels.add(label);
            return this;
        }

        int height() {
            return height;
        }

        /** Categories and series given so far. */
        public int categories() {
            return data.getColumnCount();
        }

        JFreeChart draw(Font regular, Font bold) {
            PlotOrientation o = horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL;
            JFreeChart chart = stacked
                    ? ChartFactory.createStackedBarChart(title, null, valueAxis, data, o, true, false, false)
                    : ChartFactory.createBarChart(title, null, valueAxis, data, o, true, false, false);
            chart.setBackgroundPaint(Color.WHITE);
            chart.getTitle().setFont(bold.deriveFont(11f));
            if (data.getRowCount() == 1) {
                chart.removeLegend(); // one series: the title says what it is
            } else {
                chart.getLegend().setItemFont(regular.deriveFont(9f));
            }
            CategoryPlot plot = chart.getCategoryPlot();
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
            CategoryAxis categories = plot.getDomainAxis();
            categories.setTickLabelFont(regular.deriveFont(9f));
            categories.setMaximumCategoryLabelLines(3);
            if (!horizontal && data.getColumnCount() > 6) {
                categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            }
            styleValueAxis((NumberAxis) plot.getRangeAxis(), regular);
            BarRenderer bars = (BarRenderer) plot.getRenderer();
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setItemMargin(0.05);
            for (int i = 0; i < data.getRowCount(); i++) {
                bars.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            }
            for (int i = 0; i < bands.size(); i++) {
                IntervalMarker band = new IntervalMarker(bands.get(i)[0], bands.get(i)[1], new Color(0x2E, 0x7D, 0x32, 0x30),
                        new BasicStroke(1f), null, null, 1f);
                band.setLabel(bandLabels.get(i));
                band.setLabelFont(regular.deriveFont(9f));
                plot.addRangeMarker(band, Layer.BACKGROUND);
            }
            return chart;
        }

        /** Values in Vietnamese number format, whole ticks for counts, up to the upper bound when given. */
        private void styleValueAxis(NumberAxis values, Font regular) {
            values.setTickLabelFont(regular.deriveFont(9f));
            values.setLabelFont(regular.deriveFont(10f));
            DecimalFormatSymbols vi = new DecimalFormatSymbols();
            vi.setDecimalSeparator(',');
            vi.setGroupingSeparator('.');
            values.setNumberFormatOverride(new DecimalFormat("#,##0.#", vi));
            if (counts) {
                values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
            if (upper != null) {
                values.setRange(0, upper);
            }
        }
    }
}
