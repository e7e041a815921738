# Reading Room: build with Maven on a JDK 21, run on a JRE 21 as a non-root user.
#
#   docker build -t readingroom .
#   docker run -it -v readingroom-data:/app/data readingroom                       # console chat
#   docker run -d -v readingroom-data:/app/data -v "$PWD/articles:/app/corpus:ro" \
#     -e DISCORD_TOKEN readingroom                                                  # serve Discord
#
# The jar carries Linux x64/arm64 (and macOS) natives only, so the image runs on amd64 and arm64.

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml mvnw ./
COPY .mvn .mvn
COPY index/pom.xml index/pom.xml
COPY bot/pom.xml bot/pom.xml
COPY bench/pom.xml bench/pom.xml
# Dependencies first, so code changes do not download them again.
RUN ./mvnw -B -q -ntp dependency:go-offline -DexcludeReactor=true || true
COPY config config
COPY index index
COPY bot bot
# The benchmark module (bench/) is not part of the image.
RUN ./mvnw -B -q -ntp -DskipTests -pl bot -am package

FROM eclipse-temurin:21-jre
RUN useradd --system --create-home --uid 10001 readingroom
WORKDIR /app
COPY --from=build /src/bot/target/readingroom.jar /app/readingroom.jar
COPY config /app/config
COPY scripts/healthcheck.sh /app/healthcheck.sh
# The shipped articles. Your own reading list: mount a folder over it (read-only is enough), e.g.
# -v "$PWD/articles:/app/corpus:ro"; the index in /app/data is updated to match at start.
COPY corpus /app/corpus
RUN mkdir -p /app/data && chown -R readingroom /app/data
USER readingroom
# The Lucene index, the state database and its salt file live here: keep it in a volume.
VOLUME ["/app/data"]
ENV READINGROOM_DATA=/app/data \
    READINGROOM_CORPUS=/app/corpus \
    READINGROOM_METRICS_HOST=0.0.0.0 \
    READINGROOM_SLACK_HOST=0.0.0.0
# 9464: metrics and /health while serving Discord or Slack (readingroom.metrics).
# 3000: Slack HTTP mode (READINGROOM_SLACK_MODE=http), behind your HTTPS proxy; unused otherwise.
EXPOSE 9464 3000
# Serving Discord or Slack: /health must answer 200. A console chat or one-off command has no
# endpoint and is healthy while it runs (scripts/healthcheck.sh).
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 CMD ["/app/healthcheck.sh"]
# As ./readingroom: the vector module gives Lucene SIMD (BENCHMARKS.md); native access for ONNX
# Runtime and SQLite. `docker stop` sends SIGTERM: answers in flight finish, then exit 0 (< 10 s).
# With no chat token set, a console chat (use docker run -it).
# The heap is bounded by the container's memory limit; it starts small and gives back what is free
# (the shipped corpus: about 240 MB resident, BENCHMARKS.md "Memory").
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "--add-modules", "jdk.incubator.vector", \
  "-XX:MaxRAMPercentage=75", "-Xms16m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", \
  "-jar", "/app/readingroom.jar"]
