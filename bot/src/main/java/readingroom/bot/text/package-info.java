/**
 * Plain-text helpers every layer shares ({@link readingroom.bot.text.Texts}: one line, cut with an
 * ellipsis). Depends on nothing; everything may depend on it.
 */
package readingroom.bot.text;
