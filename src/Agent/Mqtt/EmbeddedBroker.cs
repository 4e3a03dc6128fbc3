using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Packets;
using MQTTnet.Server;
using Sensact.Agent.Hosting;

namespace Sensact.Agent.Mqtt;

/// <summary>
/// MQTTnet's broker, started on loopback when no broker is configured, so one command runs a
/// complete agent on a fresh machine. It accepts clients that send an empty client id (as
/// <c>mosquitto_sub</c> does) by assigning one, as MQTT 3.1.1 §3.1.3.1 and MQTT 5 allow.
/// </summary>
internal sealed partial class EmbeddedBroker(
    IOptions<MqttOptions> mqttOptions,
    IOptions<AgentOptions> agentOptions,
    TimeProvider time,
    ILogger<EmbeddedBroker> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(2);

    private readonly MqttOptions _options = mqttOptions.Value;
    private MqttServer? _server;
    private long _anonymousClients;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.UseEmbeddedBroker)
        {
            return;
        }

        var factory = new MqttServerFactory();
        var serverOptions = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Loopback)
            .WithDefaultEndpointBoundIPV6Address(IPAddress.IPv6Loopback)
            .WithDefaultEndpointPort(_options.Port)
            .Build();
        _server = factory.CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += AssignMissingClientId;
        try
        {
            await _server.StartAsync().ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            throw PortUnavailable(ex);
        }

        var agent = agentOptions.Value;
        LogStarted(_options.Port, $"mosquitto_sub -h 127.0.0.1 -p {_options.Port} -t 'sensact/v1/{agent.Fleet}/{agent.Id}/#' -v");
    }

    /// <summary>
    /// Checks, before the host starts, that the embedded broker (if it runs) can listen on its port,
    /// by listening there for a moment as the broker will.
    /// </summary>
    /// <exception cref="AgentStartupException">The port is in use or not allowed.</exception>
    public void EnsurePortAvailable()
    {
        if (!_options.UseEmbeddedBroker)
        {
            return;
        }

        using var probe = new TcpListener(IPAddress.Loopback, _options.Port);
        try
        {
            probe.Start();
        }
        catch (SocketException ex)
        {
            throw PortUnavailable(ex);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { IsStarted: true } server)
        {
            await DrainAsync(server, cancellationToken).ConfigureAwait(false);
            try
            {
                await server.StopAsync().ConfigureAwait(false);
            }
#pragma warning disable CA1031 // A client whose socket is already gone must not fail the agent's shutdown.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogStopProblem(ex.GetBaseException().Message);
            }
        }
    }

    public void Dispose() => _server?.Dispose();

    private AgentStartupException PortUnavailable(SocketException ex) => new(
        $"Mqtt:Port: the embedded broker cannot listen on 127.0.0.1:{_options.Port} ({ex.Message}). "
        + "Choose another port with --Mqtt:Port=<port>, or use a running broker with --Mqtt:Host=<host>.",
        ex);

    // The broker acknowledges a publish when it has queued it for the subscribers, not when it has
    // sent it; wait (briefly) until the queues are empty so watchers see the agent's last words.
    private async Task DrainAsync(MqttServer server, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (time.GetElapsedTime(started) < DrainTimeout && !cancellationToken.IsCancellationRequested)
        {
            var sessions = await server.GetSessionsAsync().ConfigureAwait(false);
            if (sessions.All(session => session.PendingApplicationMessagesCount == 0))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), time, CancellationToken.None).ConfigureAwait(false);
        }
    }

    // MQTTnet 5.2 assigns an id only to MQTT 5 clients (AssignedClientIdentifier) and refuses an
    // empty id from MQTT 3.1.1 clients, which is how mosquitto_sub connects by default. The event
    // exposes the CONNECT packet's id read-only, so for 3.1.1 the packet is reached through the
    // event's private field. A test (EmbeddedBroker_ClientWithEmptyClientId_IsAccepted) guards
    // this against a change in the pinned MQTTnet version.
    private static readonly FieldInfo? ConnectPacketField =
        typeof(ValidatingConnectionEventArgs).GetField("_connectPacket", BindingFlags.Instance | BindingFlags.NonPublic);

    private Task AssignMissingClientId(ValidatingConnectionEventArgs args)
    {
        if (string.IsNullOrEmpty(args.ClientId))
        {
            var assigned = $"anonymous-{Interlocked.Increment(ref _anonymousClients)}";
            args.AssignedClientIdentifier = assigned;
            if (ConnectPacketField?.GetValue(args) is MqttConnectPacket packet)
            {
                packet.ClientId = assigned;
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedded MQTT broker did not stop cleanly: {Reason}")]
    private partial void LogStopProblem(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on 127.0.0.1:{Port}. Watch the agent with: {Command}")]
    private partial void LogStarted(int port, string command);
}
