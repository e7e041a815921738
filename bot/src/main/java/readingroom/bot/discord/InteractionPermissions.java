package readingroom.bot.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.RawGatewayEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * The permissions Discord resolved for the member of each interaction ({@code member.permissions}:
 * roles and every channel overwrite, the member's own included), read from the raw gateway event
 * because JDA does not expose them. JDA's own check goes by its cache, which keeps no per-member
 * overwrites here, so it would let a member denied by one through and refuse one granted by one. An
 * interaction whose permissions were not seen is allowed nothing.
 */
final class InteractionPermissions implements EventListener {

  /** Long past Discord's 15 minutes for answering an interaction. */
  private static final Duration KEPT = Duration.ofMinutes(20);

  /** How long a check waits for the raw event, which follows at once on the event thread. */
  private static final Duration WAIT = Duration.ofSeconds(5);

  private final Cache<Long, CompletableFuture<Long>> resolved =
      Caffeine.newBuilder().expireAfterWrite(KEPT).maximumSize(10_000).build();

  private CompletableFuture<Long> of(long interaction) {
    return resolved.get(interaction, id -> new CompletableFuture<>());
  }

  @Override
  public void onEvent(GenericEvent event) {
    if (event instanceof RawGatewayEvent raw && raw.getType().equals("INTERACTION_CREATE")) {
      DataObject interaction = raw.getPayload();
      DataObject member = interaction.optObject("member").orElse(null);
      if (member != null && member.hasKey("permissions")) {
        of(interaction.getUnsignedLong("id"))
            .complete(Long.parseUnsignedLong(member.getString("permissions")));
      }
    }
  }

  /**
   * Whether Discord said the interaction's member holds {@code permission} in its channel. Call it
   * off JDA's event thread: the answer arrives on that thread after the interaction's event.
   */
  boolean allows(Interaction interaction, Permission permission) {
    long bits;
    try {
      bits = of(interaction.getIdLong()).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    return (bits & Permission.ADMINISTRATOR.getRawValue()) != 0
        || (bits & permission.getRawValue()) != 0;
  }
}
