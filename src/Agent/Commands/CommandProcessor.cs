using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using Sensact.Agent.Mqtt;

namespace Sensact.Agent.Commands;

/// <summary>
/// Carries out commands off the MQTT client's thread: the link posts each request into a bounded
/// queue and returns at once; one loop here takes them in order (so two commands for one application
/// never overlap), runs the command and queues the reply in the outbox.
/// </summary>
/// <remarks>
/// The reply goes to MQTT 5's Response Topic with the request's Correlation Data, or, for MQTT 3.1.1
/// clients, to the topic the payload names in <c>replyTo</c> with its <c>correlationId</c> echoed. A
/// request without either is carried out and logged without a reply. A full queue answers
/// <c>busy</c> at once.
/// </remarks>
internal sealed partial class CommandProcessor(IEnumerable<ICommand> commands, Outbox outbox, ILogger<CommandProcessor> logger) : BackgroundService
{
    /// <summary>The largest request payload accepted.</summary>
    public const int MaxPayloadBytes = 64 * 1024;

    private const int QueueCapacity = 64;
    private readonly Dictionary<string, ICommand> _commands = commands.ToDictionary(c => c.Name, StringComparer.Ordinal);
    private readonly Channel<CommandRequest> _queue = Channel.CreateBounded<CommandRequest>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _handled;
    private long _rejected;

    /// <summary>Gets the names of the commands, for documentation and the birth message.</summary>
    public IReadOnlyCollection<string> Names => _commands.Keys;

    /// <summary>Gets how many requests were answered or carried out.</summary>
    public long Handled => Interlocked.Read(ref _handled);

    /// <summary>Gets how many requests got an error reply (bad request, unknown command, busy, failure).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Queues a request; never blocks (a full queue answers <c>busy</c>).</summary>
    public void Post(CommandRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_queue.Writer.TryWrite(request))
        {
            Reply(request, ReplyTo(request, null), null, CommandReply.Failure(CommandException.Busy, "too many commands are waiting; try again", null));
            Interlocked.Increment(ref _rejected);
            LogRejected(request.Name, CommandException.Busy, "queue full");
        }
    }

    /// <summary>Carries out one request and returns the reply's JSON (for tests and the loop).</summary>
    public byte[] Handle(CommandRequest request, out string? replyTo)
    {
        ArgumentNullException.ThrowIfNull(request);
        replyTo = request.ResponseTopic;
        string? correlationId = null;
        try
        {
            var arguments = Parse(request.Payload);
            correlationId = TakeString(arguments, "correlationId");
            replyTo = ReplyTo(request, TakeString(arguments, "replyTo"));
            if (!_commands.TryGetValue(request.Name, out var command))
            {
                throw new CommandException(CommandException.UnknownCommand, $"no command '{request.Name}'; commands: {string.Join(", ", _commands.Keys.Order(StringComparer.Ordinal))}");
            }

            var reply = CommandReply.Success(command.Execute(arguments), correlationId);
            Interlocked.Increment(ref _handled);
            LogHandled(request.Name);
            return reply;
        }
        catch (CommandException ex)
        {
            Interlocked.Increment(ref _rejected);
            LogRejected(request.Name, ex.Code, ex.Message);
            return CommandReply.Failure(ex.Code, ex.Message, correlationId);
        }
#pragma warning disable CA1031 // A command that fails unexpectedly gets an error reply; the agent keeps running.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.Increment(ref _rejected);
            LogFailed(ex, request.Name);
            return CommandReply.Failure(CommandException.Internal, ex.Message, correlationId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var request in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                var reply = Handle(request, out var replyTo);
                Reply(request, replyTo, request.CorrelationData, reply);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The agent is stopping; waiting requests go unanswered (their clients time out).
        }
    }

    private void Reply(CommandRequest request, string? replyTo, ReadOnlyMemory<byte>? correlationData, byte[] payload)
    {
        if (replyTo is null)
        {
            LogNoReplyTopic(request.Name);
            return;
        }

        var builder = new MqttApplicationMessageBuilder()
            .WithTopic(replyTo)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithContentType("application/json")
            .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData);
        if (correlationData is { } data)
        {
            builder = builder.WithCorrelationData(data.ToArray());
        }

        outbox.EnqueueControl(builder.Build());
    }

    private static JsonObject Parse(ReadOnlyMemory<byte> payload)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            throw new CommandException(CommandException.BadRequest, $"the payload has {payload.Length} bytes; at most {MaxPayloadBytes} are accepted");
        }

        if (payload.Length == 0 || payload.Span.Trim((byte)' ').IsEmpty)
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(payload.Span) as JsonObject
                ?? throw new CommandException(CommandException.BadRequest, "the payload must be a JSON object, e.g. {} or {\"app\":\"activity\"}");
        }
        catch (JsonException ex)
        {
            throw new CommandException(CommandException.BadRequest, $"the payload is not valid JSON: {ex.Message}");
        }
    }

    // MQTT 5's Response Topic wins; a 3.1.1 client names one in the payload. Either must be a topic a
    // client can publish to (no wildcards).
    private static string? ReplyTo(CommandRequest request, string? fromPayload)
    {
        var topic = request.ResponseTopic ?? fromPayload;
        if (topic is not null && (topic.Length == 0 || topic.Length > 512 || topic.AsSpan().IndexOfAny('+', '#', '\0') >= 0))
        {
            throw new CommandException(CommandException.BadRequest, "the reply topic must be a topic name without wildcards, at most 512 characters");
        }

        return topic;
    }

    private static string? TakeString(JsonObject arguments, string name)
    {
        if (!arguments.Remove(name, out var node) || node is null)
        {
            return null;
        }

        return node.GetValueKind() == JsonValueKind.String
            ? node.GetValue<string>()
            : throw new CommandException(CommandException.BadRequest, $"'{name}' must be a string");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Command {Command} carried out")]
    private partial void LogHandled(string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command {Command} rejected ({Code}): {Reason}")]
    private partial void LogRejected(string command, string code, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Command {Command} failed")]
    private partial void LogFailed(Exception exception, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Command {Command} named no reply topic (MQTT 5 Response Topic or 'replyTo' in the payload); carried out without a reply")]
    private partial void LogNoReplyTopic(string command);
}
