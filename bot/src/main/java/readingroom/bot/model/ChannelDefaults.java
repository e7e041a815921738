package readingroom.bot.model;

import readingroom.index.Question;

/**
 * What a channel gets until someone changes its settings: from the configuration, so changing the
 * configuration moves every channel that did not choose for itself.
 *
 * @param visibility whether answers are public or private
 * @param maxQuotes how many quotes an answer shows, 1 to 3
 */
public record ChannelDefaults(Visibility visibility, int maxQuotes) {
  public ChannelDefaults {
    if (visibility == null) {
      throw new IllegalArgumentException("visibility must be set");
    }
    if (maxQuotes < 1 || maxQuotes > Question.MAX_QUOTES) {
      throw new IllegalArgumentException("maxQuotes must be 1 to 3, was " + maxQuotes);
    }
  }
}
