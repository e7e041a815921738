package readingroom.bot.testing;

/**
 * Articles written for the tests that add to a reading list: each tells one small made-up story the
 * shipped corpus knows nothing of, so a question about it can only be answered from it.
 */
public final class Articles {
  private Articles() {}

  public static final String FERRY_TITLE = "Lake Tarvon ferry crews end nine-day strike";
  public static final String FERRY_OUTLET = "The Tarvon Courier";
  public static final String FERRY_QUESTION = "why did the lake tarvon ferry crews go on strike?";
  public static final String FERRY_FACT =
      "The ferry crews of Lake Tarvon went on strike because the operator cut their night-shift pay"
          + " by a third.";

  /** A news page with Open Graph metadata, a canonical link and the story in an article. */
  public static String ferryPage(String canonical) {
    return """
    <!DOCTYPE html><html><head><meta charset="utf-8">
    <title>%s | The Tarvon Courier</title>
    <meta property="og:title" content="%s">
    <meta property="og:site_name" content="%s">
    <meta property="article:published_time" content="2024-03-14T08:00:00Z">
    <meta name="author" content="Mira Holt">
    <link rel="canonical" href="%s">
    </head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
    <article><h1>%s</h1>
    <p>%s The strike began on the fourth of March and stopped every crossing between the two shores.</p>
    <p>Commuters from the northern villages drove two hours around the lake while the boats stayed moored at the quay.</p>
    <p>On Wednesday the operator agreed to restore the night-shift rate and to pay the crews for the days they lost.</p>
    <p>The union said the first ferries would sail again on Friday morning, with the full timetable back by Monday.</p>
    </article></body></html>
    """
        .formatted(FERRY_TITLE, FERRY_TITLE, FERRY_OUTLET, canonical, FERRY_TITLE, FERRY_FACT);
  }

  public static final String ORCHARD_TITLE = "The orchard that survived the frost";
  public static final String ORCHARD_QUESTION =
      "how did the keller orchard survive the april frost?";

  /** A Markdown reading with front matter, as a teacher writes one. */
  public static String orchardMarkdown() {
    return """
    ---
    title: "%s"
    outlet: "Valley Notes"
    published: 2023-05-02
    ---
    # The orchard that survived the frost

    The Keller orchard survived the April frost because the family lit **smudge pots** between
    the rows all night and kept the air moving with two old wind machines.

    Neighbouring orchards lost most of their blossom, and the price of apples in the valley rose
    by a fifth that autumn.

    The Kellers say they will plant hedges along the northern edge to shelter the trees next spring.
    """
        .formatted(ORCHARD_TITLE);
  }
}
