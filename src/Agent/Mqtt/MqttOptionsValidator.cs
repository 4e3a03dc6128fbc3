using Microsoft.Extensions.Options;

namespace Sensact.Agent.Mqtt;

/// <summary>Checks <see cref="MqttOptions"/> so a bad broker setting stops the agent at start.</summary>
internal sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add($"Mqtt:Port must be between 1 and 65535 (got {options.Port}).");
        }

        if (options.ProtocolVersion is not ("5" or "3.1.1"))
        {
            failures.Add($"Mqtt:ProtocolVersion must be '5' or '3.1.1' (got '{options.ProtocolVersion}').");
        }

        if (options.KeepAlive < TimeSpan.FromSeconds(1) || options.KeepAlive > TimeSpan.FromSeconds(ushort.MaxValue))
        {
            failures.Add($"Mqtt:KeepAlive must be between 00:00:01 and 18:12:15 (got {options.KeepAlive}).");
        }

        if (options.ReconnectMinDelay <= TimeSpan.Zero)
        {
            failures.Add($"Mqtt:ReconnectMinDelay must be positive (got {options.ReconnectMinDelay}).");
        }

        if (options.ReconnectMaxDelay < options.ReconnectMinDelay)
        {
            failures.Add($"Mqtt:ReconnectMaxDelay must not be shorter than Mqtt:ReconnectMinDelay (got {options.ReconnectMaxDelay}).");
        }

        OutboxOptionsValidator.Check(options.Outbox, failures);

        if (options.ShutdownTimeout < TimeSpan.Zero)
        {
            failures.Add($"Mqtt:ShutdownTimeout must not be negative (got {options.ShutdownTimeout}).");
        }

        if (options.TelemetryInterval < TimeSpan.Zero || (options.TelemetryInterval > TimeSpan.Zero && options.TelemetryInterval < TimeSpan.FromSeconds(1)))
        {
            failures.Add($"Mqtt:TelemetryInterval must be 00:00:00 (off) or at least 00:00:01 (got {options.TelemetryInterval}).");
        }

        if (options.HomeAssistant.Enabled && TopicLevel.Problem(options.HomeAssistant.Prefix) is { } prefixProblem)
        {
            failures.Add($"Mqtt:HomeAssistant:Prefix: {prefixProblem}");
        }

        if (!string.IsNullOrEmpty(options.PasswordFile))
        {
            if (!string.IsNullOrEmpty(options.Password))
            {
                failures.Add("Mqtt:PasswordFile: set either Mqtt:Password or Mqtt:PasswordFile, not both.");
            }
            else if (!File.Exists(options.PasswordFile))
            {
                failures.Add($"Mqtt:PasswordFile: '{options.PasswordFile}' does not exist.");
            }
        }

        failures.AddRange(MqttTls.Problems(options));
        if (!string.IsNullOrEmpty(options.ClientId) && options.ClientId.Length > 128)
        {
            failures.Add("Mqtt:ClientId must not be longer than 128 characters.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
