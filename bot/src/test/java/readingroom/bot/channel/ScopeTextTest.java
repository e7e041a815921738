package readingroom.bot.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import readingroom.index.Scope;

class ScopeTextTest {

  @Test
  void readsEachKindOfReadingList() {
    assertThat(ScopeText.parse("all")).isEqualTo(Scope.all());
    assertThat(ScopeText.parse("articles a-1, b-2").articleIds()).isEqualTo(Set.of("a-1", "b-2"));
    assertThat(ScopeText.parse("Tags week-3 week-4").tags()).isEqualTo(Set.of("week-3", "week-4"));
    Scope dates = ScopeText.parse("dates 2018-07..2018");
    assertThat(dates.from()).isEqualTo(LocalDate.of(2018, 7, 1));
    assertThat(dates.to()).isEqualTo(LocalDate.of(2018, 12, 31));
  }

  @Test
  void aDateRangeMayBeOpenAtOneEndOrBeOnePeriod() {
    assertThat(ScopeText.parse("dates 2024..").to()).isNull();
    assertThat(ScopeText.parse("dates ..2018-01-15").from()).isNull();
    Scope november = ScopeText.parse("dates 2018-11");
    assertThat(november.from()).isEqualTo(LocalDate.of(2018, 11, 1));
    assertThat(november.to()).isEqualTo(LocalDate.of(2018, 11, 30));
    assertThat(ScopeText.parse("dates 2018 to 2019").to()).isEqualTo(LocalDate.of(2019, 12, 31));
  }

  @Test
  void mistypedListsSayHowToWriteThem() {
    assertThatThrownBy(() -> ScopeText.parse("weeks 3"))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("\"weeks\" is not a kind of reading list")
        .hasMessageContaining("tags <tag>");
    assertThatThrownBy(() -> ScopeText.parse("tags")).hasMessageContaining("Name at least one tag");
    assertThatThrownBy(() -> ScopeText.parse("dates 2019..2018"))
        .hasMessageContaining("ends (2018-12-31) before it starts (2019-01-01)");
    assertThatThrownBy(() -> ScopeText.parse("dates last-week"))
        .hasMessageContaining("\"last-week\" is not a date");
  }

  @Test
  void aListWrittenOutReadsBackTheSame() {
    for (String text :
        new String[] {
          "all", "articles a b", "tags week-3", "dates 2018-01-01..2018-12-31", "dates 2024-01-01.."
        }) {
      assertThat(ScopeText.format(ScopeText.parse(text))).isEqualTo(text);
    }
    assertThat(ScopeText.describe(ScopeText.parse("tags week-3")))
        .isEqualTo("articles tagged week-3");
  }
}
