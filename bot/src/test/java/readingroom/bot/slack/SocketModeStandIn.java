package readingroom.bot.slack;

import java.net.InetSocketAddress;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A local stand-in for Slack's Socket Mode server: accepts the bot's WebSocket, says hello as Slack
 * does, sends envelopes on request and keeps every message the bot sends back (acks).
 */
final class SocketModeStandIn extends WebSocketServer {

  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch connected = new CountDownLatch(1);
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private volatile WebSocket bot;

  SocketModeStandIn() {
    super(new InetSocketAddress("127.0.0.1", 0));
    setReuseAddr(true);
  }

  /** Starts listening and returns the ws:// URL for apps.connections.open to hand out. */
  String open() throws InterruptedException {
    start();
    if (!started.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the WebSocket stand-in did not start");
    }
    return "ws://127.0.0.1:" + getPort() + "/link/?ticket=test";
  }

  void awaitBot() throws InterruptedException {
    if (!connected.await(20, TimeUnit.SECONDS)) {
      throw new AssertionError("the bot never connected over Socket Mode");
    }
  }

  void sendEnvelope(String json) {
    bot.send(json);
  }

  /** The next message the bot sent, within 20 s. */
  String nextReceived() throws InterruptedException {
    String message = received.poll(20, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("the bot sent nothing over the WebSocket");
    }
    return message;
  }

  @Override
  public void onStart() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket conn, ClientHandshake handshake) {
    bot = conn;
    conn.send(
        "{\"type\":\"hello\",\"num_connections\":1,"
            + "\"debug_info\":{\"host\":\"applink-test\",\"approximate_connection_time\":18060},"
            + "\"connection_info\":{\"app_id\":\"A0TEST\"}}");
    connected.countDown();
  }

  @Override
  public void onMessage(WebSocket conn, String message) {
    received.add(message);
  }

  @Override
  public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

  @Override
  public void onError(WebSocket conn, Exception ex) {}
}
