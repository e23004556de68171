# syntax=docker/dockerfile:1
# The shop as a container image, built from this repository (used by docker-compose.yml).
#   docker build -t podium:local .

FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /workspace
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
# dependencies first, so that a change in the sources does not download them again
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q dependency:go-offline || true
COPY src/ src/
COPY e2e/ e2e/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -DskipTests package \
	&& cp target/podium-*.jar /workspace/app.jar

FROM eclipse-temurin:21-jre
# a TrueType font with Japanese, Korean and Chinese for the royalty statement PDFs (podium.finance.statement-fonts)
RUN apt-get update && apt-get install -y --no-install-recommends fonts-wqy-zenhei && rm -rf /var/lib/apt/lists/*
RUN groupadd --system podium && useradd --system --gid podium --home-dir /app --no-create-home podium
WORKDIR /app
COPY --from=build /workspace/app.jar app.jar
# read at run time from the working directory: the demo catalog and the themes (podium.themes.directory)
COPY catalog-seed/ catalog-seed/
COPY themes/ themes/
RUN mkdir -p data && chown podium:podium data
USER podium
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
