package readingroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures were measured on: CPU, cores, memory, JDK, and how busy the machine was. */
final class Machine {
  private Machine() {}

  static String describe() {
    Runtime rt = Runtime.getRuntime();
    return Stats.header("machine", "")
        + "\n"
        + Stats.row("CPU", cpuModel())
        + "\n"
        + Stats.row("cores available to the JVM", rt.availableProcessors())
        + "\n"
        + Stats.row("memory", memTotal())
        + "\n"
        + Stats.row("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"))
        + "\n"
        + Stats.row(
            "JDK",
            System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
        + "\n"
        + Stats.row("harness max heap", (rt.maxMemory() >> 20) + " MB")
        + "\n"
        + Stats.row("load average (1, 5, 15 min) at start", loadAverage())
        + "\n";
  }

  /** A figure of /proc/self/status in kB (VmRSS, VmHWM), or -1 off Linux. */
  static long procStatusKb(String key) throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith(key + ":")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    return -1;
  }

  /** The 1, 5 and 15 minute load averages, or "unknown" off Linux. */
  static String loadAverage() {
    List<String> fields = firstLine(Path.of("/proc/loadavg"));
    return fields.size() >= 3 ? String.join(" ", fields.subList(0, 3)) : "unknown";
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse(System.getProperty("os.arch"));
    } catch (IOException e) {
      return System.getProperty("os.arch");
    }
  }

  private static String memTotal() {
    try {
      return Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(l -> l.startsWith("MemTotal"))
          .map(l -> (Long.parseLong(l.replaceAll("\\D", "")) >> 20) + " GB")
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static List<String> firstLine(Path file) {
    try {
      return List.of(Files.readAllLines(file).get(0).split(" "));
    } catch (IOException | IndexOutOfBoundsException e) {
      return List.of();
    }
  }
}
