/**
 * The Slack adapter, on Bolt for Java: slash commands, mentions, direct messages and buttons come
 * in over Socket Mode or HTTP, go to {@link readingroom.bot.commands.ChatCommands}, and the {@link
 * readingroom.bot.model.Reply} that comes back is rendered as Block Kit. Nothing here decides what
 * to answer; it only translates, acknowledges within Slack's three seconds, and delivers.
 */
package readingroom.bot.slack;
