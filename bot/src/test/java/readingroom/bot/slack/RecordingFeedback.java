package readingroom.bot.slack;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import readingroom.bot.model.FeedbackSink;
import readingroom.bot.model.Origin;

/** Keeps feedback in memory, for tests to read. */
final class RecordingFeedback implements FeedbackSink {

  record Click(Origin origin, String question, boolean helpful) {}

  final List<Click> clicks = new CopyOnWriteArrayList<>();

  @Override
  public void record(Origin origin, String question, boolean helpful) {
    clicks.add(new Click(origin, question, helpful));
  }
}
