/**
 * Bringing articles in from the web: a polite, bounded HTTP fetcher (robots.txt, a user agent that
 * names the bot, per-host pacing, timeouts, size and redirect limits, http(s) only) and the feed
 * poller that uses it to add new feed items to the corpus folder.
 */
package readingroom.index.fetch;
