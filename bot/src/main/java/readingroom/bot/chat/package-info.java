/**
 * Platform-neutral chat: who asked where ({@link readingroom.bot.chat.Origin}), the commands every
 * platform offers, and the {@link readingroom.bot.chat.Reply} model that adapters render. Nothing
 * here knows Discord or Slack.
 */
package readingroom.bot.chat;
