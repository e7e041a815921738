package readingroom.index.search;

/**
 * Turns off DJL's usage reporting before its tokenizer loads. Without it, DJL (under LangChain4j's
 * embedder and our reader) asks a cloud metadata address on this machine's network: the bot makes
 * no network call it was not asked to make. A user's own {@code OPT_OUT_TRACKING} setting wins.
 */
final class NoTelemetry {

  private NoTelemetry() {}

  static void optOut() {
    if (System.getProperty("OPT_OUT_TRACKING") == null
        && System.getenv("OPT_OUT_TRACKING") == null) {
      System.setProperty("OPT_OUT_TRACKING", "true");
    }
  }
}
