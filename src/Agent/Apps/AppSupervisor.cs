using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using Sensact.Pipelines.Events;
using Sensact.Pipelines.Resilience;

namespace Sensact.Agent.Apps;

/// <summary>
/// Runs one application: builds and subscribes it, numbers its events, hands them on, and restarts
/// it with backoff when it fails, until it has failed <see cref="RestartOptions.MaxAttempts"/> times
/// in a row (then it is <see cref="AppState.Failed"/>). Everything happens on the context's
/// scheduler, so a supervisor runs in virtual time in tests.
/// </summary>
internal sealed partial class AppSupervisor : IDisposable
{
    private readonly Lock _gate = new();
    private readonly IApplication _app;
    private readonly RestartOptions _restart;
    private readonly AppBuildContext _context;
    private readonly Action<AppEvent> _publish;
    private readonly AppStates _states;
    private readonly AppMetrics _metrics;
    private readonly ILogger _logger;
    private readonly SerialDisposable _current = new();
    private readonly TaskCompletionSource<AppState> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sequence;
    private int _failuresInRow;
    private int _restarts;
    private AppState _state = AppState.Starting;
    private bool _disposed;

    public AppSupervisor(IApplication app, RestartOptions restart, AppBuildContext context, Action<AppEvent> publish, AppStates states, AppMetrics metrics)
    {
        _app = app;
        _restart = restart;
        _context = context;
        _publish = publish;
        _states = states;
        _metrics = metrics;
        _logger = context.Logging.CreateLogger<AppSupervisor>();
    }

    /// <summary>Gets the application's state now.</summary>
    public AppState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Completes with <see cref="AppState.Completed"/> or <see cref="AppState.Failed"/> when the application ends on its own.</summary>
    public Task<AppState> Ended => _ended.Task;

    /// <summary>Gets the application's name.</summary>
    public string Name => _app.Name;

    /// <summary>Gets the application itself.</summary>
    public IApplication App => _app;

    /// <summary>Gets the application's kind.</summary>
    public string Kind => _app.Kind;

    /// <summary>Starts the application (on the caller's thread; its frames then arrive on its scheduler).</summary>
    public void Start() => Run();

    /// <summary>
    /// Starts the application again after a stop, a completion or a final failure (a command:
    /// <c>app.start</c>); its failures in a row count from zero. A running application is left as it is.
    /// </summary>
    /// <returns>The state after the call.</returns>
    public AppState Resume()
    {
        lock (_gate)
        {
            if (_disposed || _state is AppState.Running or AppState.Starting)
            {
                return _state;
            }

            _failuresInRow = 0;
            SetState(AppState.Starting, null);
        }

        Run();
        return State;
    }

    /// <summary>Stops the application until <see cref="Resume"/> (a command: <c>app.stop</c>); its sensors are released.</summary>
    /// <returns>The state after the call.</returns>
    public AppState Stop()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return _state;
            }

            SetState(AppState.Stopped, null);
            _current.Disposable = null;
            return _state;
        }
    }

    /// <summary>Stops the application for good; its state becomes <see cref="AppState.Stopped"/> unless it had ended.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            if (_state is not (AppState.Failed or AppState.Completed))
            {
                SetState(AppState.Stopped, null);
            }
        }

        _current.Dispose();
    }

    private void Run()
    {
        var subscription = new SingleAssignmentDisposable();
        lock (_gate)
        {
            if (_disposed || _state is AppState.Stopped)
            {
                return;
            }

            _current.Disposable = subscription;
            SetState(AppState.Starting, null);
        }

        try
        {
            subscription.Disposable = _app.Build(_context)
                .Select(appEvent => appEvent with { Sequence = _sequence++ })
                .Do(appEvent =>
                {
                    _metrics.Emitted(appEvent);
                    _publish(appEvent);

                    // Only an event that reached the sinks shows the application has recovered.
                    _failuresInRow = 0;
                })
                .Subscribe(_ => { }, error => Fail(subscription, error), () => Complete(subscription));
        }
#pragma warning disable CA1031 // A build that throws is an application failure like any other: restarted, counted.
        catch (Exception error)
#pragma warning restore CA1031
        {
            Fail(subscription, error);
            return;
        }

        lock (_gate)
        {
            if (_state is AppState.Starting && ReferenceEquals(_current.Disposable, subscription))
            {
                SetState(AppState.Running, null);
                LogStarted(_app.Name, _app.Kind);
            }
        }
    }

    private void Fail(IDisposable subscription, Exception error)
    {
        TimeSpan delay;
        lock (_gate)
        {
            if (_state is AppState.Stopped or AppState.Failed || !ReferenceEquals(_current.Disposable, subscription))
            {
                return;
            }

            _failuresInRow++;
            if (_failuresInRow > _restart.MaxAttempts)
            {
                SetState(AppState.Failed, error.Message);
                LogFailed(error, _app.Name, _failuresInRow);
                _ended.TrySetResult(AppState.Failed);
                return;
            }

            delay = Backoff.After(_restart.MinDelay, _restart.MaxDelay, _failuresInRow);
            _restarts++;
            SetState(AppState.Restarting, error.Message);
            LogRestarting(error, _app.Name, _failuresInRow, delay);
            _metrics.Restarted(_app.Name);
            _current.Disposable = _context.Scheduler.Schedule(delay, Run);
        }
    }

    private void Complete(IDisposable subscription)
    {
        lock (_gate)
        {
            if (_state is AppState.Stopped || !ReferenceEquals(_current.Disposable, subscription))
            {
                return;
            }

            SetState(AppState.Completed, null);
        }

        LogCompleted(_app.Name);
        _ended.TrySetResult(AppState.Completed);
    }

    private void SetState(AppState state, string? error)
    {
        _state = state;
        _states.Set(_app.Name, new AppStatus(_app.Kind, state, _restarts, error));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {App} ({Kind}) running")]
    private partial void LogStarted(string app, string kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application {App} failed ({Failures} in a row); restarting it in {Delay}")]
    private partial void LogRestarting(Exception error, string app, int failures, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Application {App} failed {Failures} times in a row; it stays stopped")]
    private partial void LogFailed(Exception error, string app, int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {App} completed: its sources ended")]
    private partial void LogCompleted(string app);
}
