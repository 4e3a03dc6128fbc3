using System.Collections.Concurrent;

namespace Sensact.Agent.Apps;

/// <summary>Every application's current <see cref="AppStatus"/>, with a notification when one changes.</summary>
internal sealed class AppStates
{
    private readonly ConcurrentDictionary<string, AppStatus> _states = new(StringComparer.Ordinal);

    /// <summary>Raised after a state changed (on the thread that changed it).</summary>
    public event Action? Changed;

    /// <summary>Gets a snapshot of every application's status, by name.</summary>
    public IReadOnlyDictionary<string, AppStatus> Snapshot() =>
        new SortedDictionary<string, AppStatus>(_states, StringComparer.Ordinal);

    /// <summary>Sets an application's status.</summary>
    public void Set(string app, AppStatus status)
    {
        _states[app] = status;
        Changed?.Invoke();
    }
}
