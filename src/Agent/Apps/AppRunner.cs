using System.Reactive.Concurrency;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sensact.Agent.Events;
using Sensact.Agent.Hosting;
using Sensact.Agent.Sensors;

namespace Sensact.Agent.Apps;

/// <summary>
/// Runs every enabled application on a thread of its own under an <see cref="AppSupervisor"/>. An
/// application that fails is restarted while the others keep running. When every application has
/// ended on its own, the agent stops: with exit code 0 when they all completed (their sources
/// ended), 1 when any failed for good (no application can run).
/// </summary>
internal sealed partial class AppRunner(
    AgentApps apps,
    AgentSensors sensors,
    SensorRates rates,
    EventFanOut fanOut,
    AppStates states,
    AppMetrics metrics,
    TimeProvider time,
    ILoggerFactory logging,
    AgentExitCode exitCode,
    IHostApplicationLifetime lifetime,
    ILogger<AppRunner> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly List<(AppSupervisor Supervisor, EventLoopScheduler Thread)> _running = [];

    /// <summary>Gets the running applications' supervisors, by name (for commands).</summary>
    public bool TryGet(string app, out AppSupervisor supervisor)
    {
        lock (_gate)
        {
            supervisor = _running.Select(r => r.Supervisor).FirstOrDefault(s => string.Equals(s.Name, app, StringComparison.OrdinalIgnoreCase))!;
            return supervisor is not null;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (apps.Apps.Count == 0)
        {
            LogNoApps();
            return;
        }

        foreach (var (app, options) in apps.Apps)
        {
            var thread = new EventLoopScheduler(start => new Thread(start) { Name = $"app-{app.Name}", IsBackground = true });
            var context = new AppBuildContext(sensors.Hub, thread, time, logging, rates);
            var supervisor = new AppSupervisor(app, options.Restart, context, fanOut.Publish, states, metrics);
            lock (_gate)
            {
                _running.Add((supervisor, thread));
            }

            supervisor.Start();
        }

        AppState[] ended;
        try
        {
            List<Task<AppState>> endings;
            lock (_gate)
            {
                endings = [.. _running.Select(r => r.Supervisor.Ended)];
            }

            ended = await Task.WhenAll(endings).WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        if (ended.Contains(AppState.Failed))
        {
            LogNoneCanRun();
            exitCode.Fail(ExitCodes.RuntimeFailure);
        }
        else
        {
            LogAllCompleted();
        }

        lifetime.StopApplication();
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // Stop the applications first, then their threads: nothing is left scheduled on a thread
        // that is gone.
        List<(AppSupervisor Supervisor, EventLoopScheduler Thread)> running;
        lock (_gate)
        {
            running = [.. _running];
            _running.Clear();
        }

        foreach (var (supervisor, _) in running)
        {
            supervisor.Dispose();
        }

        foreach (var (_, thread) in running)
        {
            thread.Dispose();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No application is enabled; the agent idles (broker and status only)")]
    private partial void LogNoApps();

    [LoggerMessage(Level = LogLevel.Critical, Message = "No application can run (each has completed or failed for good); stopping the agent")]
    private partial void LogNoneCanRun();

    [LoggerMessage(Level = LogLevel.Information, Message = "Every application completed (their sources ended); stopping the agent")]
    private partial void LogAllCompleted();
}
