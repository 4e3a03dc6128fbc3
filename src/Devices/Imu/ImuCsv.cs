using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sensact.Devices.Imu;

/// <summary>
/// Reads accelerometer recordings stored as CSV: one reading a line, <c>x, y, z</c> in milli-g
/// (the layout of the STM32 human-activity data set). Recordings live in one folder per activity.
/// </summary>
public static class ImuCsv
{
    /// <summary>Parses one line of <c>x, y, z</c>.</summary>
    /// <param name="line">The line, with or without surrounding white space.</param>
    /// <param name="sample">The reading when the line is well formed.</param>
    /// <returns><c>true</c> when the line held exactly three finite numbers.</returns>
    public static bool TryParseLine(ReadOnlySpan<char> line, out ImuSample sample)
    {
        sample = default;
        Span<float> axes = stackalloc float[3];
        var axis = 0;
        foreach (var range in line.Split(','))
        {
            if (axis == 3 || !float.TryParse(line[range].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !float.IsFinite(value))
            {
                return false;
            }

            axes[axis++] = value;
        }

        if (axis != 3)
        {
            return false;
        }

        sample = new ImuSample(new Vector3(axes[0], axes[1], axes[2]));
        return true;
    }

    /// <summary>
    /// Reads one recording; malformed lines are counted and skipped, blank lines ignored. A file with
    /// malformed lines gets one warning, with their count and the number of the first.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="label">The activity label, or <c>null</c> to take the name of the file's folder.</param>
    /// <param name="logger">Where to warn about malformed lines (once per file).</param>
    /// <returns>The recording.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static ImuRecording ReadFile(string path, string? label = null, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        logger ??= NullLogger.Instance;
        var samples = new List<ImuSample>();
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

            if (TryParseLine(line, out var sample))
            {
                samples.Add(sample);
            }
            else
            {
                if (malformed == 0)
                {
                    firstMalformed = lineNumber;
                }

                malformed++;
            }
        }

        if (malformed > 0)
        {
            logger.LogWarning(
                "Skipped {Count} malformed IMU line(s) in {File} (first at line {FirstLine}): expected 'x, y, z' in milli-g",
                malformed, path, firstMalformed);
        }

        label ??= Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        return new ImuRecording(Path.GetFileNameWithoutExtension(path), label, samples, malformed);
    }

    /// <summary>
    /// Reads every <c>*.csv</c> under <paramref name="root"/>, one folder per activity
    /// (<c>root/walking/*.csv</c>), in a stable order (by path).
    /// </summary>
    /// <param name="root">The data set folder.</param>
    /// <param name="logger">Where to warn about malformed lines (once per file that has any).</param>
    /// <returns>The recordings, ordered by path.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<ImuRecording> ReadDataSet(string root, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"IMU data set folder '{root}' does not exist.");
        }

        return Directory.EnumerateFiles(root, "*.csv", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => ReadFile(file, logger: logger))
            .ToList();
    }
}
