package readingroom.bot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.junit.jupiter.api.Test;
import readingroom.index.model.Source;

class AutocompleteChoicesTest {

  private static Source source(String id, String title) {
    return new Source(id, title, null, "The Outlet", null, null, null, "https://x.org", List.of());
  }

  @Test
  void choicesShowHeadlineAndOutletAndSendTheId() {
    assertThat(SlashCommandHandler.choices(List.of(source("a-1", "A headline"))))
        .extracting(Command.Choice::getName, Command.Choice::getAsString)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("A headline · The Outlet", "a-1"));
  }

  @Test
  void atMostTwentyFiveChoicesOfAtMostAHundredCharacters() {
    List<Source> many =
        IntStream.range(0, 40)
            .mapToObj(i -> source("id" + i, "Long headline ".repeat(20)))
            .toList();

    List<Command.Choice> choices = SlashCommandHandler.choices(many);

    assertThat(choices).hasSize(DiscordLimits.CHOICES);
    assertThat(choices)
        .allSatisfy(
            c -> assertThat(c.getName()).hasSizeLessThanOrEqualTo(DiscordLimits.CHOICE_NAME));
  }
}
