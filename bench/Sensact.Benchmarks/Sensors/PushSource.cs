using System.Numerics;
using System.Reactive.Disposables;
using Sensact.Devices;
using Sensact.Devices.Imu;
using Sensact.Devices.Sensors;

namespace Sensact.Benchmarks.Sensors;

/// <summary>
/// A synchronous IMU source for benchmarks: it keeps the one observer subscribed to it and hands it
/// frames when the benchmark calls <see cref="Push"/>, on the benchmark's thread, allocating nothing.
/// </summary>
internal sealed class PushSource : ISensorSource<ImuSample>, IObservable<Frame<ImuSample>>
{
    private static readonly DateTimeOffset Origin = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private static readonly long TicksPerFrame = TimeSpan.TicksPerSecond / 26;
    private readonly ImuSample[] _samples;
    private IObserver<Frame<ImuSample>>? _observer;
    private long _sequence;

    public PushSource(string id)
    {
        Id = id;
        // A walking-like swing on top of gravity, so that windows hold varied values.
        _samples = [.. Enumerable.Range(0, 64).Select(i => ImuSample.FromMilliG(120 * MathF.Sin(i * 0.43f), 980 + (350 * MathF.Sin(i * 0.435f)), 200 * MathF.Cos(i * 0.21f)))];
    }

    public string Id { get; }

    public IObservable<Frame<ImuSample>> Frames => this;

    public IDisposable Subscribe(IObserver<Frame<ImuSample>> observer)
    {
        if (_observer is not null)
        {
            throw new InvalidOperationException("The push source takes one subscriber.");
        }

        _observer = observer;
        return Disposable.Create(() => _observer = null);
    }

    /// <summary>Hands <paramref name="count"/> frames to the subscriber, one after another.</summary>
    public void Push(int count)
    {
        var observer = _observer ?? throw new InvalidOperationException("Nothing is subscribed to the push source.");
        for (var i = 0; i < count; i++)
        {
            var sequence = _sequence++;
            observer.OnNext(new Frame<ImuSample>(_samples[sequence & 63], Origin.AddTicks(sequence * TicksPerFrame), Id, sequence));
        }
    }
}
