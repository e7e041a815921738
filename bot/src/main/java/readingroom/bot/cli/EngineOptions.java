package readingroom.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import readingroom.bot.config.Settings;
import readingroom.bot.config.SettingsException;
import readingroom.index.Engine;
import readingroom.index.Synonyms;

/** Configures the engine from the settings. */
public final class EngineOptions {
  private EngineOptions() {}

  public static Engine.Builder of(Settings settings) {
    if (settings.synonyms() != null && !Files.isRegularFile(settings.synonyms())) {
      throw new SettingsException(
          "Setting readingroom.synonyms points to "
              + settings.synonyms()
              + ", which does not exist.");
    }
    return Engine.builder()
        .corpus(settings.corpus())
        .index(settings.index())
        .synonyms(
            settings.synonyms() == null ? Synonyms.none() : Synonyms.read(settings.synonyms()))
        .dropPatterns(settings.extraDropPatterns())
        .confidenceModel(configuredModel(settings));
  }

  /** The confidence model file the settings name, or null for the one bundled in the jar. */
  public static Path configuredModel(Settings settings) {
    var root = settings.raw().getConfig(Settings.ROOT);
    if (!root.hasPath("confidence.model")) {
      return null;
    }
    String value = Settings.string(root, "confidence.model");
    return value.isBlank() ? null : Path.of(value);
  }
}
