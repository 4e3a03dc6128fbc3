namespace Sensact.Agent.Mqtt;

/// <summary>Where the broker password comes from: <c>Mqtt:Password</c> (configuration or environment) or <c>Mqtt:PasswordFile</c>.</summary>
internal static class MqttCredentials
{
    /// <summary>Returns the password, reading the file at each connection (a rotated secret is picked up), or null.</summary>
    public static string? Password(MqttOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrEmpty(options.Password) || string.IsNullOrEmpty(options.PasswordFile))
        {
            return options.Password;
        }

        using var reader = new StreamReader(options.PasswordFile);
        return reader.ReadLine() ?? string.Empty;
    }
}
