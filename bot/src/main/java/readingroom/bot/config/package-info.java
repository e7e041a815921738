/**
 * Configuration: the commented default {@code readingroom.conf}, a user's file and environment
 * variables, loaded once into typed, validated {@link readingroom.bot.config.Settings}; secret
 * names in {@link readingroom.bot.config.Secrets}.
 *
 * <p>Arrows: config -> channel (to check the cache specification), model.
 */
package readingroom.bot.config;
