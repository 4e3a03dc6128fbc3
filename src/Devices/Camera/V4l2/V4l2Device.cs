using System.Runtime.InteropServices;
using System.Text;

namespace Sensact.Devices.Camera.V4l2;

/// <summary>One opened V4L2 device node: opening with messages that say what to check, and the capability query.</summary>
internal sealed unsafe class V4l2Device : IDisposable
{
    private V4l2Device(string path, int fd, string card, uint capabilities)
    {
        Path = path;
        Fd = fd;
        Card = card;
        Capabilities = capabilities;
    }

    public string Path { get; }

    public int Fd { get; private set; }

    /// <summary>Gets the device's name as its driver reports it (for example <c>HD Pro Webcam C920</c>).</summary>
    public string Card { get; }

    public uint Capabilities { get; }

    /// <summary>Opens <paramref name="path"/> and checks it is a streaming video-capture device.</summary>
    /// <exception cref="IOException">It cannot be opened or is not such a device; the message says what to check.</exception>
    public static V4l2Device Open(string path)
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            throw new IOException($"Camera device '{path}': the v4l2 driver runs on 64-bit Linux (arm64, x64) only.");
        }

        if (!File.Exists(path))
        {
            throw new IOException(
                $"Camera device '{path}' does not exist. Check that the camera is plugged in (cable, USB port), list the video devices with " +
                "'v4l2-ctl --list-devices' (package v4l-utils), and set Device to one of them.");
        }

        var fd = V4l2Interop.Open(path, V4l2Interop.OpenReadWrite | V4l2Interop.OpenNonBlocking | V4l2Interop.OpenCloseOnExec);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            var hint = errno is 1 or 13
                ? " Add the agent's user to the 'video' group (sudo usermod -aG video <user>, then log in again; under systemd: SupplementaryGroups=video)."
                : " Check 'v4l2-ctl --list-devices' and the cable.";
            throw new IOException($"Camera device '{path}' cannot be opened: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno}).{hint}");
        }

        V4l2Interop.Capability capability;
        var error = V4l2Interop.Control(fd, V4l2Interop.QueryCapability, &capability);
        if (error != 0)
        {
            _ = V4l2Interop.Close(fd);
            throw new IOException(
                $"'{path}' is not a V4L2 video device ({Marshal.GetPInvokeErrorMessage(error)}); set Device to a camera from 'v4l2-ctl --list-devices'.");
        }

        var capabilities = (capability.Capabilities & V4l2Interop.CapabilityDeviceCaps) != 0 ? capability.DeviceCapabilities : capability.Capabilities;
        var card = Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(capability.Card));
        var required = V4l2Interop.CapabilityVideoCapture | V4l2Interop.CapabilityStreaming;
        if ((capabilities & required) != required)
        {
            _ = V4l2Interop.Close(fd);
            throw new IOException(
                $"'{path}' ({card}) is not a streaming video-capture node (a webcam often has a second, metadata-only node); " +
                "pick another from 'v4l2-ctl --list-devices'.");
        }

        return new V4l2Device(path, fd, card, capabilities);
    }

    /// <summary>Checks, before an agent starts, that <paramref name="path"/> opens as a video-capture device.</summary>
    /// <returns>What is wrong and what to check, or <c>null</c> when it opens.</returns>
    public static string? FindProblem(string path)
    {
        try
        {
            using var device = Open(path);
            return null;
        }
        catch (IOException error)
        {
            return error.Message;
        }
    }

    /// <summary>Runs an ioctl; throws naming the device and <paramref name="what"/> when it fails.</summary>
    public void Control(nuint request, void* argument, string what)
    {
        var error = V4l2Interop.Control(Fd, request, argument);
        if (error != 0)
        {
            var hint = error == 16 ? " Another program is using the camera (check with 'fuser " + Path + "')." : string.Empty;
            throw new IOException($"Camera device '{Path}': {what} failed: {Marshal.GetPInvokeErrorMessage(error)} (errno {error}).{hint}");
        }
    }

    public void Dispose()
    {
        if (Fd >= 0)
        {
            _ = V4l2Interop.Close(Fd);
            Fd = -1;
        }
    }
}
