package readingroom.index.corpus;

/**
 * A run of whole sentences inside one paragraph, sized for a chat quote: the unit the index
 * searches. Offsets are into the article's cleaned text.
 *
 * @param articleId the article
 * @param ordinal the position of the passage in the article, from 0
 * @param start first character
 * @param end one past the last character
 * @param context the paragraph the passage sits in, with the heading above it, for weaker matching
 */
public record Passage(String articleId, int ordinal, int start, int end, String context) {}
