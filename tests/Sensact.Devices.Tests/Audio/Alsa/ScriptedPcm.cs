using Sensact.Devices.Audio.Alsa;

namespace Sensact.Devices.Tests.Audio.Alsa;

/// <summary>
/// A capture PCM that plays a script: whole or partial periods of one sample value, errors, and
/// waits that time out. It stands in for libasound where ALSA's software plugins cannot go: they
/// never over-run, fail or stall. After the script, it repeats <see cref="Then"/>.
/// </summary>
internal sealed class ScriptedPcm : IPcmCapture
{
    private readonly Queue<Step> _steps;
    private readonly Queue<TimeSpan?> _triggers;
    private int _disposed;

    public ScriptedPcm(IEnumerable<Step> steps, IEnumerable<TimeSpan?>? triggers = null)
    {
        _steps = new Queue<Step>(steps);
        _triggers = new Queue<TimeSpan?>(triggers ?? []);
    }

    /// <summary>Gets or sets what follows the script; a wait that times out when <c>null</c>.</summary>
    public Step? Then { get; init; }

    /// <summary>Gets or sets what <see cref="Recover"/> does besides succeeding (a test advances its clock here).</summary>
    public Action? OnRecover { get; init; }

    public int DevicePeriodFrames => 512;

    public int DeviceBufferFrames => 2048;

    public int Starts { get; private set; }

    public List<int> Recovered { get; } = [];

    public bool Disposed => Volatile.Read(ref _disposed) == 1;

    /// <summary>A period (or part of one) of <paramref name="Value"/>; a negative <paramref name="Error"/> instead; <c>Timeout</c> for a wait that times out.</summary>
    public sealed record Step(short Value = 0, int Frames = int.MaxValue, int Error = 0, bool Timeout = false)
    {
        public static Step Period(short value) => new(value);

        public static Step Partial(short value, int frames) => new(value, frames);

        public static Step Fail(int error) => new(Error: error);

        public static Step Wait => new(Timeout: true);
    }

    public int Start()
    {
        Starts++;
        return 0;
    }

    public int Wait(int timeoutMilliseconds)
    {
        var step = _steps.Count > 0 ? _steps.Peek() : Then;
        if (step is null || step.Timeout)
        {
            if (_steps.Count > 0)
            {
                _steps.Dequeue();
            }

            return 0;
        }

        if (step.Error < 0)
        {
            if (_steps.Count > 0)
            {
                _steps.Dequeue();
            }

            return step.Error;
        }

        return 1;
    }

    public int Read(Span<short> interleaved, int frames)
    {
        var step = _steps.Count > 0 ? _steps.Dequeue() : Then!;
        var count = Math.Min(frames, step.Frames);
        interleaved[..(count * (interleaved.Length / frames))].Fill(step.Value);
        return count;
    }

    public int Recover(int error)
    {
        Recovered.Add(error);
        OnRecover?.Invoke();
        return 0;
    }

    public TimeSpan? TriggerTime() => _triggers.Count > 0 ? _triggers.Dequeue() : null;

    public void Dispose() => Volatile.Write(ref _disposed, 1);
}
