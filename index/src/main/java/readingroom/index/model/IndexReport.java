package readingroom.index.model;

/**
 * What an index update did.
 *
 * @param added articles new to the index
 * @param updated articles whose text changed and were indexed again
 * @param removed articles no longer in the corpus
 * @param unchanged articles left as they were
 * @param passages passages written
 * @param embedded passages the embedder was run on (the rest reused a known vector)
 * @param version the index version after the update
 */
public record IndexReport(
    int added, int updated, int removed, int unchanged, int passages, int embedded, long version) {}
