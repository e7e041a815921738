/**
 * Configuration: the commented default {@code readingroom.conf}, a user's file and environment
 * variables, loaded once into typed, validated {@link readingroom.bot.config.Settings}.
 */
package readingroom.bot.config;
