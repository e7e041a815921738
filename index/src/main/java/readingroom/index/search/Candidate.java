package readingroom.index.search;

/**
 * A passage the question might be answered from, with the signals that rank it and decide whether
 * it answers at all.
 *
 * @param doc the Lucene document of the passage
 * @param articleId its article
 * @param start passage start in the article text
 * @param end passage end
 * @param bm25 the BM25 score of the passage (0 when only the vector search found it)
 * @param cosine the similarity of question and passage embeddings, -1 to 1
 * @param coverage the share of the question's term weight (IDF) found in the passage, 0 to 1
 * @param missingRarest the weight of the heaviest question term the passage lacks, as a share of
 *     the heaviest term's weight, 0 (lacks none) to 1 (lacks the rarest)
 * @param datesMatch whether the passage is about the years and months the question names
 * @param holdsAnswer whether the passage holds the kind of answer asked for (a name, a number...)
 * @param nearMiss signs that it answers a contrary question (an antonym, a lost negation...)
 * @param score the fused ranking score
 */
public record Candidate(
    int doc,
    String articleId,
    int start,
    int end,
    double bm25,
    double cosine,
    double coverage,
    double missingRarest,
    boolean datesMatch,
    boolean holdsAnswer,
    NearMiss nearMiss,
    double score) {

  Candidate withScore(double newScore) {
    return new Candidate(
        doc,
        articleId,
        start,
        end,
        bm25,
        cosine,
        coverage,
        missingRarest,
        datesMatch,
        holdsAnswer,
        nearMiss,
        newScore);
  }
}
