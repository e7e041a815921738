package readingroom.bot.discord;

import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditBuilder;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * A rendered reply: text, embeds and button rows, ready to send as a new message or as an edit.
 * Both forms allow no mentions at all, so nothing the bot sends can ping anyone.
 */
record DiscordMessage(String content, List<MessageEmbed> embeds, List<ActionRow> rows) {

  DiscordMessage {
    content = content == null ? "" : content;
    embeds = List.copyOf(embeds);
    rows = List.copyOf(rows);
  }

  static DiscordMessage text(String content) {
    return new DiscordMessage(content, List.of(), List.of());
  }

  DiscordMessage withRows(List<ActionRow> newRows) {
    return new DiscordMessage(content, embeds, newRows);
  }

  MessageCreateData toCreateData() {
    return new MessageCreateBuilder()
        .setContent(content)
        .setEmbeds(embeds)
        .setComponents(rows)
        .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class))
        .mentionRepliedUser(false)
        .build();
  }

  /** Replaces content, embeds and buttons of the message being edited. */
  MessageEditData toEditData() {
    // The same parts and the same no-pings rule as a new message: one place builds them.
    return new MessageEditBuilder().applyCreateData(toCreateData()).setReplace(true).build();
  }
}
