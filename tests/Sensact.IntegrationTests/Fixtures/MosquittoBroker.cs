using System.Diagnostics;
using System.Net.Sockets;

namespace Sensact.IntegrationTests.Fixtures;

/// <summary>
/// A real Mosquitto broker on a free loopback port, started by the test and stopped (by its PID)
/// when disposed. Tests call <see cref="SkipIfMissing"/> first: where mosquitto is not installed
/// they are skipped with the reason (CI installs it).
/// </summary>
internal sealed class MosquittoBroker : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private MosquittoBroker(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Gets the mosquitto executable, or null when it is not installed.</summary>
    public static string? Executable { get; } =
        new[] { "/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto" }.FirstOrDefault(File.Exists)
        ?? (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "mosquitto")).FirstOrDefault(File.Exists);

    public static void SkipIfMissing() =>
        Assert.SkipWhen(Executable is null, "mosquitto is not installed (apt-get install mosquitto); .ci/run installs it.");

    /// <summary>Starts mosquitto on <paramref name="port"/> (a free one when null) and waits until it accepts connections.</summary>
    public static async Task<MosquittoBroker> StartAsync(int? port = null, CancellationToken cancellationToken = default)
    {
        var chosen = port ?? FreePort.Next();
        var folder = Directory.CreateTempSubdirectory("sensact-mosquitto-").FullName;
        var config = Path.Combine(folder, "mosquitto.conf");
        await File.WriteAllTextAsync(config, $"listener {chosen} 127.0.0.1\nallow_anonymous true\npersistence false\n", cancellationToken);
        var process = Process.Start(new ProcessStartInfo(Executable!, ["-c", config])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var broker = new MosquittoBroker(process, folder, chosen);
        await broker.WaitUntilListeningAsync(cancellationToken);
        return broker;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with code {_process.ExitCode} before listening on port {Port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        throw new TimeoutException($"mosquitto did not listen on port {Port} within 5 s.");
    }
}
