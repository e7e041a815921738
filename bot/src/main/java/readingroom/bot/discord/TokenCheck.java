package readingroom.bot.discord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import readingroom.bot.config.SettingsException;

/**
 * One REST call that tells a refused bot token ({@code 401}) from a Discord that cannot be reached
 * (no answer at all), before anything else starts.
 */
final class TokenCheck {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final String restUrl;

  TokenCheck(String restUrl) {
    this.restUrl = restUrl;
  }

  void check(String token) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(restUrl + "users/@me"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bot " + token)
            .header("User-Agent", "DiscordBot (https://github.com/readingroom, 0.1.0)")
            .GET()
            .build();
    HttpResponse<Void> response;
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
      response = http.send(request, HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new SettingsException(
          "Cannot reach Discord at "
              + restUrl
              + ": "
              + describe(e)
              + ". Check the network"
              + " (or readingroom.discord.rest-url); the token was not checked.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SettingsException("Interrupted while checking DISCORD_TOKEN with Discord.");
    }
    if (response.statusCode() == 401 || response.statusCode() == 403) {
      throw new SettingsException(DiscordPlatform.tokenRefused());
    }
    if (response.statusCode() / 100 != 2) {
      throw new SettingsException(
          "Discord at "
              + restUrl
              + " answered HTTP "
              + response.statusCode()
              + " when asked about the bot token; try again later.");
    }
  }

  private static String describe(IOException e) {
    // The JDK's client often throws a ConnectException with no message around one with a cause.
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        return e.getClass().getSimpleName()
            + (t == e ? "" : " (" + t.getClass().getSimpleName() + ")")
            + ": "
            + t.getMessage();
      }
    }
    return e.getClass().getSimpleName();
  }
}
