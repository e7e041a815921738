/** Scores the engine on question files of the form of {@code shared/eval/dev.jsonl}. */
package readingroom.bot.eval;
