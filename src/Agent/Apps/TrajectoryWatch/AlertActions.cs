using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Sensact.Agent.Apps.TrajectoryWatch;

/// <summary>
/// Action-to-sensing for trajectory-watch: while any track is in an anomalous episode, the camera
/// runs at the alert rate and the application stops skipping frames; both are restored once no
/// anomaly has lasted for the hold time. Driven by frame times, so it runs in virtual time in tests.
/// </summary>
internal sealed partial class AlertActions(string app, string sensor, double? alertHz, TimeSpan hold, ISensorRates? rates, ILogger logger) : IDisposable
{
    private DateTimeOffset _lastAnomalous;
    private double? _normalHz;

    /// <summary>Gets whether the alert is on (skipping off, the rate raised where it could be).</summary>
    public bool Alerting { get; private set; }

    /// <summary>Takes the number of anomalous tracks after a frame.</summary>
    /// <param name="time">The frame's originating time.</param>
    /// <param name="active">The tracks in an anomalous episode.</param>
    public void Observe(DateTimeOffset time, int active)
    {
        if (active > 0)
        {
            _lastAnomalous = time;
            if (!Alerting)
            {
                Alerting = true;
                Raise();
            }
        }
        else if (Alerting && time - _lastAnomalous >= hold)
        {
            Alerting = false;
            Restore();
        }
    }

    /// <summary>Restores the rate if the alert is on.</summary>
    public void Dispose()
    {
        if (Alerting)
        {
            Alerting = false;
            Restore();
        }
    }

    private void Raise()
    {
        if (rates is null || alertHz is not { } hz)
        {
            return;
        }

        var now = rates.RateOf(sensor);
        if (now is not { } current || Math.Abs(current - hz) < 1e-9)
        {
            return;
        }

        var problems = new List<string>();
        if (rates.TrySetRate(sensor, hz, problems))
        {
            _normalHz = current;
            LogRate(app, sensor, hz, "anomaly");
        }
        else
        {
            LogRefused(app, sensor, hz, string.Join(" ", problems));
        }
    }

    private void Restore()
    {
        if (rates is null || _normalHz is not { } hz)
        {
            return;
        }

        _normalHz = null;
        var problems = new List<string>();
        if (rates.TrySetRate(sensor, hz, problems))
        {
            LogRate(app, sensor, hz, string.Create(CultureInfo.InvariantCulture, $"no anomaly for {hold.TotalSeconds} s"));
        }
        else
        {
            LogRefused(app, sensor, hz, string.Join(" ", problems));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{App}: camera {Sensor} at {Hz} Hz ({Why})")]
    private partial void LogRate(string app, string sensor, double hz, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{App}: camera {Sensor} could not switch to {Hz} Hz: {Problems}")]
    private partial void LogRefused(string app, string sensor, double hz, string problems);
}
