using Microsoft.Extensions.Options;
using Sensact.Agent.Mqtt;

namespace Sensact.Agent.Hosting;

/// <summary>Checks <see cref="AgentOptions"/>: fleet and id must be usable as single MQTT topic levels.</summary>
internal sealed class AgentOptionsValidator : IValidateOptions<AgentOptions>
{
    public ValidateOptionsResult Validate(string? name, AgentOptions options)
    {
        var failures = new List<string>();
        Check(failures, "Agent:Fleet", options.Fleet);
        Check(failures, "Agent:Id", options.Id);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, string? value)
    {
        if (TopicLevel.Problem(value) is { } problem)
        {
            failures.Add($"{key}: {problem}");
        }
    }
}
