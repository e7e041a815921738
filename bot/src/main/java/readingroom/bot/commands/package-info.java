/**
 * The core: one class per command ({@code AskCommand}, {@code SourcesCommand}, {@code
 * ArticleCommand}, {@code HelpCommand}, {@code SettingsCommand}, {@code DigestCommand}, and the
 * classroom's {@code FollowUpCommand}, {@code CiteCommand}, {@code CompareCommand}, {@code
 * TimelineCommand}, {@code DiscussCommand}, {@code ReportCommand} with its {@link
 * readingroom.bot.commands.ChannelReport}) behind the one door adapters call, {@link
 * readingroom.bot.commands.ChatCommands}, with the shared guards in {@code Guard}. The core
 * decides: what to answer, who sees it ({@link readingroom.bot.commands.Audience}), and every
 * sentence; it parses typed text commands once ({@link readingroom.bot.commands.TextCommand}) and
 * takes Discord's options typed ({@link readingroom.bot.commands.SettingChange}, {@link
 * readingroom.bot.commands.DigestRequest}). It knows no platform's command names or markup.
 *
 * <p>Arrows: commands -> channel, digest, state, metrics, model, text, index. Adapters (discord,
 * slack, console) and cli depend on it.
 */
package readingroom.bot.commands;
