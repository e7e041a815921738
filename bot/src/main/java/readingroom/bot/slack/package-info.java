/**
 * The Slack adapter, on Bolt for Java: slash commands, mentions, direct messages and buttons come
 * in over Socket Mode or HTTP, are acknowledged within Slack's three seconds, go to {@link
 * readingroom.bot.commands.ChatCommands}, and the reply is rendered as Block Kit, with the core's
 * short command names spelled as Slack knows them ({@code CommandNames}). Nothing here decides what
 * to answer or who sees it.
 *
 * <p>Arrows: slack -> commands, platform, config, digest, channel, model.
 */
package readingroom.bot.slack;
