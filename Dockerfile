# topgif's image: build the jar with CI's Maven command, then run it on a slim JRE as a non-root user.
# docker-compose.yml runs it with the host's process table (pid: host); see the README's operator guide.

FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
# The poms first, so that dependencies and plugins form a layer of their own that a code change does not
# download again: go-offline alone misses plugins' own dependencies, so the same package runs once without
# sources. Checked: after these two, the full build runs with `mvn -o` (offline).
COPY pom.xml ./
COPY renderer/pom.xml renderer/
COPY config/pom.xml config/
COPY fleet/pom.xml fleet/
COPY bot/pom.xml bot/
COPY bench/pom.xml bench/
RUN mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline \
    && mvn -B -q -DskipTests package
COPY . .
RUN mvn -B -DskipTests package

FROM eclipse-temurin:17.0.15_6-jre-noble
# A fixed numeric user, so that file permissions and a read-only root file system behave the same everywhere.
RUN groupadd --system --gid 10001 topgif && useradd --system --uid 10001 --gid 10001 --no-create-home topgif
WORKDIR /app
COPY --from=build /src/bot/target/topgif.jar /app/topgif.jar
COPY jvm/resident.options /app/resident.options
USER 10001:10001
# The bot's JVM options, a heap sized to the container's memory limit, temporary files in the tmpfs, and
# AWT without a display: the font is inside the jar, no system fonts are needed.
# Exec form, so that SIGTERM reaches the JVM, which then stops the bot gracefully and exits 0. The subcommand
# is the CMD, so that docker-compose.yml can run `check` with the same JVM and settings before the bot.
ENTRYPOINT ["java", "@/app/resident.options", "-XX:MaxRAMPercentage=60", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=/tmp", "-Djava.awt.headless=true", "-jar", "/app/topgif.jar"]
CMD ["bot"]
