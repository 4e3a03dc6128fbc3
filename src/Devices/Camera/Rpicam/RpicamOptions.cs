using System.Globalization;
using Sensact.Devices.Sensors;

namespace Sensact.Devices.Camera.Rpicam;

/// <summary>
/// Settings of the <c>rpicam</c> driver (a Raspberry Pi camera module through <c>rpicam-vid</c>):
/// <c>Sensors:{name}:Command</c>, <c>Width</c>, <c>Height</c>, <c>FrameRateHz</c> and <c>Arguments</c>.
/// </summary>
public sealed class RpicamOptions : SensorOptions
{
    /// <summary>Gets or sets the program to run: <c>rpicam-vid</c> (on PATH), or a path to it or to a stand-in.</summary>
    public string Command { get; set; } = "rpicam-vid";

    /// <summary>Gets or sets the frame width in pixels.</summary>
    public int Width { get; set; } = 640;

    /// <summary>Gets or sets the frame height in pixels.</summary>
    public int Height { get; set; } = 480;

    /// <summary>Gets or sets the frames per second asked of the camera.</summary>
    public double FrameRateHz { get; set; } = 15;

    /// <summary>Gets extra arguments appended to the command line (for example <c>--camera</c>, <c>1</c> or <c>--hflip</c>).</summary>
    public List<string> Arguments { get; } = [];

    /// <summary>Gets the whole argument list given to <see cref="Command"/>.</summary>
    /// <returns><c>-t 0 -n --codec mjpeg --width W --height H --framerate F -o -</c> followed by <see cref="Arguments"/>.</returns>
    public IReadOnlyList<string> CommandArguments() =>
    [
        "-t", "0", "-n", "--codec", "mjpeg",
        "--width", Width.ToString(CultureInfo.InvariantCulture),
        "--height", Height.ToString(CultureInfo.InvariantCulture),
        "--framerate", FrameRateHz.ToString(CultureInfo.InvariantCulture),
        "-o", "-",
        .. Arguments,
    ];

    /// <summary>Copies the options, so that a source keeps the values it was created with.</summary>
    /// <returns>A copy.</returns>
    public RpicamOptions Copy()
    {
        var copy = new RpicamOptions { Driver = Driver, Command = Command, Width = Width, Height = Height, FrameRateHz = FrameRateHz };
        copy.Arguments.AddRange(Arguments);
        return copy;
    }

    /// <summary>Checks the values, naming each bad one by its key.</summary>
    /// <returns>One message per bad value; empty when the options are valid.</returns>
    public IEnumerable<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Command))
        {
            errors.Add("Command must name the program to run, such as rpicam-vid (got an empty value).");
        }

        CameraOptionChecks.CheckSize(errors, Width, Height, evenWidth: false);
        CameraOptionChecks.CheckFrameRate(errors, FrameRateHz);
        return errors;
    }
}
