using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sensact.Agent.Hosting;
using Sensact.Agent.Apps;
using Sensact.Agent.Mqtt;
using Sensact.Agent.Sensors;

namespace Sensact.IntegrationTests.Fixtures;

/// <summary>A whole agent, built by the real composition root and run in this process.</summary>
internal sealed class AgentUnderTest : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string? _outboxFolder;

    private AgentUnderTest(IHost host, string fleet, string id, string? outboxFolder)
    {
        _host = host;
        _outboxFolder = outboxFolder;
        Fleet = fleet;
        Id = id;
    }

    public string Fleet { get; }

    public string Id { get; }

    public string TopicRoot => $"sensact/v1/{Fleet}/{Id}";

    public MqttLink Link => _host.Services.GetRequiredService<MqttLink>();

    public Outbox Outbox => _host.Services.GetRequiredService<Outbox>();

    public AgentSensors Sensors => _host.Services.GetRequiredService<AgentSensors>();

    public AppStates Apps => _host.Services.GetRequiredService<AppStates>();

    /// <summary>Runs a command as the link would, straight through the agent's command table.</summary>
    public System.Text.Json.Nodes.JsonNode? Command(string name, string arguments) =>
        _host.Services.GetServices<Sensact.Agent.Commands.ICommand>().Single(c => c.Name == name).Execute(System.Text.Json.Nodes.JsonNode.Parse(arguments)!.AsObject());

    /// <summary>
    /// Starts an agent; <paramref name="args"/> are extra command-line overrides. Unless they name one,
    /// the agent's outbox gets a fresh folder of its own, deleted with the agent.
    /// </summary>
    public static async Task<AgentUnderTest> StartAsync(string id, params string[] args)
    {
        const string fleet = "it";
        string? outboxFolder = null;
        if (!args.Any(arg => arg.StartsWith("--Mqtt:Outbox:Directory=", StringComparison.OrdinalIgnoreCase)))
        {
            outboxFolder = Directory.CreateTempSubdirectory("sensact-outbox-").FullName;
            args = [$"--Mqtt:Outbox:Directory={outboxFolder}", .. args];
        }

        string[] all =
        [
            $"--Agent:Fleet={fleet}",
            $"--Agent:Id={id}",
            "--ConsoleView:Enabled=false",
            "--Sensors:imu:SpeedFactor=20",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning",
            .. args,
        ];
        var host = AgentHost.Build(AgentCommandLine.Parse(all));
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new AgentUnderTest(host, fleet, id, outboxFolder);
    }

    /// <summary>Waits until the agent has connected to its broker (and so published its status).</summary>
    public async Task WaitUntilConnectedAsync()
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (Link.Connections == 0 || !Link.IsConnected)
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/>.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        while (!condition())
        {
            await Task.Delay(20, deadline.Token);
        }
    }

    public Task StopAsync() => _host.StopAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        if (_outboxFolder is not null)
        {
            Directory.Delete(_outboxFolder, recursive: true);
        }
    }
}
