# Sensact agent image: build on the build machine's platform, publish for the target's
# architecture (linux/amd64, linux/arm64 for Raspberry Pi and Jetson), run as a non-root user.
#   docker buildx build --platform linux/arm64,linux/amd64 -t sensact-agent .
#   docker run --rm -p 127.0.0.1:1883:1883 sensact-agent --Mqtt:Port=1883
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY eng/ eng/
COPY src/ src/
COPY simulators/ simulators/
COPY configs/ configs/
COPY models/ models/
COPY data/ data/
RUN dotnet restore src/Agent/Sensact.Agent.csproj -a $TARGETARCH
RUN dotnet publish src/Agent/Sensact.Agent.csproj -c Release -a $TARGETARCH --no-restore --self-contained false -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The durable outbox (and any state the agent keeps) lives in a volume the non-root user can write,
# so queued events survive a restart of the container: docker run -v sensact-state:/var/lib/sensact ...
ENV STATE_DIRECTORY=/var/lib/sensact
RUN mkdir -p /var/lib/sensact && chown $APP_UID /var/lib/sensact
VOLUME /var/lib/sensact
# The image's built-in non-root user (uid 1654).
USER $APP_UID
# The embedded broker listens on loopback inside the container; in a fleet, point the agent at a
# real broker instead: -e SENSACT_Mqtt__Host=broker.local
ENTRYPOINT ["dotnet", "sensact-agent.dll"]
