using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sensact.Devices.Imu;

/// <summary>
/// Reads IMU recordings stored as CSV, in either of two layouts told apart by the first line, and
/// returns readings in SI units (see <see cref="ImuSample"/>):
/// <list type="bullet">
/// <item><description>STM32 (no header): one reading a line, <c>x, y, z</c> acceleration in milli-g
/// (the STM32 human-activity data set), at a rate the file does not say (the replay's <c>SampleRateHz</c>);
/// converted at read, × 9.80665 / 1000.</description></item>
/// <item><description>Generic: the header <c>t,ax,ay,az</c> or <c>t,ax,ay,az,gx,gy,gz</c>, then
/// <c>t</c> in seconds (strictly increasing), acceleration in m/s² and angular velocity in rad/s.</description></item>
/// </list>
/// Recordings live in one folder per activity.
/// </summary>
public static class ImuCsv
{
    /// <summary>The header of a generic recording with accelerometer readings only.</summary>
    public const string AccelerometerHeader = "t,ax,ay,az";

    /// <summary>The header of a generic recording with accelerometer and gyroscope readings.</summary>
    public const string ImuHeader = "t,ax,ay,az,gx,gy,gz";

    private const double MetresPerSecondSquaredPerMilliG = ImuSample.StandardGravity / 1000;

    /// <summary>Parses one line of an STM32 recording, <c>x, y, z</c> in milli-g, into m/s².</summary>
    /// <param name="line">The line, with or without surrounding white space.</param>
    /// <param name="sample">The reading, in m/s², when the line is well formed.</param>
    /// <returns><c>true</c> when the line held exactly three finite numbers.</returns>
    public static bool TryParseLine(ReadOnlySpan<char> line, out ImuSample sample) =>
        TryParseStm32(line, MetresPerSecondSquaredPerMilliG, out sample);

    /// <summary>Parses one data line of a generic recording: <c>t, ax, ay, az</c> and, when <paramref name="gyroscope"/>, <c>gx, gy, gz</c>.</summary>
    /// <param name="line">The line.</param>
    /// <param name="gyroscope">Whether the recording's header names the gyroscope's columns.</param>
    /// <param name="seconds">The reading's time, in seconds.</param>
    /// <param name="sample">The reading (m/s², rad/s).</param>
    /// <returns><c>true</c> when the line held exactly the header's number of finite numbers.</returns>
    public static bool TryParseGenericLine(ReadOnlySpan<char> line, bool gyroscope, out double seconds, out ImuSample sample)
    {
        seconds = 0;
        sample = default;
        Span<double> values = stackalloc double[7];
        var count = gyroscope ? 7 : 4;
        if (!TryParseNumbers(line, values[..count]))
        {
            return false;
        }

        var acceleration = new Vector3((float)values[1], (float)values[2], (float)values[3]);
        var angularVelocity = gyroscope ? new Vector3((float)values[4], (float)values[5], (float)values[6]) : Vector3.Zero;
        if (!IsFinite(acceleration) || !IsFinite(angularVelocity))
        {
            return false;
        }

        seconds = values[0];
        sample = gyroscope ? new ImuSample(acceleration, angularVelocity) : new ImuSample(acceleration);
        return true;
    }

    /// <summary>
    /// Reads one recording of either layout; malformed lines (and, in a generic recording, lines whose
    /// time does not increase) are counted and skipped, blank lines ignored. A file with malformed
    /// lines gets one warning, with their count and the number of the first.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="label">The activity label, or <c>null</c> to take the name of the file's folder.</param>
    /// <param name="logger">Where to warn about malformed lines (once per file).</param>
    /// <returns>The recording, in SI units.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static ImuRecording ReadFile(string path, string? label = null, ILogger? logger = null) =>
        ReadFile(path, label, logger, MetresPerSecondSquaredPerMilliG);

    /// <summary>
    /// Reads every <c>*.csv</c> under <paramref name="root"/>, one folder per activity
    /// (<c>root/walking/*.csv</c>), in a stable order (by path).
    /// </summary>
    /// <param name="root">The data set folder.</param>
    /// <param name="logger">Where to warn about malformed lines (once per file that has any).</param>
    /// <returns>The recordings, ordered by path, in SI units.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<ImuRecording> ReadDataSet(string root, ILogger? logger = null) =>
        ReadDataSet(root, logger, MetresPerSecondSquaredPerMilliG);

