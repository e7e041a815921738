package readingroom.bot.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import readingroom.bot.state.SlackInstallation;
import readingroom.bot.state.SlackInstallations;

/**
 * Bolt's installation store, on the state database ({@link SlackInstallations}), in place of Bolt's
 * files on local disk, which replicas could not share. One installation per workspace: the latest
 * installer's, whose bot token answers everyone there. No history is kept.
 */
final class DatabaseInstallationService implements InstallationService {

  private static final Logger log = LoggerFactory.getLogger(DatabaseInstallationService.class);

  private final SlackInstallations installations;
  private final Clock clock;

  DatabaseInstallationService(SlackInstallations installations, Clock clock) {
    this.installations = installations;
    this.clock = clock;
  }

  @Override
  public boolean isHistoricalDataEnabled() {
    return false;
  }

  @Override
  public void setHistoricalDataEnabled(boolean enabled) {
    if (enabled) {
      throw new UnsupportedOperationException("installation history is not kept");
    }
  }

  @Override
  public void saveInstallerAndBot(Installer installer) {
    if (installer.getBotAccessToken() == null || installer.getBotUserId() == null) {
      throw new IllegalArgumentException(
          "Slack gave no bot token: the app's bot scopes are missing from the install link");
    }
    Instant installedAt =
        installer.getInstalledAt() == null
            ? clock.instant()
            : Instant.ofEpochMilli(installer.getInstalledAt());
    SlackInstallation installation =
        new SlackInstallation(
            installer.getEnterpriseId(),
            installer.getTeamId(),
            Boolean.TRUE.equals(installer.getIsEnterpriseInstall()),
            installer.getAppId(),
            installer.getBotId(),
            installer.getBotUserId(),
            installer.getBotScope(),
            installer.getBotAccessToken(),
            installer.getInstallerUserId(),
            installer.getInstallerUserScope(),
            installer.getInstallerUserAccessToken(),
            installedAt);
    installations.save(installation);
    log.info(
        "Slack app installed in workspace {} (enterprise {}) by {}, scopes {}",
        installation.teamId(),
        installation.enterpriseId(),
        installation.installerUserId(),
        installation.botScopes());
  }

  @Override
  public void deleteBot(Bot bot) {
    deleteAll(bot.getEnterpriseId(), bot.getTeamId());
  }

  @Override
  public void deleteInstaller(Installer installer) {
    deleteAll(installer.getEnterpriseId(), installer.getTeamId());
  }

  @Override
  public void deleteAll(String enterpriseId, String teamId) {
    if (installations.delete(enterpriseId, teamId)) {
      log.info("Slack installation of workspace {} (enterprise {}) removed", teamId, enterpriseId);
    }
  }

  @Override
  public Bot findBot(String enterpriseId, String teamId) {
    return installations
        .find(enterpriseId, teamId)
        .map(DatabaseInstallationService::bot)
        .orElse(null);
  }

  @Override
  public Installer findInstaller(String enterpriseId, String teamId, String userId) {
    return installations
        .find(enterpriseId, teamId)
        .filter(i -> userId == null || userId.equals(i.installerUserId()))
        .map(DatabaseInstallationService::installer)
        .orElse(null);
  }

  private static Bot bot(SlackInstallation i) {
    DefaultBot bot = new DefaultBot();
    bot.setAppId(i.appId());
    bot.setEnterpriseId(i.enterpriseId());
    bot.setTeamId(i.teamId());
    bot.setIsEnterpriseInstall(i.enterpriseInstall());
    bot.setBotId(i.botId());
    bot.setBotUserId(i.botUserId());
    bot.setBotScope(i.botScopes());
    bot.setBotAccessToken(i.botToken());
    bot.setInstalledAt(i.installedAt().toEpochMilli());
    return bot;
  }

  private static Installer installer(SlackInstallation i) {
    return DefaultInstaller.builder()
        .appId(i.appId())
        .enterpriseId(i.enterpriseId())
        .teamId(i.teamId())
        .isEnterpriseInstall(i.enterpriseInstall())
        .botId(i.botId())
        .botUserId(i.botUserId())
        .botScope(i.botScopes())
        .botAccessToken(i.botToken())
        .installerUserId(i.installerUserId())
        .installerUserScope(i.installerUserScopes())
        .installerUserAccessToken(i.installerUserToken())
        .installedAt(i.installedAt().toEpochMilli())
        .build();
  }
}
