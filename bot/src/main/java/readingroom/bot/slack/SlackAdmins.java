package readingroom.bot.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.users.UsersInfoResponse;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may change a channel's settings and digest on Slack: the admins named in the configuration,
 * and the workspace's admins and owners as {@code users.info} reports them. Asked on a worker
 * thread, never before the acknowledgement; when Slack cannot be asked, the answer is no.
 */
final class SlackAdmins {

  private static final Logger log = LoggerFactory.getLogger(SlackAdmins.class);

  private final MethodsClient client;
  private final Set<String> configured;

  SlackAdmins(MethodsClient client, List<String> configured) {
    this.client = client;
    this.configured = Set.copyOf(configured);
  }

  boolean canManage(String userId) {
    if (userId == null || userId.isBlank()) {
      return false;
    }
    if (configured.contains(userId)) {
      return true;
    }
    try {
      UsersInfoResponse info = client.usersInfo(r -> r.user(userId));
      if (!info.isOk() || info.getUser() == null) {
        log.debug("users.info for a permission check answered {}", info.getError());
        return false;
      }
      var user = info.getUser();
      return user.isAdmin() || user.isOwner() || user.isPrimaryOwner();
    } catch (Exception e) {
      log.warn("Could not ask Slack whether a user is an admin: {}", e.getMessage());
      return false;
    }
  }
}
