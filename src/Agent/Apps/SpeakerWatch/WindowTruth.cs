using Sensact.Pipelines.Units;

namespace Sensact.Agent.Apps.SpeakerWatch;

/// <summary>
/// The ground truth of the last few windows, read from a simulated or replayed source as the first
/// frame of each window arrives, and mapped onto the rule's two labels (the scene's
/// <c>speaking-in-view</c> is present, its other labels absent).
/// </summary>
internal sealed class WindowTruth(WindowPlan plan, string present, string absent)
{
    private const int Kept = 16;
    private readonly long[] _windows = Enumerable.Repeat(long.MinValue, Kept).ToArray();
    private readonly string?[] _labels = new string?[Kept];
    private readonly Lock _gate = new();

    /// <summary>Notes the truth at a frame's originating time; only the first frame of a window counts.</summary>
    /// <param name="time">The frame's originating time.</param>
    /// <param name="label">The source's label now; <c>null</c> when unknown.</param>
    public void Observe(DateTimeOffset time, string? label)
    {
        var window = plan.IndexOf(time);
        var slot = (int)(((window % Kept) + Kept) % Kept);
        lock (_gate)
        {
            if (_windows[slot] != window)
            {
                _windows[slot] = window;
                _labels[slot] = label is null ? null : string.Equals(label, present, StringComparison.Ordinal) ? present : absent;
            }
        }
    }

    /// <summary>Gets the truth of a window, <c>null</c> when unknown or too old.</summary>
    /// <param name="window">The window's index.</param>
    /// <returns>The label.</returns>
    public string? Of(long window)
    {
        var slot = (int)(((window % Kept) + Kept) % Kept);
        lock (_gate)
        {
            return _windows[slot] == window ? _labels[slot] : null;
        }
    }
}
