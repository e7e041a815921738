/**
 * The retrieval engine of Reading Room: it loads a corpus of articles, cleans them, splits them
 * into passages, keeps a Lucene index on disk and answers questions with verbatim, linked quotes.
 * It knows nothing of chat platforms; {@link readingroom.index.Engine} is its front door.
 */
package readingroom.index;
