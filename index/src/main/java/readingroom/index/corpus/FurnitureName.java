package readingroom.index.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What a block's class, id or component name says it is ("ssrcss-related-inline" is related
 * stories), for {@link ArticleBody} to leave page furniture out before Readability scores the page.
 */
enum FurnitureName {
  /** Furniture by what it is: comments, related stories, a share bar. */
  ROLE,
  /** Furniture by how it is drawn (a card, a widget), unless the story is drawn so too. */
  LAYOUT,
  NONE;

  /** Words in a class, id or component name that say a block is furniture: what the block is. */
  private static final Set<String> ROLE_WORDS =
      Set.of(
          "share",
          "sharing",
          "social",
          "related",
          "recommended",
          "recommendations",
          "newsletter",
          "newsletters",
          "signup",
          "subscribe",
          "subscription",
          "cookie",
          "cookies",
          "consent",
          "gdpr",
          "comment",
          "comments",
          "discussion",
          "disqus",
          "promo",
          "promos",
          "teaser",
          "teasers",
          "byline",
          "bio",
          "biography",
          "author",
          "caption",
          "credit",
          "breadcrumb",
          "breadcrumbs",
          "tags",
          "submeta",
          "topics",
          "trending",
          "popular",
          "sidebar",
          "rail",
          "advert",
          "advertisement",
          "ad",
          "ads",
          "sponsor",
          "sponsored",
          "outbrain",
          "taboola",
          "epic",
          "contributions",
          "donate",
          "paywall",
          "interstitial",
          "gift",
          "timestamp");

  /**
   * Words that say how a block is drawn, and mark furniture only block by block: a site may draw
   * each of the story's paragraphs as a "card-content", so blocks sharing such a name are judged
   * together (see {@link ArticleBody}).
   */
  private static final Set<String> LAYOUT_WORDS =
      Set.of(
          "card",
          "cards",
          "widget",
          "menu",
          "masthead",
          "toolbar",
          "tools",
          "banner",
          "links",
          "meta");

  /** "most-read", "most-viewed", "read-more", "more-from": two words that together are junk. */
  private static final Set<String> JUNK_PAIRS =
      Set.of("most read", "most viewed", "most popular", "read more", "more from", "more on");

  static FurnitureName of(Element element) {
    String names =
        String.join(
            " ",
            element.className(),
            element.id(),
            element.attr("data-component"),
            element.attr("data-testid"),
            element.attr("data-qa"));
    List<String> words = words(names);
    boolean layout = false;
    for (int i = 0; i < words.size(); i++) {
      if (ROLE_WORDS.contains(words.get(i))) {
        return FurnitureName.ROLE;
      }
      if (i + 1 < words.size() && JUNK_PAIRS.contains(words.get(i) + " " + words.get(i + 1))) {
        return FurnitureName.ROLE;
      }
      layout |= LAYOUT_WORDS.contains(words.get(i));
    }
    return layout ? FurnitureName.LAYOUT : FurnitureName.NONE;
  }

  /** "ssrcss-related-inline storyBlock" is related, inline, ssrcss, story, block. */
  private static List<String> words(String names) {
    List<String> words = new ArrayList<>();
    for (String token : names.split("[^\\p{Alnum}]+")) {
      for (String word : token.split("(?<=\\p{Ll})(?=\\p{Lu})")) {
        if (!word.isEmpty()) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    }
    return words;
  }
}
