/**
 * Scores the engine on question files of the form of {@code shared/eval/dev.jsonl}.
 *
 * <p>Arrows: eval -> text, index.
 */
package readingroom.bot.eval;
