using System.Globalization;
using System.Text;
using Sensact.Pipelines.Trajectories;

namespace Sensact.Training.Trajectories;

/// <summary>Writes tracks as the <c>track_id,t,x,y</c> CSV that <c>score-tracks</c> and trajectory-watch's <c>NormalTracks</c> read.</summary>
internal static class TrackCsvWriter
{
    /// <summary>Writes the tracks, one row per point, in the order given.</summary>
    /// <param name="path">The file.</param>
    /// <param name="tracks">Each track's id and points, oldest first.</param>
    /// <returns>The number of tracks written.</returns>
    public static int Write(string path, IEnumerable<(long Id, IEnumerable<TrajectoryPoint> Points)> tracks)
    {
        var csv = new StringBuilder("track_id,t,x,y\n");
        var count = 0;
        foreach (var (id, points) in tracks)
        {
            count++;
            foreach (var p in points)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{id},{p.T:0.###},{p.X:0.######},{p.Y:0.######}\n");
            }
        }

        File.WriteAllText(path, csv.ToString());
        return count;
    }
}
