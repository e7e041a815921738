package readingroom.bot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the bot sent to Slack back as a person would see it, for assertions. */
final class SlackText {

  private static final Pattern LINK = Pattern.compile("<(https?://[^|>]+)\\|([^>]*)>");

  /** Slack would act on any of these; none may appear in anything the bot sends. */
  private static final Pattern PING =
      Pattern.compile("<[!@#]|(?<![\\w\\u2060])@(channel|here|everyone)\\b");

  private SlackText() {}

  /** The mrkdwn texts of all sections and context elements, in order. */
  static List<String> texts(JsonNode blocks) {
    List<String> texts = new ArrayList<>();
    for (JsonNode block : blocks) {
      if (block.has("text")) {
        texts.add(block.get("text").get("text").asText());
      }
      for (JsonNode element : block.path("elements")) {
        if (element.has("text") && element.get("text").isTextual()) {
          texts.add(element.get("text").asText());
        }
      }
    }
    return texts;
  }

  /** The quotes of an answer: sections that are block quotes, as plain text. */
  static List<String> quotes(JsonNode blocks) {
    List<String> quotes = new ArrayList<>();
    for (JsonNode block : blocks) {
      if ("section".equals(block.path("type").asText())) {
        String text = block.path("text").path("text").asText();
        if (text.startsWith(">")) {
          quotes.add(plain(text.replaceAll("(?m)^>", "").replace("*", "")));
        }
      }
    }
    return quotes;
  }

  /** The addresses of all links, in order. */
  static List<String> links(JsonNode blocks) {
    List<String> links = new ArrayList<>();
    for (String text : texts(blocks)) {
      Matcher m = LINK.matcher(text);
      while (m.find()) {
        links.add(plain(m.group(1)));
      }
    }
    return links;
  }

  /** Undoes Slack escaping and the invisible joiner that breaks "@here". */
  static String plain(String mrkdwn) {
    return mrkdwn
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace("\u2060", "");
  }

  /** The quote without the ellipses that mark where it was cut. */
  static String withoutEllipses(String quote) {
    String text = quote.strip();
    if (text.startsWith("…")) {
      text = text.substring(1).strip();
    }
    if (text.endsWith("…")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return text;
  }

  /** Every string anywhere in a JSON tree (texts, values, fallbacks), for ping checks. */
  static List<String> allStrings(JsonNode node) {
    List<String> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isTextual()) {
      out.add(node.asText());
    }
    for (JsonNode child : node) {
      collect(child, out);
    }
  }

  static void assertNoPings(String sent) {
    assertThat(PING.matcher(sent).find())
        .as("a ping in what was sent to Slack: %s", sent)
        .isFalse();
  }
}
