using System.Text.Json;
using Sensact.Agent.Mqtt;

namespace Sensact.IntegrationTests.Fixtures;

/// <summary>
/// An agent's outbox folder that a test names (so that a restarted agent finds it), read the way the
/// agent reads it: every intact record of every segment, as the event's run id and sequence.
/// </summary>
internal sealed class OutboxFolder : IDisposable
{
    public OutboxFolder() => Path = Directory.CreateTempSubdirectory("sensact-outbox-").FullName;

    public string Path { get; }

    public string Argument => $"--Mqtt:Outbox:Directory={Path}";

    /// <summary>Reads the events on disk now (a segment being written ends where its last intact record does).</summary>
    public IReadOnlyList<(string RunId, long Sequence)> Events()
    {
        var events = new List<(string, long)>();
        foreach (var segment in Directory.GetFiles(Path, "*.seg").Order(StringComparer.Ordinal))
        {
            byte[] data;
            try
            {
                using var stream = new FileStream(segment, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                data = copy.ToArray();
            }
            catch (FileNotFoundException)
            {
                continue; // acknowledged and deleted meanwhile
            }

            for (var offset = 0; offset < data.Length && OutboxRecord.TryRead(data.AsSpan(offset), out var record); offset += record.Size)
            {
                var json = JsonDocument.Parse(record.ToMessage().Payload).RootElement;
                events.Add((json.GetProperty("runId").GetString()!, json.GetProperty("sequence").GetInt64()));
            }
        }

        return events;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
