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

    /// <summary>Returns the path of a tool from mosquitto's packages (<c>mosquitto_passwd</c>, <c>mosquitto_rr</c>): they live in bin/ beside sbin/.</summary>
    public static string Tool(string name) =>
        Path.Combine(Path.GetDirectoryName(Executable!)!.Replace("/sbin", "/bin", StringComparison.Ordinal), name);

    public static void SkipIfMissing() =>
        Assert.SkipWhen(Executable is null, "mosquitto is not installed (apt-get install mosquitto); .ci/run installs it.");

    /// <summary>Starts mosquitto on <paramref name="port"/> (a free one when null) and waits until it accepts connections.</summary>
    /// <param name="port">The port, or null for a free one.</param>
    /// <param name="user">A user name and password the broker requires (anonymous clients are then refused), or null.</param>
    /// <param name="security">Users, an ACL and TLS, or null for none of them.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    public static async Task<MosquittoBroker> StartAsync(
        int? port = null, (string Name, string Password)? user = null, MosquittoSecurity? security = null, CancellationToken cancellationToken = default)
    {
        var chosen = port ?? FreePort.Next();
        var folder = Directory.CreateTempSubdirectory("sensact-mosquitto-").FullName;
        var config = Path.Combine(folder, "mosquitto.conf");
        var access = "allow_anonymous true\n";
        var users = (security?.Users ?? []).Concat(user is { } one ? [one] : []).ToList();
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        if (users.Count > 0)
        {
            var passwords = Path.Combine(folder, "passwords");
            foreach (var (name, password) in users)
            {
                string[] create = File.Exists(passwords) ? [] : ["-c"];
                using var passwd = Process.Start(Tool("mosquitto_passwd"), ["-b", .. create, passwords, name, password]);
                await passwd.WaitForExitAsync(cancellationToken);
            }

            // Started as root, mosquitto drops to its own user before it reads the password file.
            // (mosquitto runs on Linux only here: SkipIfMissing skips elsewhere.)
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(passwords, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            access = $"allow_anonymous false\npassword_file {passwords}\n";
        }

        if (security?.Acl is { } acl)
        {
            var aclFile = Path.Combine(folder, "acl");
            await File.WriteAllTextAsync(aclFile, acl, cancellationToken);
            access += $"acl_file {aclFile}\n";
        }

        var listener = $"listener {chosen} 127.0.0.1\n";
        if (security?.Tls is { } tls)
        {
            listener += $"cafile {tls.CaFile}\ncertfile {tls.ServerCertificateFile}\nkeyfile {tls.ServerKeyFile}\nrequire_certificate {(security.RequireCertificate ? "true" : "false")}\n";
        }

        await File.WriteAllTextAsync(config, $"{listener}{access}persistence false\n", cancellationToken);
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
