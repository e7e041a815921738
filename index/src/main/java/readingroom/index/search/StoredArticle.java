package readingroom.index.search;

import readingroom.index.model.Source;

/** An article as the index holds it: metadata and cleaned text, all a reply needs. */
public record StoredArticle(Source source, String text) {}
