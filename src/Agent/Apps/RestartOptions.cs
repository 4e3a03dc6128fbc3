namespace Sensact.Agent.Apps;

/// <summary>How an application that fails is restarted: <c>Apps:{name}:Restart</c>.</summary>
public sealed class RestartOptions
{
    /// <summary>Gets or sets the pause after the first failure in a row; it doubles after each further one.</summary>
    public TimeSpan MinDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the longest pause between two restarts.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets how many failures in a row (without an event in between) are restarted; after
    /// that the application is marked <c>failed</c> and stays stopped.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Checks the values; each problem names its key relative to <c>Restart</c>.</summary>
    /// <returns>The problems; empty when the options are valid.</returns>
    public IEnumerable<string> Validate()
    {
        if (MinDelay <= TimeSpan.Zero)
        {
            yield return $"MinDelay must be positive (got {MinDelay}).";
        }

        if (MaxDelay < MinDelay)
        {
            yield return $"MaxDelay must not be shorter than MinDelay (got {MaxDelay}).";
        }

        if (MaxAttempts < 0)
        {
            yield return $"MaxAttempts must not be negative (got {MaxAttempts}).";
        }
    }
}
