using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
    ILogger<EmbeddedBroker> logger) : IHostedService, IDisposable
{
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
            throw new AgentStartupException(
                $"Mqtt:Port: the embedded broker cannot listen on 127.0.0.1:{_options.Port} ({ex.Message}). "
                + "Choose another port with --Mqtt:Port=<port>, or use a running broker with --Mqtt:Host=<host>.",
                ex);
        }

        var agent = agentOptions.Value;
        LogStarted(_options.Port, $"mosquitto_sub -h 127.0.0.1 -p {_options.Port} -t 'sensact/v1/{agent.Fleet}/{agent.Id}/#' -v");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is { } server)
        {
            await server.StopAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _server?.Dispose();

    private Task AssignMissingClientId(ValidatingConnectionEventArgs args)
    {
        if (string.IsNullOrEmpty(args.ClientId))
        {
            args.AssignedClientIdentifier = $"anonymous-{Interlocked.Increment(ref _anonymousClients)}";
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker listening on 127.0.0.1:{Port}. Watch the agent with: {Command}")]
    private partial void LogStarted(int port, string command);
}
