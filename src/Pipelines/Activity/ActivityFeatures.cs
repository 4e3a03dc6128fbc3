using System.Buffers;
using Sensact.Devices.Imu;

namespace Sensact.Pipelines.Activity;

/// <summary>
/// Turns a window of accelerometer readings into the feature vector the activity classifier reads.
/// </summary>
/// <remarks>
/// Every feature is computed from quantities that do not change when the sensor is rotated
/// (the magnitude of acceleration, the length of the mean vector, the total variance and the
/// sorted per-axis spreads), because the board may sit on a wrist, in a hand or in a pocket.
/// Readings are in SI units (m/s²); the model works in g, and <see cref="Extract"/> converts in one
/// place (dividing by <see cref="ImuSample.StandardGravity"/>), per reading, without allocating.
/// Frequencies are in cycles per sample (multiply by the sample rate
/// for hertz), so the features do not depend on a sample rate they are not told.
/// </remarks>
public static class ActivityFeatures
{
    private const int StackLimit = 1024;

    // Band edges in cycles per sample: 0.04 ~ 1 Hz and 0.12 ~ 3 Hz at 26 Hz.
    private const double LowBandEdge = 0.04;
    private const double MidBandEdge = 0.12;

    private static readonly string[] FeatureNames =
    [
        "magnitude_mean",
        "magnitude_std",
        "magnitude_min",
        "magnitude_max",
        "magnitude_range",
        "magnitude_mean_abs_deviation",
        "magnitude_skewness",
        "magnitude_mean_abs_diff",
        "magnitude_mean_crossing_rate",
        "vector_mean_abs_diff",
        "gravity_fraction",
        "total_axis_std",
        "axis_std_largest",
        "axis_std_smallest",
        "dominant_frequency",
        "dominant_power_fraction",
        "low_band_power_fraction",
        "mid_band_power_fraction",
    ];

    /// <summary>Gets the number of features <see cref="Extract"/> writes.</summary>
    public static int Count => FeatureNames.Length;

    /// <summary>Gets the features' names, in the order <see cref="Extract"/> writes them.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.AsReadOnly(FeatureNames);

    /// <summary>Computes the features of one window without allocating on the managed heap.</summary>
    /// <param name="window">The readings, oldest first; at least two.</param>
    /// <param name="destination">Where the <see cref="Count"/> features are written, in <see cref="Names"/> order.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="window"/> holds fewer than two readings, or <paramref name="destination"/> is shorter than <see cref="Count"/>.
    /// </exception>
    public static void Extract(ReadOnlySpan<ImuSample> window, Span<float> destination) =>
        ExtractInUnits(window, destination, ImuSample.StandardGravity);

