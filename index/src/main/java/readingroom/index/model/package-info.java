/**
 * The records and contracts every layer of the engine shares, and callers see: an article's {@link
 * readingroom.index.model.Source} and {@link readingroom.index.model.PublishedDate}, the cleaned
 * {@link readingroom.index.model.Article}, a {@link readingroom.index.model.Span} of a quote, a
 * {@link readingroom.index.model.CorpusProblem}, the {@link readingroom.index.model.Embedder} a
 * caller may plug in, and indexing's progress and report.
 *
 * <p>The bottom of the engine: it imports no other package of it, so {@code corpus}, {@code search}
 * and {@code index} can all use it without a cycle.
 */
package readingroom.index.model;
