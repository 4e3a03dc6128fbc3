using Sensact.Devices.Imu;

namespace Sensact.Training.Activity;

/// <summary>One window cut from a labelled recording.</summary>
/// <param name="Recording">The recording's name.</param>
/// <param name="Label">The recording's activity.</param>
/// <param name="Start">The index of the window's first reading in the recording.</param>
/// <param name="Samples">The readings.</param>
internal sealed record ActivityWindow(string Recording, string Label, int Start, ImuSample[] Samples)
{
    /// <summary>Cuts every complete window of <paramref name="size"/> readings, <paramref name="hop"/> apart.</summary>
    public static IEnumerable<ActivityWindow> Cut(ImuRecording recording, int size, int hop)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hop);
        for (var start = 0; start + size <= recording.Samples.Count; start += hop)
        {
            var samples = new ImuSample[size];
            for (var i = 0; i < size; i++)
            {
                samples[i] = recording.Samples[start + i];
            }

            yield return new ActivityWindow(recording.Name, recording.Label ?? string.Empty, start, samples);
        }
    }
}
