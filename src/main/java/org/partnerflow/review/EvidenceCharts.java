package org.partnerflow.review;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.GroupedStackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.KeyToGroupMap;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.partnerflow.review.EvidencePack.MonthPoint;
import org.partnerflow.review.EvidencePack.SideFigures;

/**
 * The evidence pack's charts, drawn by JFreeChart into SVG elements to put inline in the page, each
 * titled by the page's caption rather than inside the chart. Text stays text ({@code <text>}
 * elements in the page's sans-serif font; the axes carry no rotated labels, which the SVG writer
 * would draw as glyph outlines); measuring it still needs the JVM's fonts, which a headless JVM has
 * as long as fontconfig and one font package are installed (Debian's fonts-dejavu-core is).
 */
final class EvidenceCharts {

  static {
    // nothing here opens a window; without a display AWT must not try to find one
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private static final Color ON_TIME = new Color(0x2e7d32);
  private static final Color LATE = new Color(0xe65100);
  private static final Color ON_TIME_PARTNER = new Color(0x81c784);
  private static final Color LATE_PARTNER = new Color(0xffb74d);
  private static final Color PLANNED = new Color(0x90a4ae);
  private static final Color ACTUAL = new Color(0x1f4e79);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);

  private EvidenceCharts() {
  }

  /**
   * Actions completed each month, one stack per organisation (on time below, late above); months
   * are ISO {@code yyyy-MM} and every month between the first and the last is shown. Null when no
   * action was completed.
   */
  static String actionsByMonth(List<MonthPoint> timeline, List<String> organisations) {
    if (timeline.isEmpty()) {
      return null;
    }
    Set<String> names = new LinkedHashSet<>(organisations);
    timeline.forEach(point -> names.add(point.organisation()));
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    KeyToGroupMap groups = new KeyToGroupMap();
    List<String> months = months(timeline);
    for (String organisation : names) {
      for (String month : months) {
        data.addValue(0, organisation + ": on time", label(month));
        data.addValue(0, organisation + ": late", label(month));
      }
      groups.mapKeyToGroup(organisation + ": on time", organisation);
      groups.mapKeyToGroup(organisation + ": late", organisation);
    }
    for (MonthPoint point : timeline) {
      data.incrementValue(point.onTime(), point.organisation() + ": on time", label(point.month()));
      data.incrementValue(point.late(), point.organisation() + ": late", label(point.month()));
    }
    JFreeChart chart = ChartFactory.createStackedBarChart(null, null, null, data,
        PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    GroupedStackedBarRenderer renderer = new GroupedStackedBarRenderer();
    renderer.setSeriesToGroupMap(groups);
    renderer.setItemMargin(0.08);
    plot.setRenderer(renderer);
    style(chart);
    int series = 0;
    for (int organisation = 0; organisation < names.size(); organisation++) {
      boolean first = organisation == 0;
      renderer.setSeriesPaint(series++, first ? ON_TIME : ON_TIME_PARTNER);
      renderer.setSeriesPaint(series++, first ? LATE : LATE_PARTNER);
    }
    ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    if (months.size() > 8) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    return svg(chart, "actions-by-month", 600, 300, "Actions completed on time and late, by month");
  }

  /** One bar pair (planned, actual) per organisation; null when nothing was planned. */
  static String plannedAgainstActual(List<SideFigures> sides, Function<SideFigures, BigDecimal> planned,
      Function<SideFigures, BigDecimal> actual, String what, String id) {
    if (sides.stream().allMatch(side -> planned.apply(side) == null && actual.apply(side) == null)) {
      return null;
    }
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (SideFigures side : sides) {
      data.addValue(planned.apply(side), "Planned", side.organisation());
      data.addValue(actual.apply(side), "Actual", side.organisation());
    }
    JFreeChart chart = ChartFactory.createBarChart(null, null, null, data, PlotOrientation.VERTICAL, true, false,
        false);
    style(chart);
    BarRenderer renderer = (BarRenderer) chart.getCategoryPlot().getRenderer();
    renderer.setSeriesPaint(0, PLANNED);
    renderer.setSeriesPaint(1, ACTUAL);
    renderer.setItemMargin(0.05);
    return svg(chart, id, 440, 260, what + " planned against actual, by organisation");
  }

  private static List<String> months(List<MonthPoint> timeline) {
    TreeSet<String> given = new TreeSet<>();
    timeline.forEach(point -> given.add(point.month()));
    try {
      List<String> all = new ArrayList<>();
      YearMonth last = YearMonth.parse(given.last());
      for (YearMonth month = YearMonth.parse(given.first()); !month.isAfter(last); month = month.plusMonths(1)) {
        all.add(month.toString());
      }
      return all;
    } catch (DateTimeParseException notIso) {
      return List.copyOf(given);
    }
  }

  private static String label(String month) {
    try {
      return YearMonth.parse(month).format(MONTH);
    } catch (DateTimeParseException notIso) {
      return month;
    }
  }

  private static void style(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("Partnerflow");
    theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setRangeGridlinePaint(new Color(0xd0d7de));
    theme.setAxisLabelPaint(new Color(0x333333));
    theme.setTickLabelPaint(new Color(0x333333));
    theme.setShadowVisible(false);
    theme.setBarPainter(new StandardBarPainter());
    theme.apply(chart);
    chart.setAntiAlias(true);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setOutlineVisible(false);
    plot.setRangeGridlinesVisible(true);
    plot.getDomainAxis().setCategoryMargin(0.25);
    plot.getDomainAxis().setMaximumCategoryLabelLines(2);
    LegendTitle legend = chart.getLegend();
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setFrame(BlockBorder.NONE);
  }

  private static String svg(JFreeChart chart, String id, int width, int height, String description) {
    SVGGraphics2D graphics = new SVGGraphics2D(width, height);
    graphics.setDefsKeyPrefix(id + "-"); // unique clip-path ids when several charts share one page
    chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
    String element = graphics.getSVGElement(id, true, new ViewBox(0, 0, width, height), null, null);
    return element.replaceFirst("<svg ", "<svg role=\"img\" aria-label=\"" + description + "\" ");
  }
}
