using System.Diagnostics;

namespace Sensact.IntegrationTests.Fixtures;

/// <summary>
/// The agent as a separate process (the build output's <c>sensact-agent.dll</c>), for what only a
/// process shows: exit codes, signals, and the broker's Last Will when it dies.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _outboxFolder;

    private AgentProcess(Process process, string? outboxFolder)
    {
        _process = process;
        _outboxFolder = outboxFolder;
    }

    /// <summary>
    /// Starts the agent with <paramref name="args"/>. Unless they name one, its outbox gets a fresh
    /// folder of its own, deleted with it.
    /// </summary>
    public static AgentProcess Start(params string[] args)
    {
        string? outboxFolder = null;
        if (!args.Any(arg => arg.StartsWith("--Mqtt:Outbox:Directory=", StringComparison.OrdinalIgnoreCase)))
        {
            outboxFolder = Directory.CreateTempSubdirectory("sensact-outbox-").FullName;
            args = [$"--Mqtt:Outbox:Directory={outboxFolder}", .. args];
        }

        var agent = Path.Combine(AppContext.BaseDirectory, "sensact-agent.dll");
        var process = Process.Start(new ProcessStartInfo("dotnet", [agent, "--ConsoleView:Enabled=false", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new AgentProcess(process, outboxFolder);
    }

    /// <summary>Ends the process at once (SIGKILL): no chance to say goodbye.</summary>
    public Task KillAsync()
    {
        _process.Kill();
        return _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Asks the process to stop (SIGTERM, as systemd does) and returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await _process.WaitForExitAsync(TestContext.Current.CancellationToken).WaitAsync(timeout, TestContext.Current.CancellationToken);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_outboxFolder is not null)
        {
            Directory.Delete(_outboxFolder, recursive: true);
        }
    }
}
