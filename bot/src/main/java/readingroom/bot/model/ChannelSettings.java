package readingroom.bot.model;

import java.util.Objects;
import readingroom.index.Question;
import readingroom.index.Scope;

/**
 * What a channel chose for itself. A {@code null} visibility or quote count means "follow the
 * configured default", so a channel that only narrowed its reading list still follows later changes
 * of the defaults.
 *
 * @param scope the channel's reading list; {@link Scope#all()} for every article
 * @param visibility public or private answers, or {@code null} for the default
 * @param maxQuotes quotes per answer, 1 to 3, or {@code null} for the default
 */
public record ChannelSettings(Scope scope, Visibility visibility, Integer maxQuotes) {

  /** A channel nobody has configured. */
  public static final ChannelSettings UNSET = new ChannelSettings(Scope.all(), null, null);

  public ChannelSettings {
    scope = scope == null ? Scope.all() : scope;
    if (maxQuotes != null && (maxQuotes < 1 || maxQuotes > Question.MAX_QUOTES)) {
      throw new IllegalArgumentException("maxQuotes must be 1 to 3, was " + maxQuotes);
    }
  }

  public ChannelSettings withScope(Scope newScope) {
    return new ChannelSettings(Objects.requireNonNull(newScope), visibility, maxQuotes);
  }

  public ChannelSettings withVisibility(Visibility newVisibility) {
    return new ChannelSettings(scope, newVisibility, maxQuotes);
  }

  public ChannelSettings withMaxQuotes(Integer newMaxQuotes) {
    return new ChannelSettings(scope, visibility, newMaxQuotes);
  }

  /** The settings in force: these choices, with the defaults filling the gaps. */
  public Effective effective(ChannelDefaults defaults) {
    return new Effective(
        scope,
        visibility == null ? defaults.visibility() : visibility,
        maxQuotes == null ? defaults.maxQuotes() : maxQuotes,
        visibility == null,
        maxQuotes == null);
  }

  /**
   * A channel's settings in force.
   *
   * @param visibilityIsDefault whether the visibility comes from the configuration
   * @param maxQuotesIsDefault whether the quote count comes from the configuration
   */
  public record Effective(
      Scope scope,
      Visibility visibility,
      int maxQuotes,
      boolean visibilityIsDefault,
      boolean maxQuotesIsDefault) {}
}
