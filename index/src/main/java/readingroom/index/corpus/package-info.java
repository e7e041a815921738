/**
 * Reading the corpus folder: article files (plain text with front matter, or HTML) become cleaned
 * {@link readingroom.index.model.Article}s ({@link readingroom.index.corpus.CorpusReader}, {@link
 * readingroom.index.corpus.Cleaner}, {@link readingroom.index.corpus.CleaningRules}), split into
 * sentences and into the passages the index searches ({@link readingroom.index.corpus.Passages}).
 * No Lucene here.
 *
 * <p>Imports only {@code model}; used by {@code search} and {@code index}.
 */
package readingroom.index.corpus;
