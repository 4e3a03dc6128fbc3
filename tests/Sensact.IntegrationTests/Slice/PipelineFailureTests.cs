using System.Text;
using Sensact.Agent.Hosting;
using Sensact.IntegrationTests.Fixtures;

namespace Sensact.IntegrationTests.Slice;

/// <summary>A pipeline that fails while running ends the process with a non-zero exit code, so systemd restarts it.</summary>
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

    private sealed class BrokenConsole : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw new IOException("Broken pipe");

        public override void WriteLine(string? value) => throw new IOException("Broken pipe");
    }
}
