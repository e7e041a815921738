/**
 * The Lucene index and everything that searches it: the one {@link readingroom.index.search.Schema}
 * of fields and analysis, writing and updating the index ({@link
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
