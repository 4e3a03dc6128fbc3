using System.Runtime.InteropServices;

namespace Sensact.Devices.Audio.Alsa;

/// <summary>
/// The part of libasound's PCM API the capture source uses (alsa-lib's <c>pcm.h</c>), bound by
/// source-generated P/Invoke. Every function returns 0 or a count on success and a negative errno on
/// failure (<see cref="StrError"/> words it).
/// </summary>
/// <remarks>
/// <c>snd_pcm_uframes_t</c> and <c>snd_pcm_sframes_t</c> are C <c>unsigned long</c> / <c>long</c>, so
/// pointer-sized on Linux (<see cref="nuint"/> / <see cref="nint"/>) on 32- and 64-bit alike.
/// </remarks>
internal static partial class AlsaNative
{
    /// <summary>The library's soname, as Debian's <c>libasound2</c> package installs it.</summary>
    public const string Library = "libasound.so.2";

    public const int StreamCapture = 1;
    public const int OpenNonBlocking = 1;
    public const int AccessRwInterleaved = 3;
    public const int FormatS16Le = 2;
    public const int TimestampTypeMonotonic = 1;

    public const int EPerm = 1;
    public const int ENoEnt = 2;
    public const int EIntr = 4;
    public const int ENxIo = 6;
    public const int EAgain = 11;
    public const int EAccess = 13;
    public const int EBusy = 16;
    public const int ENoDev = 19;
    public const int EInval = 22;
    public const int EPipe = 32;
    public const int EStrPipe = 86;

    private static readonly Lazy<bool> Loadable = new(() =>
    {
        if (!NativeLibrary.TryLoad(Library, typeof(AlsaNative).Assembly, null, out var handle))
        {
            return false;
        }

        NativeLibrary.Free(handle);
        return true;
    });

    /// <summary>Gets whether libasound.so.2 can be loaded on this machine.</summary>
    public static bool IsAvailable => Loadable.Value;

    /// <summary>Words an ALSA error code (negative errno or ALSA's own codes).</summary>
    public static string StrError(int error) =>
        Marshal.PtrToStringUTF8(snd_strerror(error)) ?? $"error {error}";

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int snd_pcm_open(out nint pcm, string name, int stream, int mode);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_close(nint pcm);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_nonblock(nint pcm, int nonblock);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_hw_params_malloc(out nint parameters);

    [LibraryImport(Library)]
    internal static partial void snd_pcm_hw_params_free(nint parameters);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_hw_params_any(nint pcm, nint parameters);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_hw_params_set_access(nint pcm, nint parameters, int access);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_hw_params_set_format(nint pcm, nint parameters, int format);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_hw_params_set_channels(nint pcm, nint parameters, uint channels);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_hw_params_set_rate(nint pcm, nint parameters, uint rate, int direction);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_hw_params_set_period_size_near(nint pcm, nint parameters, ref nuint frames, ref int direction);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_hw_params_set_buffer_size_near(nint pcm, nint parameters, ref nuint frames);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_hw_params(nint pcm, nint parameters);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_hw_params_get_period_size(nint parameters, out nuint frames, out int direction);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_hw_params_get_buffer_size(nint parameters, out nuint frames);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_sw_params_malloc(out nint parameters);

    [LibraryImport(Library)]
    internal static partial void snd_pcm_sw_params_free(nint parameters);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_sw_params_current(nint pcm, nint parameters);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_sw_params_set_tstamp_type(nint pcm, nint parameters, int type);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_sw_params(nint pcm, nint parameters);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_prepare(nint pcm);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_start(nint pcm);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_wait(nint pcm, int timeoutMilliseconds);

    [LibraryImport(Library)]
    internal static partial nint snd_pcm_readi(nint pcm, ref short buffer, nuint frames);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_recover(nint pcm, int error, int silent);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_status_malloc(out nint status);

    [LibraryImport(Library)]
    internal static partial void snd_pcm_status_free(nint status);

    [LibraryImport(Library)]
    internal static partial int snd_pcm_status(nint pcm, nint status);

    /// <summary>Reads the trigger time; <c>snd_htimestamp_t</c> is a <c>struct timespec</c> (two C longs).</summary>
    [LibraryImport(Library)]
    internal static partial void snd_pcm_status_get_trigger_htstamp(nint status, out Timespec timestamp);

    [LibraryImport(Library)]
    private static partial nint snd_strerror(int error);

    /// <summary>A C <c>struct timespec</c> with a <c>long</c> <c>time_t</c> (64-bit Linux, and 32-bit without time64).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal readonly struct Timespec
    {
        public readonly nint Seconds;
        public readonly nint Nanoseconds;

        public TimeSpan? ToTimeSpan() =>
            Seconds == 0 && Nanoseconds == 0 ? null : TimeSpan.FromSeconds(Seconds) + TimeSpan.FromTicks(Nanoseconds / 100);
    }
}
