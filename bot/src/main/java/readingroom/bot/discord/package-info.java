/**
 * Reading Room on Discord: slash commands, mentions and buttons in, embeds out, through JDA. The
 * classes here translate only; every decision is made by {@link
 * readingroom.bot.commands.ChatCommands}.
 */
package readingroom.bot.discord;
