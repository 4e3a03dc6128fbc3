using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using System.Buffers;
using Sensact.Agent.Apps;
using Sensact.Agent.Commands;
using Sensact.Agent.Events;
using Sensact.Agent.Hosting;
using Sensact.Agent.Sensors;
using Sensact.Pipelines.Resilience;

namespace Sensact.Agent.Mqtt;

/// <summary>
/// The agent's one connection to its broker. It connects with a Last Will that marks the agent
/// offline, publishes a retained <c>online</c> status, then sends the outbox in order. When the
/// broker is away it retries with exponential backoff while the pipelines keep running and the
/// outbox keeps (a bounded number of) their events. On shutdown it flushes the outbox, publishes a
/// retained <c>offline</c> status and disconnects cleanly.
/// </summary>
/// <remarks>
/// With the embedded broker, starting the link waits (briefly) until the retained <c>online</c>
/// status is on the broker: a client that subscribes once the agent has started then always finds
/// it. (MQTTnet 5.2's broker can lose a retained message to a subscription made at the same
/// moment; both live and retained delivery miss it.) The status is published again, retained,
/// whenever an application's state changes or the outbox starts dropping events.
/// </remarks>
internal sealed partial class MqttLink(
    IOptions<MqttOptions> mqttOptions,
    IOptions<AgentOptions> agentOptions,
    Topics topics,
    Outbox outbox,
    AgentRun run,
    AppStates apps,
    CommandProcessor commands,
    AgentSensors sensors,
    AgentApps prepared,
    TimeProvider time,
    ILogger<MqttLink> logger) : BackgroundService
{
    private static readonly TimeSpan ConnectionCheckInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstConnectionTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DropReportInterval = TimeSpan.FromSeconds(10);
    private readonly TaskCompletionSource _firstOnline = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _statusChanged;
    private long _reportedDropped;
    private long _lastDropReport;
    private readonly MqttOptions _options = mqttOptions.Value;
    private readonly AgentOptions _agent = agentOptions.Value;
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient(new BufferedAdapterFactory());
    private readonly OutboxSender _sender = new(outbox, logger);
    private string? _reportedDiskProblem;
    private int _window = 1;

    /// <summary>Gets whether the link is connected to the broker now.</summary>
    public bool IsConnected => _client.IsConnected;

    /// <summary>Gets how many times the link has connected and announced itself online (1 after the first connection).</summary>
    public int Connections { get; private set; }

    private string Host => _options.UseEmbeddedBroker ? "127.0.0.1" : _options.Host!;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        apps.Changed += OnStatusChanged;
        _client.ApplicationMessageReceivedAsync += OnMessageReceived;
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
        if (!_options.UseEmbeddedBroker)
        {
            // A remote broker may be away for long: the agent runs and queues meanwhile.
            return;
        }

        try
        {
            await _firstOnline.Task.WaitAsync(FirstConnectionTimeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            LogFirstConnectionSlow(FirstConnectionTimeout);
        }
    }

    private void OnStatusChanged() => Interlocked.Exchange(ref _statusChanged, 1);

    // On the MQTT client's thread: hand the command over and return at once.
    private Task OnMessageReceived(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        if (topics.CommandName(message.Topic) is { } name)
        {
            commands.Post(new CommandRequest(
                name,
                message.Payload.ToArray(),
                message.ResponseTopic,
                message.CorrelationData is { Length: > 0 } correlation ? correlation : null));
        }

        return Task.CompletedTask;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = _options.ReconnectMinDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A publish can fail (time out) while the connection itself survives: then only
                // sending is retried.
                if (!_client.IsConnected)
                {
                    await ConnectAsync(stoppingToken).ConfigureAwait(false);
                    delay = _options.ReconnectMinDelay;
                }

                await SendUntilDisconnectedAsync(stoppingToken).ConfigureAwait(false);
                LogConnectionLost(Host, _options.Port, outbox.Count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Any failure to reach the broker is retried; the reason is logged.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogBrokerUnavailable(Host, _options.Port, ex.GetBaseException().Message, delay, outbox.Count);
            }

            try
            {
                // Jittered, so that a fleet restarting after a broker restart does not reconnect in lock-step.
                await Task.Delay(Backoff.Jitter(delay, Random.Shared.NextDouble()), time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = Backoff.Doubled(delay, _options.ReconnectMaxDelay);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        apps.Changed -= OnStatusChanged;
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (!_client.IsConnected)
        {
            if (outbox.IsDurable)
            {
                LogStoppedOfflineKept(outbox.Count, outbox.Folder!, outbox.Dropped);
            }
            else
            {
                LogStoppedOffline(outbox.Count, outbox.Dropped);
            }

            return;
        }

        using var timeout = new CancellationTokenSource(_options.ShutdownTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await SendQueuedAsync(linked.Token).ConfigureAwait(false);
            await PublishStatusAsync("offline", "shutdown", linked.Token).ConfigureAwait(false);
            await _client.DisconnectAsync(new MqttClientDisconnectOptions(), linked.Token).ConfigureAwait(false);
            LogDisconnected(outbox.Count, outbox.Dropped);
        }
#pragma warning disable CA1031 // Shutdown goes on whatever the broker does; the Last Will covers us.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogShutdownIncomplete(ex.GetBaseException().Message, outbox.Count);
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var will = new StatusPayload("offline", _agent.Fleet, _agent.Id, AgentVersion.Value, "connection-lost", null);
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(Host, _options.Port)
            .WithClientId(string.IsNullOrWhiteSpace(_options.ClientId) ? $"sensact-{_agent.Fleet}-{_agent.Id}" : _options.ClientId)
            .WithProtocolVersion(_options.ProtocolVersion == "3.1.1" ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithCleanSession(true)
            .WithTimeout(TimeSpan.FromSeconds(10))
            // Header and payload of a packet in one write: one system call (and TCP segment) an event, not two.
            .WithoutPacketFragmentation()
            .WithWillTopic(topics.Status)
            .WithWillPayload(will.ToJson())
            .WithWillRetain(true)
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (!string.IsNullOrEmpty(_options.Username))
        {
            builder = builder.WithCredentials(_options.Username, MqttCredentials.Password(_options));
        }

        builder = MqttTls.Apply(builder, _options.Tls, Host);
        var result = await _client.ConnectAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"the broker refused the connection: {result.ResultCode} {result.ReasonString}");
        }

        // Never more in flight than the broker takes (its Receive Maximum; 0 when it sets none).
        _window = result.ReceiveMaximum > 0 ? Math.Min(_options.Outbox.MaxInFlight, (int)result.ReceiveMaximum) : _options.Outbox.MaxInFlight;

        // A clean session: commands are subscribed again at every connection, and commands sent while
        // the agent was away are not carried out late (an operator's "stop" from an hour ago).
        await _client.SubscribeAsync(
            new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topics.Commands, MqttQualityOfServiceLevel.AtLeastOnce).Build(),
            cancellationToken).ConfigureAwait(false);
        // The birth (what the agent is and can do) before the status that says it is online.
        await _client.PublishAsync(
            new MqttApplicationMessageBuilder()
                .WithTopic(topics.Birth)
                .WithPayload(BirthPayload.Create(_agent, run, sensors, prepared, commands.Names))
                .WithRetainFlag(true)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .WithContentType("application/json")
                .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
                .Build(),
            cancellationToken).ConfigureAwait(false);
        if (_options.HomeAssistant.Enabled)
        {
            foreach (var discovery in HomeAssistantDiscovery.Messages(_options.HomeAssistant, _agent, topics, prepared))
            {
                await _client.PublishAsync(discovery, cancellationToken).ConfigureAwait(false);
            }
        }

        Interlocked.Exchange(ref _statusChanged, 0);
        await PublishStatusAsync("online", null, cancellationToken).ConfigureAwait(false);
        Connections++;
        _firstOnline.TrySetResult();
        LogConnected(Host, _options.Port, topics.Status, outbox.Count, _window);
    }

    private async Task SendUntilDisconnectedAsync(CancellationToken cancellationToken)
    {
        while (_client.IsConnected)
        {
            ReportDrops();
            if (Interlocked.Exchange(ref _statusChanged, 0) == 1)
            {
                await PublishStatusAsync("online", null, cancellationToken).ConfigureAwait(false);
            }

            await SendQueuedAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var check = new CancellationTokenSource(ConnectionCheckInterval, time);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(check.Token, cancellationToken);
                await outbox.WaitAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Nothing to send for a while: loop to look at the connection again.
            }
        }
    }

    private Task SendQueuedAsync(CancellationToken cancellationToken) => _sender.SendAsync(_client, _window, cancellationToken);

    private async Task PublishStatusAsync(string state, string? reason, CancellationToken cancellationToken)
    {
        var status = new StatusPayload(state, _agent.Fleet, _agent.Id, AgentVersion.Value, reason, time.GetUtcNow())
        {
            RunId = run.Id,
            Apps = StatusPayload.From(apps.Snapshot()),
            Outbox = OutboxPayload.From(outbox),
        };
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topics.Status)
            .WithPayload(status.ToJson())
            .WithRetainFlag(true)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
            .Build();
        await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
