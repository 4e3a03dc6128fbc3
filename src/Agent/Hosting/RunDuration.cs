using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sensact.Agent.Hosting;

/// <summary>Stops the agent cleanly (exit code 0) after the <c>--duration</c> given on the command line.</summary>
internal sealed partial class RunDuration(
    TimeSpan duration,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<RunDuration> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(duration, time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        LogElapsed(duration);
        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ran for {Duration}; stopping")]
    private partial void LogElapsed(TimeSpan duration);
}