    /// <summary>
    /// Reads a data set keeping STM32 readings in the file's milli-g (<paramref name="stm32Scale"/> = 1):
    /// the activity trainer reproduces the shipped model from the recorded values bit for bit.
    /// </summary>
    internal static IReadOnlyList<ImuRecording> ReadDataSet(string root, ILogger? logger, double stm32Scale)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"IMU data set folder '{root}' does not exist.");
        }

        return Directory.EnumerateFiles(root, "*.csv", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => ReadFile(file, null, logger, stm32Scale))
            .ToList();
    }

    /// <summary>Tells a generic header line: 0 when it is none, else the number of columns (4 or 7).</summary>
    internal static int HeaderColumns(ReadOnlySpan<char> line)
    {
        Span<char> compact = stackalloc char[32];
        var length = 0;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (length == compact.Length)
            {
                return 0;
            }

            compact[length++] = char.ToLowerInvariant(c);
        }

        var header = compact[..length];
        return header.SequenceEqual(ImuHeader) ? 7 : header.SequenceEqual(AccelerometerHeader) ? 4 : 0;
    }

    private static ImuRecording ReadFile(string path, string? label, ILogger? logger, double stm32Scale)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        logger ??= NullLogger.Instance;
        var samples = new List<ImuSample>();
        List<TimeSpan>? times = null;
        var columns = -1;
        double first = 0, last = double.NegativeInfinity;
        var malformed = 0;
        var firstMalformed = 0;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (columns < 0)
            {
                // The first line tells the layout: a generic header, or an STM32 reading.
                columns = HeaderColumns(line);
                if (columns > 0)
                {
                    times = [];
                    continue;
                }
            }

            bool ok;
            if (times is null)
            {
                ok = TryParseStm32(line, stm32Scale, out var sample);
                if (ok)
                {
                    samples.Add(sample);
                }
            }
            else
            {
                ok = TryParseGenericLine(line, columns == 7, out var seconds, out var sample) && seconds > last;
                if (ok)
                {
                    first = times.Count == 0 ? seconds : first;
                    last = seconds;
                    times.Add(TimeSpan.FromTicks((long)Math.Round((seconds - first) * TimeSpan.TicksPerSecond)));
                    samples.Add(sample);
                }
            }

            if (!ok)
            {
                firstMalformed = malformed == 0 ? lineNumber : firstMalformed;
                malformed++;
            }
        }

        if (malformed > 0)
        {
            logger.LogWarning(
                "Skipped {Count} malformed IMU line(s) in {File} (first at line {FirstLine}): expected {Layout}",
                malformed, path, firstMalformed, times is null ? "'x, y, z' in milli-g" : "'t, ax, ay, az[, gx, gy, gz]' with t increasing");
        }

        label ??= Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        return new ImuRecording(Path.GetFileNameWithoutExtension(path), label, samples, malformed, times);
    }

    private static bool TryParseStm32(ReadOnlySpan<char> line, double scale, out ImuSample sample)
    {
        sample = default;
        Span<double> axes = stackalloc double[3];
        if (!TryParseNumbers(line, axes))
        {
            return false;
        }

        // Rounded once, from the parsed double: the closest float to the reading in the target unit.
        var acceleration = new Vector3((float)(axes[0] * scale), (float)(axes[1] * scale), (float)(axes[2] * scale));
        if (!IsFinite(acceleration))
        {
            return false;
        }

        sample = new ImuSample(acceleration);
        return true;
    }

    // A number too large for a float becomes infinite when it is narrowed.
    private static bool IsFinite(Vector3 v) => float.IsFinite(v.X) && float.IsFinite(v.Y) && float.IsFinite(v.Z);

    private static bool TryParseNumbers(ReadOnlySpan<char> line, Span<double> values)
    {
        var count = 0;
        foreach (var range in line.Split(','))
        {
            if (count == values.Length
                || !double.TryParse(line[range].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value))
            {
                return false;
            }

            values[count++] = value;
        }

        return count == values.Length;
    }
}
