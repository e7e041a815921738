/**
 * The Slack adapter, on Bolt for Java: slash commands, mentions, direct messages and buttons come
 * in over Socket Mode or HTTP, are acknowledged within Slack's three seconds, go to {@link
 * readingroom.bot.commands.ChatCommands}, and the reply is rendered as Block Kit, with the core's
 * short command names spelled as Slack knows them ({@code CommandNames}). Nothing here decides what
 * to answer or who sees it. One workspace is answered with {@code SLACK_BOT_TOKEN}; many, with
 * Bolt's OAuth install flow, each with its own token ({@code WorkspaceTokens}), Bolt's installation
 * and state stores being the state database's ({@code DatabaseInstallationService}, {@code
 * DatabaseOAuthStateService}). In HTTP mode the signatures seen are shared the same way ({@code
 * SharedReplayGuard}).
 *
 * <p>Arrows: slack -> commands, platform, config, digest, channel, model, state.
 */
package readingroom.bot.slack;
