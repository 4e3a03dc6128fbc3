using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Sensact.Devices;

namespace Sensact.Pipelines.Tests.Multimodal;

/// <summary>Scripted frames for virtual-time tests: each frame is pushed when the clock reaches its originating time.</summary>
internal static class Scene
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Frames every <paramref name="periodMs"/> for <paramref name="seconds"/>, payload from the time.</summary>
    public static List<Frame<float>> Frames(string source, int periodMs, int seconds, Func<int, float> payloadAtMs, int segment = 0)
    {
        var frames = new List<Frame<float>>();
        for (var t = 0; t < seconds * 1000; t += periodMs)
        {
            frames.Add(new Frame<float>(payloadAtMs(t), T0.AddMilliseconds(t), source, frames.Count, segment));
        }

        return frames;
    }

    /// <summary>Schedules every frame's OnNext at its originating time, and completion after the last.</summary>
    public static void Feed(HistoricalScheduler clock, Subject<Frame<float>> subject, IEnumerable<Frame<float>> frames, bool complete = true)
    {
        var last = T0;
        foreach (var frame in frames)
        {
            clock.Schedule(frame.OriginatingTime, () => subject.OnNext(frame));
            last = frame.OriginatingTime > last ? frame.OriginatingTime : last;
        }

        if (complete)
        {
            clock.Schedule(last.AddMilliseconds(1), subject.OnCompleted);
        }
    }
}
