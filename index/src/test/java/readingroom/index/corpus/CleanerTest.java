package readingroom.index.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import readingroom.index.Fixtures;
import readingroom.index.model.Article;

/** The cleaning rules on the five shipped articles, as scraped. */
class CleanerTest {

  private static Map<String, Article> articles;

  @BeforeAll
  static void load() throws Exception {
    CorpusReader reader = new CorpusReader(new Cleaner(new CleaningRules(List.of())));
    CorpusReader.Loaded loaded = reader.load(Fixtures.corpus());
    assertThat(loaded.problems()).isEmpty();
    articles = loaded.articles().stream().collect(Collectors.toMap(Article::id, a -> a));
  }

  private static String all() {
    return articles.values().stream().map(Article::text).collect(Collectors.joining("\n\n"));
  }

  @Test
  void dropsSiteJunkFromEveryShippedArticle() {
    assertThat(all())
        .doesNotContain("interstitial_link")
        .doesNotContain("189 views")
        .doesNotContain("MINS READ")
        .doesNotContain("Home > News")
        .doesNotContain("Credit: Flickr")
        .doesNotContain("(Rahmat Gul/Associated Press)")
        .doesNotContain("Follow him on Twitter")
        .doesNotContain("can be followed on Twitter")
        .doesNotContain("Follow at @Saberibrahimi")
        .doesNotContain("Copyright")
        .doesNotContain("Dear readers")
        .doesNotContain("Remind me later")
        .doesNotContain("Recent Features")
        .doesNotContain("Article Search");
  }

  @Test
  void dropsRepeatedHeadlinesButKeepsTheFirstSentenceOfTheBody() {
    Article diplomat = articles.get("diplomat-2018-07-why-has-russia-invited-the-taliban");
    assertThat(diplomat.text())
        .startsWith("On July 16, 2018, the Russian President’s special envoy");
    assertThat(diplomat.text()).doesNotContain("Why Has Russia Invited the Taliban to Moscow?");
    assertThat(diplomat.dropped())
        .extracting(Article.Dropped::rule)
        .contains(CleaningRules.REPEATED_HEADLINE, CleaningRules.PHOTO, CleaningRules.AUTHOR_BIO);
  }

  @Test
  void keepsTheLastParagraphBeforeAnAuthorBio() {
    Article wapo = articles.get("wapo-2018-01-russia-looking-to-engage-with-the-taliban");
    assertThat(wapo.text())
        .endsWith("indispensable arbiter in crisis situations around the world.");
  }

  @Test
  void dropsADonationAppealToTheEndOfThePage() {
    Article moscowTimes = articles.get("moscowtimes-2024-10-taliban-not-terrorists-anymore");
    assertThat(moscowTimes.text()).endsWith("historically known as the “graveyard of empires.”");
    assertThat(moscowTimes.dropped()).allMatch(d -> d.rule().equals(CleaningRules.APPEAL));
  }

  @Test
  void dropsTheFooterAfterACopyrightLine() {
    Article stratfor = articles.get("stratfor-2018-11-russia-attempts-to-end-longest-war");
    assertThat(stratfor.text()).endsWith("reinforcing Afghan forces on the battlefield.");
    assertThat(stratfor.text()).doesNotContain("To empower members");
  }

  @Test
  void keepsEveryKeptLineWordForWord() throws Exception {
    // Cleaning drops whole lines; it never edits inside one.
    for (Article article : articles.values()) {
      String raw =
          Files.readString(Fixtures.corpus().resolve(article.id() + ".txt"))
              .replaceAll("[ \\t\\u00A0]+", " ");
      for (String paragraph : article.text().split("\n\n")) {
        assertThat(raw).contains(paragraph);
      }
    }
  }

  @Test
  void appliesExtraPatternsFromTheConfiguration() throws Exception {
    CorpusReader reader =
        new CorpusReader(new Cleaner(new CleaningRules(List.of(Pattern.compile("^In short,")))));
    Article wapo =
        reader.load(Fixtures.corpus()).articles().stream()
            .filter(a -> a.id().startsWith("wapo"))
            .findFirst()
            .orElseThrow();
    assertThat(wapo.text()).doesNotContain("In short, Russia’s selective engagement");
    assertThat(wapo.dropped()).anyMatch(d -> d.rule().startsWith(CleaningRules.EXTRA));
  }
}
