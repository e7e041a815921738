/**
 * The search backends and everything that ranks their passages: the {@link
 * readingroom.index.search.SearchBackend} interface with its two implementations, the embedded
 * Lucene index ({@link readingroom.index.search.LuceneBackend}) and an OpenSearch cluster ({@link
 * readingroom.index.search.OpenSearchBackend}), each searched per question through a {@link
 * readingroom.index.search.PassageSearch}; the one {@link readingroom.index.search.Schema} of
 * fields and analysis, writing and updating the index ({@link
 * readingroom.index.search.IndexStore}), serving its latest commit ({@link
 * readingroom.index.search.LiveIndex}), the default embedder, ranking by words and meaning ({@link
 * readingroom.index.search.Retriever}), whether the best passage answers ({@link
 * readingroom.index.search.Confidence}), and cutting a verbatim quote with its link ({@link
 * readingroom.index.search.Excerpts}, {@link readingroom.index.search.TextFragmentLink}).
 *
 * <p>Imports {@code corpus} (to cut passages and count words) and {@code model}; used only by
 * {@code index}, and not exported by the module.
 */
package readingroom.index.search;
