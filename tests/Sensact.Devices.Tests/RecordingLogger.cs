using Microsoft.Extensions.Logging;

namespace Sensact.Devices.Tests;

/// <summary>An <see cref="ILogger"/> that keeps every entry it is given, for assertions on what was logged.</summary>
internal sealed class RecordingLogger : ILogger
{
    /// <summary>Gets the entries, in the order they were logged.</summary>
    public List<Entry> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        Entries.Add(new Entry(logLevel, formatter(state, exception), values.ToDictionary(pair => pair.Key, pair => pair.Value)));
    }

    /// <summary>One logged entry: its level, the formatted message and the message template's values by name.</summary>
    public sealed record Entry(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values);
}
