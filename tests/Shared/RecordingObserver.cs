using System.Reactive;
using System.Reactive.Concurrency;

namespace Sensact.Testing;

/// <summary>
/// Records every notification of a stream with the virtual time at which it arrived, for
/// assertions in virtual-time tests (the role Microsoft.Reactive.Testing's ITestableObserver plays).
/// </summary>
public sealed class RecordingObserver<T>(IScheduler clock) : IObserver<T>
{
    /// <summary>Gets every notification with its arrival time, in order.</summary>
    public List<(DateTimeOffset Time, Notification<T> Notification)> Messages { get; } = [];

    /// <summary>Gets the values received, in order.</summary>
    public IReadOnlyList<T> Values =>
        Messages.Where(m => m.Notification.Kind == NotificationKind.OnNext).Select(m => m.Notification.Value).ToList();

    /// <summary>Gets the arrival times of the values, in order.</summary>
    public IReadOnlyList<DateTimeOffset> ValueTimes =>
        Messages.Where(m => m.Notification.Kind == NotificationKind.OnNext).Select(m => m.Time).ToList();

    /// <summary>Gets the error the stream ended with, if any.</summary>
    public Exception? Error =>
        Messages.Where(m => m.Notification.Kind == NotificationKind.OnError).Select(m => m.Notification.Exception).FirstOrDefault();

    /// <summary>Gets whether the stream completed.</summary>
    public bool Completed => Messages.Any(m => m.Notification.Kind == NotificationKind.OnCompleted);

    /// <inheritdoc />
    public void OnNext(T value) => Messages.Add((clock.Now, Notification.CreateOnNext(value)));

    /// <inheritdoc />
    public void OnError(Exception error) => Messages.Add((clock.Now, Notification.CreateOnError<T>(error)));

    /// <inheritdoc />
    public void OnCompleted() => Messages.Add((clock.Now, Notification.CreateOnCompleted<T>()));
}

/// <summary>Subscribes a <see cref="RecordingObserver{T}"/>.</summary>
public static class RecordingExtensions
{
    /// <summary>Subscribes a recorder that stamps arrivals with <paramref name="clock"/>'s time.</summary>
    public static RecordingObserver<T> Record<T>(this IObservable<T> source, IScheduler clock, out IDisposable subscription)
    {
        var observer = new RecordingObserver<T>(clock);
        subscription = source.Subscribe(observer);
        return observer;
    }

    /// <summary>Subscribes a recorder for the lifetime of the test.</summary>
    public static RecordingObserver<T> Record<T>(this IObservable<T> source, IScheduler clock) => source.Record(clock, out _);
}
