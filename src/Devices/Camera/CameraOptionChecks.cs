using static System.FormattableString;

namespace Sensact.Devices.Camera;

/// <summary>The checks the camera drivers' options share: size and frame rate.</summary>
internal static class CameraOptionChecks
{
    /// <summary>The largest width or height accepted (8K).</summary>
    public const int MaxSide = 8192;

    public static void CheckSize(List<string> errors, int width, int height, bool evenWidth)
    {
        if (width is <= 0 or > MaxSide)
        {
            errors.Add(Invariant($"Width must be between 1 and {MaxSide} pixels (got {width})."));
        }
        else if (evenWidth && width % 2 != 0)
        {
            errors.Add(Invariant($"Width must be even for YUYV, where two pixels share their colour (got {width})."));
        }

        if (height is <= 0 or > MaxSide)
        {
            errors.Add(Invariant($"Height must be between 1 and {MaxSide} pixels (got {height})."));
        }
    }

    public static void CheckFrameRate(List<string> errors, double frameRateHz)
    {
        if (!(frameRateHz > 0) || frameRateHz > 1000)
        {
            errors.Add(Invariant($"FrameRateHz must be greater than 0 and at most 1000 (got {frameRateHz})."));
        }
    }
}
