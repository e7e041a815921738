package readingroom.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import readingroom.bot.config.Secrets;
import readingroom.bot.config.Settings;
import readingroom.bot.config.SettingsException;
import readingroom.index.Engine;
import readingroom.index.EngineException;
import readingroom.index.Readers;
import readingroom.index.Synonyms;
import readingroom.index.model.PassageReader;

/** Configures the engine from the settings. */
public final class EngineOptions {

  /** The reader setting's value for the model shipped in the jar. */
  public static final String BUNDLED = "bundled";

  /** Cores a reader runs each question on: the machine's two, as one question is read at a time. */
  static final int READER_THREADS = 2;

  /** Readers by setting: each holds an ONNX session, loaded once per process. */
  private static final Map<String, PassageReader> READERS = new ConcurrentHashMap<>();

  private EngineOptions() {}

  public static Engine.Builder of(Settings settings) {
    if (settings.synonyms() != null && !Files.isRegularFile(settings.synonyms())) {
      throw new SettingsException(
          "Setting readingroom.synonyms points to "
              + settings.synonyms()
              + ", which does not exist.");
    }
    Engine.Builder builder =
        Engine.builder()
            .corpus(settings.corpus())
            .index(settings.index())
            .synonyms(
                settings.synonyms() == null ? Synonyms.none() : Synonyms.read(settings.synonyms()))
            .dropPatterns(settings.extraDropPatterns())
            .vectorFormat(settings.vectorFormat())
            .openSearch(settings.openSearch(Secrets.fromEnvironment()));
    String depth = setting(settings, "confidence.depth");
    if (!depth.isBlank()) {
      builder.judgeDepth(
          Settings.intIn(settings.raw().getConfig(Settings.ROOT), "confidence.depth", 1, 50));
    }
    return withModel(builder, configuredModel(settings), configuredReader(settings));
  }

  /**
   * Sets the confidence model (null: the bundled one) and, when that model reads passages, the
   * reader {@code readerSetting} names ("bundled", "none" or a model folder).
   */
  public static Engine.Builder withModel(Engine.Builder builder, Path model, String readerSetting) {
    return builder.confidenceModel(model).reader(null).readerSource(() -> reader(readerSetting));
  }

  /** The confidence model file the settings name, or null for the one bundled in the jar. */
  public static Path configuredModel(Settings settings) {
    String value = setting(settings, "confidence.model");
    return value.isBlank() ? null : Path.of(value);
  }

  /** The reader setting: "bundled", "none" or a model folder. */
  public static String configuredReader(Settings settings) {
    String value = setting(settings, "confidence.reader");
    return value.isBlank() ? "none" : value;
  }

  /**
   * The reader a setting names, or null for "none".
   *
   * @throws EngineException naming the folder when the model cannot be loaded
   */
  public static PassageReader reader(String setting) {
    if (setting == null || setting.equals("none")) {
      return null;
    }
    return READERS.computeIfAbsent(
        setting,
        s -> {
          try {
            return Readers.open(s.equals(BUNDLED) ? null : Path.of(s), READER_THREADS);
          } catch (EngineException e) {
            throw new EngineException(
                "The passage reader (readingroom.confidence.reader = "
                    + s
                    + ") cannot be loaded: "
                    + e.getMessage(),
                e);
          }
        });
  }

  private static String setting(Settings settings, String key) {
    var root = settings.raw().getConfig(Settings.ROOT);
    return root.hasPath(key) ? Settings.string(root, key) : "";
  }
}
