package readingroom.bot.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.service.InstallationService;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.util.List;
import readingroom.bot.state.SlackInstallations;

/**
 * Slack's word that a workspace has removed the app ({@code app_uninstalled}) or revoked its tokens
 * ({@code tokens_revoked}): the installation is deleted from the shared store at once, so no
 * replica answers there with the old token. A revoked user token only forgets that token.
 */
final class Uninstalls {

  private final InstallationService service;
  private final SlackInstallations installations;

  Uninstalls(InstallationService service, SlackInstallations installations) {
    this.service = service;
    this.installations = installations;
  }

  void register(App app) {
    app.event(
        AppUninstalledEvent.class,
        (payload, ctx) -> {
          service.deleteAll(payload.getEnterpriseId(), payload.getTeamId());
          return ctx.ack();
        });
    app.event(
        TokensRevokedEvent.class,
        (payload, ctx) -> {
          TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
          List<String> bots = tokens == null ? null : tokens.getBot();
          List<String> users = tokens == null ? null : tokens.getOauth();
          if (bots != null && !bots.isEmpty()) {
            service.deleteAll(payload.getEnterpriseId(), payload.getTeamId());
          } else if (users != null && !users.isEmpty()) {
            installations.forgetUserTokens(payload.getEnterpriseId(), payload.getTeamId(), users);
          }
          return ctx.ack();
        });
  }
}
