# Reading Room: build with Maven on a JDK 21, run on a JRE 21 as a non-root user.

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
COPY corpus /app/corpus
RUN mkdir -p /app/data && chown -R readingroom /app/data
USER readingroom
# The Lucene index and the state database live here.
VOLUME ["/app/data"]
ENV READINGROOM_DATA=/app/data \
    READINGROOM_METRICS_HOST=0.0.0.0
# The metrics and health endpoint (readingroom.metrics in config/readingroom.conf); it runs while
# serving Discord or Slack, so the HEALTHCHECK applies to that mode, not to a console chat.
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9464 && printf 'GET /health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
# The same entry point as ./readingroom: with no chat token set, a console chat (use docker run -it).
ENTRYPOINT ["java", "--enable-native-access=ALL-UNNAMED", "-XX:MaxRAMPercentage=75", "-jar", "/app/readingroom.jar"]
