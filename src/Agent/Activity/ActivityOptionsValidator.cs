using Microsoft.Extensions.Options;
using Sensact.Devices.Replay;

namespace Sensact.Agent.Activity;

/// <summary>Checks the activity pipeline's settings and its IMU replay source at start.</summary>
internal sealed class ActivityOptionsValidator : IValidateOptions<ActivityOptions>, IValidateOptions<ImuReplayOptions>
{
    public ValidateOptionsResult Validate(string? name, ActivityOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Model))
        {
            failures.Add("Activity:Model must name the ONNX model file.");
        }

        failures.AddRange(options.Delivery.Validate().Select(problem => $"Activity:Delivery:{problem}"));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public ValidateOptionsResult Validate(string? name, ImuReplayOptions options)
    {
        var failures = options.Validate().Select(problem => $"Imu:Replay:{problem}").ToList();
        if (!string.IsNullOrWhiteSpace(options.Path))
        {
            if (!File.Exists(options.Path) && !Directory.Exists(options.Path))
            {
                failures.Add($"Imu:Replay:Path: '{options.Path}' does not exist.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