    /// <summary>
    /// Computes the features of a window whose accelerations are in a unit of which
    /// <paramref name="unitsPerG"/> make 1 g: <see cref="ImuSample.StandardGravity"/> for m/s² (the
    /// agent), 1000 for the STM32 recordings' milli-g (the trainer, which so reproduces the shipped
    /// model bit for bit: converting milli-g to float m/s² and back changes the last bit of some features).
    /// </summary>
    internal static void ExtractInUnits(ReadOnlySpan<ImuSample> window, Span<float> destination, double unitsPerG)
    {
        if (window.Length < 2)
        {
            throw new ArgumentException($"An activity window needs at least 2 readings; it has {window.Length}.", nameof(window));
        }

        if (destination.Length < Count)
        {
            throw new ArgumentException($"The destination holds {destination.Length} values; {Count} features are written.", nameof(destination));
        }

        double[]? rented = null;
        var magnitude = window.Length <= StackLimit
            ? stackalloc double[window.Length]
            : (rented = ArrayPool<double>.Shared.Rent(window.Length)).AsSpan(0, window.Length);
        try
        {
            Compute(window, unitsPerG, magnitude, destination);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    private static void Compute(ReadOnlySpan<ImuSample> window, double unitsPerG, Span<double> magnitude, Span<float> destination)
    {
        var n = window.Length;
        double sumX = 0, sumY = 0, sumZ = 0, sumXx = 0, sumYy = 0, sumZz = 0;
        double sum = 0, min = double.MaxValue, max = double.MinValue, vectorDiff = 0;
        for (var i = 0; i < n; i++)
        {
            // The one place where readings leave their unit: the model was trained on g.
            double x = window[i].Acceleration.X / unitsPerG, y = window[i].Acceleration.Y / unitsPerG, z = window[i].Acceleration.Z / unitsPerG;
            sumX += x;
            sumY += y;
            sumZ += z;
            sumXx += x * x;
            sumYy += y * y;
            sumZz += z * z;
            var m = Math.Sqrt((x * x) + (y * y) + (z * z));
            magnitude[i] = m;
            sum += m;
            min = Math.Min(min, m);
            max = Math.Max(max, m);
            if (i > 0)
            {
                var d = window[i].Acceleration - window[i - 1].Acceleration;
                vectorDiff += d.Length() / unitsPerG;
            }
        }

        var mean = sum / n;
        double m2 = 0, m3 = 0, absDeviation = 0, absDiff = 0;
        var crossings = 0;
        for (var i = 0; i < n; i++)
        {
            var d = magnitude[i] - mean;
            m2 += d * d;
            m3 += d * d * d;
            absDeviation += Math.Abs(d);
            if (i > 0)
            {
                absDiff += Math.Abs(magnitude[i] - magnitude[i - 1]);
                if ((magnitude[i - 1] - mean < 0) != (d < 0))
                {
                    crossings++;
                }
            }
        }

        var variance = m2 / n;
        var std = Math.Sqrt(variance);
        var skewness = variance > 1e-12 ? m3 / n / (variance * std) : 0;

        var varX = Math.Max(0, (sumXx / n) - ((sumX / n) * (sumX / n)));
        var varY = Math.Max(0, (sumYy / n) - ((sumY / n) * (sumY / n)));
        var varZ = Math.Max(0, (sumZz / n) - ((sumZ / n) * (sumZ / n)));
        var meanVector = Math.Sqrt(((sumX / n) * (sumX / n)) + ((sumY / n) * (sumY / n)) + ((sumZ / n) * (sumZ / n)));

        Spectrum(magnitude, mean, out var dominantFrequency, out var dominantFraction, out var lowFraction, out var midFraction);

        destination[0] = (float)mean;
        destination[1] = (float)std;
        destination[2] = (float)min;
        destination[3] = (float)max;
        destination[4] = (float)(max - min);
        destination[5] = (float)(absDeviation / n);
        destination[6] = (float)skewness;
        destination[7] = (float)(absDiff / (n - 1));
        destination[8] = (float)crossings / (n - 1);
        destination[9] = (float)(vectorDiff / (n - 1));
        destination[10] = mean > 1e-9 ? (float)(meanVector / mean) : 0f;
        destination[11] = (float)Math.Sqrt(varX + varY + varZ);
        destination[12] = (float)Math.Sqrt(Math.Max(varX, Math.Max(varY, varZ)));
        destination[13] = (float)Math.Sqrt(Math.Min(varX, Math.Min(varY, varZ)));
        destination[14] = (float)dominantFrequency;
        destination[15] = (float)dominantFraction;
        destination[16] = (float)lowFraction;
        destination[17] = (float)midFraction;
    }

    // A direct DFT of the detrended magnitude: windows are a few dozen samples, so O(n^2) multiply-adds are cheap.
    private static void Spectrum(ReadOnlySpan<double> magnitude, double mean, out double dominantFrequency, out double dominantFraction, out double lowFraction, out double midFraction)
    {
        var n = magnitude.Length;
        double total = 0, low = 0, mid = 0, best = 0;
        var bestBin = 0;
        for (var k = 1; k <= n / 2; k++)
        {
            double re = 0, im = 0;
            var step = 2 * Math.PI * k / n;
            double stepCos = Math.Cos(step), stepSin = Math.Sin(step);

            // The twiddle factor is rotated by one step per sample instead of calling Cos and Sin each time.
            double cos = 1, sin = 0;
            for (var i = 0; i < n; i++)
            {
                var v = magnitude[i] - mean;
                re += v * cos;
                im -= v * sin;
                (cos, sin) = ((cos * stepCos) - (sin * stepSin), (sin * stepCos) + (cos * stepSin));
            }

            var power = (re * re) + (im * im);
            total += power;
            var frequency = (double)k / n;
            if (frequency < LowBandEdge)
            {
                low += power;
            }
            else if (frequency < MidBandEdge)
            {
                mid += power;
            }

            if (power > best)
            {
                best = power;
                bestBin = k;
            }
        }

        // A flat window has no spectrum: report zeros, which the model learns as "no movement".
        if (total <= 1e-12)
        {
            dominantFrequency = dominantFraction = lowFraction = midFraction = 0;
            return;
        }

        dominantFrequency = (double)bestBin / n;
        dominantFraction = best / total;
        lowFraction = low / total;
        midFraction = mid / total;
    }
}
