package readingroom.bot.discord;

import java.util.EnumSet;
import java.util.Set;
import net.dv8tion.jda.api.Permission;

/**
 * The link that adds Reading Room to a server, with exactly the scopes and permissions it uses:
 * {@code bot} and {@code applications.commands}; send messages, embed links, read message history,
 * create public threads and send messages in threads.
 */
final class InviteUrl {
  private InviteUrl() {}

  static final Set<Permission> PERMISSIONS =
      EnumSet.of(
          Permission.MESSAGE_SEND,
          Permission.MESSAGE_EMBED_LINKS,
          Permission.MESSAGE_HISTORY,
          Permission.CREATE_PUBLIC_THREADS,
          Permission.MESSAGE_SEND_IN_THREADS);

  static String of(long applicationId) {
    return "https://discord.com/oauth2/authorize?client_id="
        + Long.toUnsignedString(applicationId)
        + "&scope=bot+applications.commands&permissions="
        + Permission.getRaw(PERMISSIONS);
  }
}
