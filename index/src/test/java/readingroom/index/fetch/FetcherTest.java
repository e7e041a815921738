package readingroom.index.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fetcher's manners, over loopback HTTP: its name, robots.txt for that name, pacing. */
class FetcherTest {

  private LocalWeb web;
  private final List<String> agents = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    web = new LocalWeb();
    web.serve(
        "/robots.txt",
        "text/plain",
        "User-agent: *\nAllow: /\n\nUser-agent: ReadingRoomBot\nDisallow: /members/\n");
    web.on(
        "/a",
        e -> {
          agents.add(e.getRequestHeaders().getFirst("User-Agent"));
          LocalWeb.send(e, 200, "text/plain", "a");
        });
    web.serve("/members/page", "text/plain", "members only");
  }

  @AfterEach
  void stop() {
    web.close();
  }

  @Test
  void namesItselfAndObeysTheRobotsGroupForItsName() throws Exception {
    Fetcher fetcher = fetcher(Duration.ZERO);
    assertThat(fetcher.get(web.url("/a")).body()).containsExactly('a');
    assertThat(agents).containsExactly("ReadingRoomBot/0.1 (test)");
    assertThatThrownBy(() -> fetcher.get(web.url("/members/page")))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("disallowed by the site's robots.txt");
  }

  @Test
  void waitsBetweenRequestsToOneHost() throws Exception {
    Fetcher fetcher = fetcher(Duration.ofMillis(300));
    fetcher.get(web.url("/a")); // robots.txt, then /a: two requests already
    long started = System.nanoTime();
    fetcher.get(web.url("/a"));
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(250));
  }

  private static Fetcher fetcher(Duration interval) {
    return new Fetcher(
        new Fetcher.Limits(
            "ReadingRoomBot/0.1 (test)", Duration.ofSeconds(2), 100_000, 3, interval));
  }
}
