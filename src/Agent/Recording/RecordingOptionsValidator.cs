using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Sensact.Agent.Sensors;
using Sensact.Devices.Recording;

namespace Sensact.Agent.Recording;

/// <summary>Checks the <c>Recording</c> section at start: its limits, and that the sensors it names are declared.</summary>
internal sealed class RecordingOptionsValidator(IConfiguration configuration) : IValidateOptions<RecordingOptions>
{
    public ValidateOptionsResult Validate(string? name, RecordingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = options.Validate().Select(problem => $"{RecordingOptions.Section}:{problem}").ToList();
        var declared = configuration.GetSection(AgentSensors.Section).GetChildren().Select(s => s.Key).ToList();
        foreach (var sensor in options.Sensors.Where(s => !string.IsNullOrWhiteSpace(s) && !declared.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            failures.Add($"{RecordingOptions.Section}:Sensors: '{sensor}' is not declared in the Sensors section (declared: {string.Join(", ", declared)}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
