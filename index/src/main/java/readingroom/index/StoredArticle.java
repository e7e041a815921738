package readingroom.index;

/** An article as the index holds it: metadata and cleaned text, all a reply needs. */
record StoredArticle(Source source, String text) {}
