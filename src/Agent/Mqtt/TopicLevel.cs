namespace Sensact.Agent.Mqtt;

/// <summary>Rules for one level of an MQTT topic name that the agent builds from configuration.</summary>
internal static class TopicLevel
{
    /// <summary>Returns why <paramref name="value"/> cannot be one topic level, or <c>null</c> when it can.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "must not be empty.";
        }

        if (value.IndexOfAny(['/', '+', '#']) >= 0 || value.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            return $"'{value}' must not contain '/', '+', '#', spaces or control characters (it is one MQTT topic level).";
        }

        if (value.Length > 64)
        {
            return $"'{value}' is longer than 64 characters.";
        }

        return null;
    }
}
