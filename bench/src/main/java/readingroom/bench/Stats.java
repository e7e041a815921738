package readingroom.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Percentiles of timings (nearest rank), and the table layout of the reports. */
final class Stats {
  private Stats() {}

  /** The nearest-rank percentile of the values; 0 for none. */
  static double percentile(double[] values, double percentile) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  static double median(double[] values) {
    return percentile(values, 50);
  }

  static double[] toArray(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** A Markdown table row. */
  static String row(Object... cells) {
    StringBuilder line = new StringBuilder("|");
    for (Object cell : cells) {
      line.append(' ').append(cell).append(" |");
    }
    return line.toString();
  }

  /**
   * One row per measured configuration: p50, p99 and max, and p50 against plain Lucene's: the
   * latency table every phase prints.
   */
  static String latencyRows(Map<String, List<Double>> times, double plainP50) {
    StringBuilder rows = new StringBuilder();
    for (var entry : times.entrySet()) {
      double[] values = toArray(entry.getValue());
      rows.append(
              row(
                  entry.getKey(),
                  ms(percentile(values, 50)),
                  ms(percentile(values, 99)),
                  ms(percentile(values, 100)),
                  ratio(percentile(values, 50), plainP50)))
          .append('\n');
    }
    return rows.toString();
  }

  /** A Markdown table header with its rule. */
  static String header(String... names) {
    return row((Object[]) names)
        + "\n"
        + row((Object[]) Arrays.stream(names).map(n -> "---").toArray(String[]::new));
  }

  static String ms(double millis) {
    return millis >= 10 ? String.format("%.1f ms", millis) : String.format("%.3f ms", millis);
  }

  static String ratio(double value, double base) {
    return base <= 0 ? "n/a" : String.format("%.2fx", value / base);
  }
}
