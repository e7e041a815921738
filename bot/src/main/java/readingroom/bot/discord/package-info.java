/**
 * Reading Room on Discord, through JDA: slash commands (options passed typed), mentions (parsed by
 * the core's text-command parser) and buttons in, embeds out. It translates only: visibility comes
 * from the core before the acknowledgement, and every sentence from {@code model.Messages}.
 *
 * <p>Arrows: discord -> commands, platform, config, digest, channel, model, text.
 */
package readingroom.bot.discord;
