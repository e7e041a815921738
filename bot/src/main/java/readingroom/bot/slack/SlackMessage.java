package readingroom.bot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * A rendered reply: Block Kit blocks, and the plain text Slack shows in notifications and where
 * blocks cannot be shown.
 *
 * @param text the notification text (already escaped)
 * @param blocks at most 50 blocks
 * @param privateByNature whether the reply concerns the asker only (help, notices, lists), so it is
 *     shown only to them where Slack allows
 */
record SlackMessage(String text, List<LayoutBlock> blocks, boolean privateByNature) {
  SlackMessage {
    blocks = List.copyOf(blocks);
  }
}
