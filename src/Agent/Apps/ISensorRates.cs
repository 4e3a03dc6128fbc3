namespace Sensact.Agent.Apps;

/// <summary>
/// Changes a sensor's rate while the agent runs (action-to-sensing): the same checks and switch as
/// the <c>sensor.rate</c> command.
/// </summary>
public interface ISensorRates
{
    /// <summary>Gets the rate a sensor runs at now (samples or frames per second), or null when its rate cannot change.</summary>
    /// <param name="sensor">The sensor's name.</param>
    /// <returns>The rate, or null.</returns>
    double? RateOf(string sensor);

    /// <summary>Switches a sensor to a new source at <paramref name="hz"/>, after the checks made at start.</summary>
    /// <param name="sensor">The sensor's name.</param>
    /// <param name="hz">The new rate.</param>
    /// <param name="problems">Where the reasons for a refusal go (each naming its key); nothing changes then.</param>
    /// <returns>True when the sensor switched.</returns>
    bool TrySetRate(string sensor, double hz, ICollection<string> problems);
}
