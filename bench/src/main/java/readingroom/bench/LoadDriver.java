package readingroom.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent asks: a number of named threads ask questions in turn, as fast as they can, for a
 * fixed time, and every call's latency and every error is counted. Closed-loop, so the rate is what
 * the machine sustains, not what a client offered.
 */
final class LoadDriver {

  /** One ask; an exception counts as an error. */
  interface Task {
    void ask(String question) throws Exception;
  }

  record Result(int threads, long asks, long errors, double seconds, double p50, double p99) {
    double perSecond() {
      return asks / seconds;
    }
  }

  private LoadDriver() {}

  static Result run(int threads, double seconds, List<String> questions, Task task)
      throws InterruptedException {
    CountDownLatch start = new CountDownLatch(1);
    AtomicLong errors = new AtomicLong();
    AtomicInteger next = new AtomicInteger();
    List<List<Double>> latencies = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    long[] window = new long[2];
    for (int t = 0; t < threads; t++) {
      List<Double> mine = new ArrayList<>();
      latencies.add(mine);
      Thread worker =
          Thread.ofPlatform()
              .name("load-" + t)
              .unstarted(() -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                long deadline = window[1];
                while (System.nanoTime() < deadline) {
                  String question =
                      questions.get(Math.floorMod(next.getAndIncrement(), questions.size()));
                  long began = System.nanoTime();
                  try {
                    task.ask(question);
                  } catch (Exception | Error e) {
                    errors.incrementAndGet();
                  }
                  mine.add((System.nanoTime() - began) / 1e6);
                }
              });
      workers.add(worker);
    }
    workers.forEach(Thread::start);
    window[0] = System.nanoTime();
    window[1] = window[0] + (long) (seconds * 1e9);
    start.countDown();
    for (Thread worker : workers) {
      worker.join();
    }
    double elapsed = (System.nanoTime() - window[0]) / 1e9;
    List<Double> all = new ArrayList<>();
    latencies.forEach(all::addAll);
    double[] values = Stats.toArray(all);
    return new Result(
        threads,
        values.length,
        errors.get(),
        elapsed,
        Stats.percentile(values, 50),
        Stats.percentile(values, 99));
  }
}
