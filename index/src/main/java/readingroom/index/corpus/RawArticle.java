package readingroom.index.corpus;

import readingroom.index.model.Source;

/** An article as read from its file: metadata and the scraped text, before cleaning. */
record RawArticle(Source source, String body) {}
