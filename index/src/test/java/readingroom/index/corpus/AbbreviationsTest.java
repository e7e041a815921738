package readingroom.index.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AbbreviationsTest {

  @Test
  void readsTheAbbreviationsATextDefines() {
    Map<String, String> defined = new java.util.LinkedHashMap<>();
    for (Abbreviations.Defined d :
        Abbreviations.defined(
            "Five companies joined: Sierra Nevada Corporation (SNC), and the Commercial Lunar"
                + " Payload Services (CLPS) program, said the Institute of World Economy (IMEMO)."
                + " A rover (VIPER) and a Shanghai Cooperation Organization (SCO) meeting.")) {
      defined.put(d.shortForm(), d.longForm());
    }
    assertThat(defined)
        .containsEntry("SNC", "Sierra Nevada Corporation")
        .containsEntry("CLPS", "Commercial Lunar Payload Services")
        .containsEntry("SCO", "Shanghai Cooperation Organization")
        .as("initials that do not spell it, or no capitalised name before it")
        .doesNotContainKeys("IMEMO", "VIPER");
  }

  @Test
  void aParagraphIsAlsoKnownByTheOtherForm() {
    List<Abbreviations.Defined> defined =
        List.of(new Abbreviations.Defined("SNC", "Sierra Nevada Corporation"));
    assertThat(Abbreviations.alsoKnownAs("SNC could start missions in 2022.", defined))
        .isEqualTo("Sierra Nevada Corporation");
    assertThat(Abbreviations.alsoKnownAs("Sierra Nevada Corporation builds landers.", defined))
        .isEqualTo("SNC");
    assertThat(Abbreviations.alsoKnownAs("Sierra Nevada Corporation (SNC) builds.", defined))
        .isEmpty();
    assertThat(Abbreviations.alsoKnownAs("The SNCF runs trains.", defined)).isEmpty();
  }
}
