using System.Reactive.Concurrency;

namespace Sensact.Evaluation.SpeakerWatch;

/// <summary>
/// A real-time scheduler whose clock reads <c>offset</c> later than its inner one: each strategy's run
/// starts at the same scene time, so every strategy senses the same windows of the same scene.
/// </summary>
internal sealed class OffsetScheduler(IScheduler inner, TimeSpan offset) : IScheduler
{
    public DateTimeOffset Now => inner.Now + offset;

    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action) =>
        inner.Schedule(state, (_, s) => action(this, s));

    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action) =>
        inner.Schedule(state, dueTime, (_, s) => action(this, s));

    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
        inner.Schedule(state, dueTime - offset, (_, s) => action(this, s));
}
