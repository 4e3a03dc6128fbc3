using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sensact.Agent.Mqtt;
using Sensact.Agent.Trajectories;

namespace Sensact.Agent.Hosting;

/// <summary>Runs the agent as a process: start-up errors become a message and an exit code.</summary>
internal static class AgentApp
{
    /// <summary>Runs until stopped (signal, <c>--duration</c>, failure) and returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        // Offline sub-commands run instead of the agent, before any host is built.
        if (args is [ScoreTracksCommand.Name, .. var scoreArgs])
        {
            return ScoreTracksCommand.Run(scoreArgs, output, error);
        }

        IHost host;
        try
        {
            var commandLine = AgentCommandLine.Parse(args);
            if ((commandLine.Help || commandLine.Version) && commandLine.Problems.Count == 0)
            {
                output.WriteLine(commandLine.Help ? AgentCommandLine.Usage : $"sensact-agent {AgentVersion.Value}");
                return ExitCodes.Success;
            }

            host = AgentHost.Build(commandLine);
        }
        catch (Exception ex) when (ex is AgentStartupException or InvalidDataException or FormatException)
        {
            return Refuse(error, ex is AgentStartupException startup ? startup.Problems : [ex.Message]);
        }

        using (host)
        {
            try
            {
                // Validate options and construct the services (which loads the models) before the
                // host starts anything, so configuration problems stop the agent with a short message.
                host.Services.GetService<IStartupValidator>()?.Validate();
                var services = host.Services.GetServices<IHostedService>().ToList();

                // The embedded broker's port is probed here rather than left to fail in StartAsync: the
                // host logs any failure there as "Hosting failed to start" with a stack trace before this
                // method could print the one-line reason, and a logging filter cannot single out that
                // event (filters see category and level, not event ids), so it would also hide a real
                // failure of another service. If another process takes the port between the probe and
                // the start, the broker still fails with the same message, after the host's log.
                foreach (var broker in services.OfType<EmbeddedBroker>())
                {
                    broker.EnsurePortAvailable();
                }

                await host.StartAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (StartupProblems(ex) is { } problems)
            {
                await host.StopAsync().ConfigureAwait(false);
                return Refuse(error, problems);
            }

            await host.WaitForShutdownAsync().ConfigureAwait(false);
            var exitCode = host.Services.GetRequiredService<AgentExitCode>().Value;
            var crashed = host.Services.GetServices<IHostedService>().OfType<BackgroundService>().Any(s => s.ExecuteTask?.IsFaulted == true);
            return crashed && exitCode == ExitCodes.Success ? ExitCodes.RuntimeFailure : exitCode;
        }
    }

    /// <summary>Returns the messages for a configuration problem found at start, or null for any other failure.</summary>
    private static List<string>? StartupProblems(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Select(StartupProblems).ToList() is var all && all.TrueForAll(p => p is not null)
            ? [.. all.SelectMany(p => p!)]
            : null,
        OptionsValidationException validation => [.. validation.Failures],
        AgentStartupException startup => [.. startup.Problems],
        _ => null,
    };

    private static int Refuse(TextWriter error, IReadOnlyList<string> problems)
    {
        error.WriteLine("sensact-agent: cannot start:");
        foreach (var problem in problems)
        {
            error.WriteLine($"  {problem}");
        }

        return ExitCodes.ConfigurationError;
    }
}
