/**
 * The benchmark harness: converts the Reuters-21578 and State of the Union data sets into corpus
 * files, measures asks with JMH and a load driver, and times plain Lucene over the same index in
 * the same run, so every figure is a ratio as well as a time. Started by {@code bench/run}.
 *
 * <p>Benchmark-only code lives here, never in the engine: {@link
 * readingroom.bench.SpreadCopiesEmbedder} for replicated corpora, the words-only engine for the
 * BM25 path. Imports the engine's API ({@code readingroom.index}, {@code readingroom.index.model})
 * and, running on the class path, two internals the module keeps hidden: the index schema, so the
 * plain Lucene baseline analyses words as the index did, and the default embedder, which {@code
 * SpreadCopiesEmbedder} wraps. Nothing imports {@code bench}.
 */
package readingroom.bench;
