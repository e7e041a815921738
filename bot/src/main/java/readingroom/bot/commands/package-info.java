/**
 * Platform-neutral chat: who asked where ({@link readingroom.bot.model.Origin}), the commands every
 * platform offers, and the {@link readingroom.bot.model.Reply} model that adapters render. Nothing
 * here knows Discord or Slack.
 */
package readingroom.bot.commands;
