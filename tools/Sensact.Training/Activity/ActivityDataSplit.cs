using Sensact.Devices.Imu;

namespace Sensact.Training.Activity;

/// <summary>Recordings split into training and held-out sets.</summary>
/// <param name="Train">The recordings the model learns from.</param>
/// <param name="Test">The recordings held out to measure it.</param>
internal sealed record ActivityDataSplit(IReadOnlyList<ImuRecording> Train, IReadOnlyList<ImuRecording> Test)
{
    /// <summary>
    /// Splits by recording, per label: windows of one recording are strongly alike, so a recording on
    /// both sides would measure memory, not generalisation. Each label keeps at least one recording on
    /// each side. The same seed gives the same split.
    /// </summary>
    public static ActivityDataSplit ByRecording(IReadOnlyList<ImuRecording> recordings, double testFraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(recordings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(testFraction);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(testFraction, 1.0);
        var random = new Random(seed);
        var train = new List<ImuRecording>();
        var test = new List<ImuRecording>();
        foreach (var group in recordings.GroupBy(r => r.Label ?? string.Empty).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = group.OrderBy(r => r.Name, StringComparer.Ordinal).ToArray();
            if (members.Length < 2)
            {
                throw new InvalidOperationException($"Label '{group.Key}' has {members.Length} recording(s); a split by recording needs at least 2.");
            }

            random.Shuffle(members);
            var testCount = Math.Clamp((int)Math.Round(members.Length * testFraction, MidpointRounding.AwayFromZero), 1, members.Length - 1);
            test.AddRange(members.Take(testCount));
            train.AddRange(members.Skip(testCount));
        }

        return new ActivityDataSplit(train, test);
    }
}
