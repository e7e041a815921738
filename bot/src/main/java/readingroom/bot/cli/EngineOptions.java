package readingroom.bot.cli;

import java.nio.file.Files;
import readingroom.bot.config.Settings;
import readingroom.bot.config.SettingsException;
import readingroom.index.Engine;
import readingroom.index.Synonyms;

/** Builds the engine's options from the settings. */
public final class EngineOptions {
  private EngineOptions() {}

  public static Engine.Options of(Settings settings) {
    if (settings.synonyms() != null && !Files.isRegularFile(settings.synonyms())) {
      throw new SettingsException(
          "Setting readingroom.synonyms points to "
              + settings.synonyms()
              + ", which does not exist.");
    }
    return new Engine.Options(
        settings.corpus(),
        settings.index(),
        settings.synonyms() == null ? Synonyms.none() : Synonyms.read(settings.synonyms()),
        settings.extraDropPatterns());
  }
}
