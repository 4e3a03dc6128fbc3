using System.Text.Json;
using System.Text.Json.Nodes;
using Sensact.Agent.Recording;

namespace Sensact.Agent.Commands;

/// <summary>
/// <c>record.start</c> with <c>{"sensors":["imu"]}</c> (optional: <c>Recording:Sensors</c>, or every
/// recordable sensor) starts recording to MCAP; <c>record.stop</c> stops it. Both reply with the
/// recording's state and its file paths.
/// </summary>
internal sealed class RecordCommand(string name, AgentRecorder recorder, Func<AgentRecorder, JsonObject, RecordingStatus> action) : ICommand
{
    public string Name => name;

    /// <summary>The <c>record.start</c> command.</summary>
    public static RecordCommand Start(AgentRecorder recorder) => new("record.start", recorder, (r, arguments) => r.Start(Sensors(arguments)));

    /// <summary>The <c>record.stop</c> command.</summary>
    public static RecordCommand Stop(AgentRecorder recorder) => new("record.stop", recorder, (r, _) => r.Stop());

    public JsonNode? Execute(JsonObject arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        RecordingStatus status;
        try
        {
            status = action(recorder, arguments);
        }
        catch (KeyNotFoundException ex)
        {
            throw new CommandException(CommandException.UnknownSensor, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new CommandException(CommandException.BadRequest, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"cannot record to '{recorder.Status.Directory}': {ex.Message}", ex);
        }

        return new JsonObject
        {
            ["recording"] = status.Recording,
            ["directory"] = status.Directory,
            ["sensors"] = new JsonArray([.. status.Sensors.Select(s => (JsonNode?)s)]),
            ["files"] = new JsonArray([.. status.Files.Select(f => (JsonNode?)f)]),
            ["frames"] = Counts(status.Frames),
            ["dropped"] = Counts(status.Dropped),
        };
    }

    private static JsonObject Counts(IReadOnlyDictionary<string, long> counts) =>
        new(counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value)));

    private static List<string>? Sensors(JsonObject arguments)
    {
        if (arguments["sensors"] is not { } node)
        {
            return null;
        }

        if (node is not JsonArray array || array.Any(item => item?.GetValueKind() != JsonValueKind.String))
        {
            throw new CommandException(CommandException.BadRequest, "'sensors' must be an array of sensor names, e.g. {\"sensors\":[\"imu\"]}");
        }

        return [.. array.Select(item => item!.GetValue<string>())];
    }
}
