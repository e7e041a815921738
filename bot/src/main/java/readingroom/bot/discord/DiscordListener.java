package readingroom.bot.discord;

import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.events.message.MessageReceivedEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;

/**
 * JDA's events, each handed to the handler for its kind. Handlers run on JDA's event thread only
 * long enough to acknowledge; the search and the answer run on worker threads.
 */
final class DiscordListener extends ListenerAdapter {

  private final SlashCommandHandler slashCommands;
  private final ButtonHandler buttons;
  private final MentionHandler mentions;

  DiscordListener(Responder responder, boolean mentionThreads, InteractionPermissions permissions) {
    this.slashCommands = new SlashCommandHandler(responder, permissions);
    this.buttons = new ButtonHandler(responder);
    this.mentions = new MentionHandler(responder, mentionThreads);
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    slashCommands.handle(event);
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    slashCommands.autocomplete(event);
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    buttons.handle(event);
  }

  @Override
  public void onMessageReceived(MessageReceivedEvent event) {
    mentions.handle(event);
  }
}
