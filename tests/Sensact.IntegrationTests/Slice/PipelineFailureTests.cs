using System.Text;
using Sensact.Agent.Hosting;
using Sensact.IntegrationTests.Fixtures;

namespace Sensact.IntegrationTests.Slice;

/// <summary>
/// An application that keeps failing is restarted, then given up; when no application can run, the
/// process ends with a non-zero exit code, so systemd restarts it. An application whose source ends
/// completes, and an agent whose applications have all completed exits 0.
/// </summary>
public sealed class PipelineFailureTests
{
    [Fact]
    public async Task RunAsync_PipelineFailsWhileRunning_ExitsWithRuntimeFailure()
    {
        // The decision line cannot be written (as when the console is gone): the pipeline fails.
        var original = Console.Out;
        Console.SetOut(new BrokenConsole());
        try
        {
            using var error = new StringWriter();
            string[] args =
            [
                $"--Mqtt:Port={FreePort.Next()}",
                "--Agent:Id=crashing",
                "--Sensors:imu:SpeedFactor=20",
                "--Apps:activity:Restart:MaxAttempts=2",
                "--Apps:activity:Restart:MinDelay=00:00:00.100",
                "--duration", "60",
                "--Logging:LogLevel:Default=None",
                "--Logging:LogLevel:Microsoft=None",
                "--Logging:LogLevel:Microsoft.Hosting.Lifetime=None",
            ];

            var exitCode = await AgentApp.RunAsync(args, TextWriter.Null, error).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

            Assert.Equal(ExitCodes.RuntimeFailure, exitCode);
        }
        finally
        {
            Console.SetOut(original);
        }
    }

    [Fact]
    public async Task RunAsync_EverySourceEnds_ExitsZero()
    {
        var folder = Directory.CreateTempSubdirectory("sensact-once-");
        try
        {
            var file = Path.Combine(folder.FullName, "walk.csv");
            var lines = await File.ReadAllLinesAsync(Path.Combine(AppContext.BaseDirectory, "data", "imu", "stm32-har", "walking", "walking_01_26Hz_4g_mg.csv"), TestContext.Current.CancellationToken);
            await File.WriteAllLinesAsync(file, lines.Take(200), TestContext.Current.CancellationToken);
            string[] args =
            [
                $"--Mqtt:Port={FreePort.Next()}",
                "--Agent:Id=once",
                $"--Sensors:imu:Path={file}",
                "--Sensors:imu:Loop=false",
                "--Sensors:imu:SpeedFactor=20",
                "--ConsoleView:Enabled=false",
                "--duration", "60",
                "--Logging:LogLevel:Default=None",
                "--Logging:LogLevel:Microsoft=None",
                "--Logging:LogLevel:Microsoft.Hosting.Lifetime=None",
            ];

            var exitCode = await AgentApp.RunAsync(args, TextWriter.Null, TextWriter.Null).WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

            Assert.Equal(ExitCodes.Success, exitCode);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed class BrokenConsole : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Broken pipe");

        public override void WriteLine(string? value) => throw new IOException("Broken pipe");
    }
}
