using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Sensact.Pipelines.Resilience;

namespace Sensact.Pipelines;

public static partial class StreamStages
{
    /// <summary>
    /// Re-subscribes to <paramref name="source"/> after a growing delay each time it fails, so that a
    /// failing sensor comes back on its own while the rest of the agent keeps running.
    /// </summary>
    /// <remarks>
    /// <para>
    /// On <c>OnError</c> the error is not forwarded: <paramref name="onRetry"/> is called with the error,
    /// the attempt (1 for the first failure in a row) and the delay, and <paramref name="source"/> is
    /// subscribed again that long later on <paramref name="scheduler"/>. The delay is
    /// <paramref name="firstDelay"/> after the first failure in a row and doubles after each further
    /// one, up to <paramref name="maxDelay"/>. Any value resets the attempt count and the delay: the
    /// source has recovered, so its next failure is a first failure again.
    /// </para>
    /// <para>
    /// Retries go on until the subscription is disposed; disposing cancels a pending re-subscription
    /// and unsubscribes from the current one. <c>OnCompleted</c> of the source completes the output: a
    /// sensor that has finished has not failed. If <paramref name="onRetry"/> throws, its exception
    /// ends the output through <c>OnError</c> and nothing more is retried.
    /// </para>
    /// <para>
    /// <paramref name="source"/> is subscribed the first time on the subscribing thread, then on
    /// <paramref name="scheduler"/>; <paramref name="onRetry"/> runs on the thread that delivered the
    /// error. Each subscription starts only after the previous one has failed, so notifications never
    /// overlap.
    /// </para>
    /// </remarks>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="source">The stream to keep subscribed; it is subscribed once per attempt, so a cold
    /// source (for example one made with <see cref="Observable.Defer{TResult}(Func{IObservable{TResult}})"/>)
    /// reopens its sensor each time.</param>
    /// <param name="firstDelay">The delay after the first failure in a row; greater than zero.</param>
    /// <param name="maxDelay">The longest delay; at least <paramref name="firstDelay"/>.</param>
    /// <param name="onRetry">Called before each wait with the error, the attempt (from 1) and the delay,
    /// for logging and metrics; <c>null</c> for none.</param>
    /// <param name="scheduler">Where re-subscriptions are scheduled and the delays measured;
    /// <see cref="Scheduler.Default"/> when <c>null</c>.</param>
    /// <returns>The values of every subscription to <paramref name="source"/>, in order; completes when
    /// the source completes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstDelay"/> is zero or negative,
    /// or <paramref name="maxDelay"/> is less than <paramref name="firstDelay"/>.</exception>
    public static IObservable<T> RetryWithBackoff<T>(
        this IObservable<T> source,
        TimeSpan firstDelay,
        TimeSpan maxDelay,
        Action<Exception, int, TimeSpan>? onRetry = null,
        IScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, firstDelay);

        var clock = scheduler ?? Scheduler.Default;

        return Observable.Create<T>(observer =>
        {
            // Holds the current subscription or the pending re-subscription, never both; disposing it
            // cancels whichever it holds, and anything assigned afterwards is disposed at once.
            var current = new SerialDisposable();
            // Failures in a row and the delay after the next one. Only touched from the source's
            // notifications, which never overlap: a new subscription starts after the previous one failed.
            var attempt = 0;
            var nextDelay = firstDelay;

            void Subscribe()
            {
                // Assigned to the serial disposable before subscribing: a source that fails inside
                // Subscribe schedules the retry into `current`, and the subscription returned afterwards
                // must not overwrite (and so cancel) that pending retry.
                var subscription = new SingleAssignmentDisposable();
                current.Disposable = subscription;
                subscription.Disposable = source.Subscribe(OnNext, OnError, observer.OnCompleted);
            }

            void OnNext(T value)
            {
                attempt = 0;
                nextDelay = firstDelay;
                observer.OnNext(value);
            }

            void OnError(Exception error)
            {
                // Saturates rather than wrapping: an endless retry must never report a negative attempt.
                if (attempt < int.MaxValue)
                {
                    attempt++;
                }

                var delay = nextDelay;
                nextDelay = Backoff.Doubled(delay, maxDelay);

                if (onRetry is not null)
                {
                    try
                    {
                        onRetry(error, attempt, delay);
                    }
                    catch (Exception callbackError)
                    {
                        observer.OnError(callbackError);
                        return;
                    }
                }

                current.Disposable = clock.Schedule(delay, Subscribe);
            }

            Subscribe();
            return current;
        });
    }
}
