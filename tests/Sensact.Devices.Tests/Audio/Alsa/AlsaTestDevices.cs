using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sensact.Devices.Audio.Alsa;

namespace Sensact.Devices.Tests.Audio.Alsa;

/// <summary>
/// ALSA devices for tests without a sound card: an ALSA configuration that includes the system one
/// and adds <c>file</c> PCMs (ALSA's <c>null</c> capture with the samples of a raw S16 file written
/// over it), made known to libasound through <c>ALSA_CONFIG_PATH</c> before any test runs.
/// </summary>
/// <remarks>
/// <para>
/// Why a module initializer and the C library's <c>setenv</c>: libasound reads
/// <c>ALSA_CONFIG_PATH</c> with <c>getenv</c> whenever a PCM is opened (<c>snd_config_update</c>
/// reloads the configuration when the list of files it names has changed). On Linux,
/// <see cref="Environment.SetEnvironmentVariable(string, string)"/> changes only .NET's own copy of
/// the environment, which native code never sees, so the variable is set with libc's <c>setenv</c>.
/// <c>setenv</c> is not safe while other threads read the environment, so it runs in the module
/// initializer, when the test assembly is loaded and before the test framework starts any test
/// thread. Every test in the process then sees the same configuration: the system's devices
/// (<c>null</c> among them) plus the ones below.
/// </para>
/// <para>
/// The <c>file</c> plugin opens its <c>infile</c> when the PCM is opened and delivers data as fast as
/// it is read, with no real-time pacing. Past the end of the file it does not deliver silence but repeats
/// stale samples of its ring buffer (seen here with alsa-lib 1.2.8), so a test writes a file at least
/// as long as what it captures.
/// </para>
/// </remarks>
internal static partial class AlsaTestDevices
{
    /// <summary>A mono capture device that plays <see cref="MonoFile"/>.</summary>
    public const string Mono = "sensact_test_mono";

    /// <summary>A capture device that plays <see cref="StereoFile"/>.</summary>
    public const string Stereo = "sensact_test_stereo";

    private const string SystemConfig = "/usr/share/alsa/alsa.conf";

    /// <summary>Gets the folder the configuration and raw files live in (one per test process).</summary>
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "sensact-tests", $"alsa-{Environment.ProcessId}");

    /// <summary>Gets the raw S16_LE file <see cref="Mono"/> plays; a test writes it before opening the device.</summary>
    public static string MonoFile => Path.Combine(Folder, "mono.raw");

    /// <summary>Gets the raw interleaved S16_LE file <see cref="Stereo"/> plays.</summary>
    public static string StereoFile => Path.Combine(Folder, "stereo.raw");

    /// <summary>Gets why ALSA tests cannot run here, or <c>null</c> when they can.</summary>
    public static string? Unavailable { get; private set; }

    /// <summary>Writes <paramref name="samples"/> as raw little-endian S16 to <paramref name="path"/>.</summary>
    public static void WriteRaw(string path, ReadOnlySpan<short> samples) =>
        File.WriteAllBytes(path, MemoryMarshal.AsBytes(samples).ToArray());

#pragma warning disable CA2255 // A module initializer is the one point before any test thread exists (see remarks).
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Initialize()
    {
        if (!AlsaNative.IsAvailable)
        {
            Unavailable = "libasound.so.2 is not installed (apt-get install libasound2); .ci/run installs it.";
            return;
        }

        if (!File.Exists(SystemConfig))
        {
            Unavailable = $"ALSA's configuration {SystemConfig} is missing (package libasound2-data).";
            return;
        }

        Directory.CreateDirectory(Folder);
        var config = Path.Combine(Folder, "asound.conf");
        File.WriteAllText(config, $$"""
            <{{SystemConfig}}>
            pcm.{{Mono}} { type file slave.pcm "null" file "/dev/null" infile "{{MonoFile}}" format "raw" }
            pcm.{{Stereo}} { type file slave.pcm "null" file "/dev/null" infile "{{StereoFile}}" format "raw" }

            """);
        if (SetEnv("ALSA_CONFIG_PATH", config, 1) != 0)
        {
            Unavailable = "could not set ALSA_CONFIG_PATH with setenv.";
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(Folder, recursive: true);
    }

    [LibraryImport("libc.so.6", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}
