/**
 * What the chat platforms have in common to the application: something that starts, serves until
 * stopped, and renders {@link readingroom.bot.model.Reply} values its own way.
 */
package readingroom.bot.platform;
