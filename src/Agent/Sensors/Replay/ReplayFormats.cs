namespace Sensact.Agent.Sensors.Replay;

/// <summary>Every recording format the <c>replay</c> driver plays, asked in order; the last accepts any path.</summary>
internal static class ReplayFormats
{
    public static IReadOnlyList<IReplayFormat> All { get; } = [new McapReplay(), new WavReplay(), new ImageReplay(), new ImuCsvReplay()];

    /// <summary>Finds the format of <paramref name="path"/>.</summary>
    public static IReplayFormat Of(string path) => All.First(format => format.Accepts(path));
}
