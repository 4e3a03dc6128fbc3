using static Sensact.Devices.Audio.Alsa.AlsaNative;

namespace Sensact.Devices.Audio.Alsa;

/// <summary>What an ALSA failure means for the person who configured the device, and what to check.</summary>
internal static class AlsaMessages
{
    private const string ListDevices =
        "List the capture devices with `arecord -l` (package alsa-utils): card N, device M is `hw:N,M`, or `plughw:N,M` to let ALSA convert rate, format and channels";

    public static string OpenFailed(string device, int error) => -error switch
    {
        ENoEnt or ENoDev or ENxIo =>
            $"ALSA capture device '{device}' does not exist ({StrError(error)}). {ListDevices}; check that the microphone is plugged in (`lsusb`, `dmesg`) or, for an I2S microphone, that its dtoverlay is in /boot/firmware/config.txt.",
        EAccess or EPerm =>
            $"ALSA capture device '{device}' cannot be opened: permission denied ({StrError(error)}). The agent's user must be in the `audio` group (`sudo usermod -aG audio <user>`, then log in again; under systemd, `SupplementaryGroups=audio`).",
        EBusy =>
            $"ALSA capture device '{device}' is busy ({StrError(error)}): another program holds it (`fuser -v /dev/snd/*`). Stop it, or capture through a shared device (`default` or a `dsnoop` PCM).",
        _ =>
            $"ALSA capture device '{device}' cannot be opened ({StrError(error)}). {ListDevices}; check the `audio` group membership of the agent's user.",
    };

    public static string ConfigureFailed(string device, string what, int error) =>
        $"ALSA capture device '{device}' cannot capture {what} ({StrError(error)}). A `hw:` device takes only what the hardware does: use `plughw:` with the same card and device (or `default`) to let ALSA convert rate, format and channels; `arecord -D {device} --dump-hw-params -d 1 /dev/null` shows what it takes.";

    public static string CallFailed(string device, string call, int error) =>
        $"ALSA capture device '{device}': {call} failed ({StrError(error)}).";

    public static string CaptureFailed(string device, int error) => -error switch
    {
        ENoDev or ENxIo =>
            $"ALSA capture device '{device}' went away while capturing ({StrError(error)}): was the microphone unplugged? It is opened again with backoff.",
        _ =>
            $"ALSA capture from '{device}' failed ({StrError(error)}); it is opened again with backoff.",
    };

    public static string Stalled(string device, TimeSpan silence) =>
        $"ALSA capture device '{device}' delivered no audio for {silence.TotalSeconds:0.#} s; it is opened again with backoff.";

    public static string NotInstalled =>
        $"{Library} (ALSA's library) is not installed: `sudo apt-get install libasound2` (Debian, Raspberry Pi OS, Ubuntu before 24.04; `libasound2t64` after).";
}
