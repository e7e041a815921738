package readingroom.bot.commands;

import readingroom.bot.model.Visibility;

/**
 * One change to a channel's settings, typed: what Discord's options give directly and what the text
 * form ({@code /settings visibility private}) parses to, so both are checked by the same code.
 */
public sealed interface SettingChange {

  /** A new reading list, in the words of {@code readingroom.bot.channel.ScopeText}. */
  record ReadingList(String text) implements SettingChange {}

  /** Who sees the answers. */
  record Answers(Visibility visibility) implements SettingChange {}

  /** Quotes per answer; checked to be 1 to 3 when applied. */
  record Quotes(long count) implements SettingChange {}
}
