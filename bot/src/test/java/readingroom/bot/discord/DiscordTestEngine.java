package readingroom.bot.discord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import readingroom.index.Engine;
import readingroom.index.Synonyms;

/** A real engine on a copy of the project's five-article corpus. */
final class DiscordTestEngine {
  private DiscordTestEngine() {}

  static Engine open(Path temp) throws IOException {
    Path corpus = temp.resolve("corpus");
    Files.createDirectories(corpus);
    Path shipped = Path.of(System.getProperty("readingroom.root", "..")).resolve("corpus");
    try (var files = Files.list(shipped)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".txt")).toList()) {
        Files.copy(file, corpus.resolve(file.getFileName()));
      }
    }
    return Engine.open(
        new Engine.Options(corpus, temp.resolve("index"), Synonyms.none(), List.of()));
  }

  /** Settings pointing JDA at the local Discord, commands registered in its server. */
  static DiscordSettings settings(LocalDiscord discord) {
    return new DiscordSettings(
        discord.restUrl(),
        discord.gatewayUrl(),
        Long.parseLong(discord.guildId),
        true,
        2,
        1000,
        java.time.Duration.ofSeconds(20));
  }
}
