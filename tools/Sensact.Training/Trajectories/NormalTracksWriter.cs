using System.Globalization;
using System.Text;
using Sensact.Simulators.Trajectories;

namespace Sensact.Training.Trajectories;

/// <summary>
/// Writes the normal traffic trajectory-watch calibrates on: the normal tracks of the
/// <c>trajectory-watch</c> scene of one seed, in fractions of the camera frame (the detector's
/// units), as a <c>track_id,t,x,y</c> CSV that <c>score-tracks --normal</c> also reads.
/// </summary>
internal static class NormalTracksWriter
{
    /// <summary>Writes the file; returns the number of tracks.</summary>
    public static int Write(string path, int seed, TimeSpan duration, double rateHz)
    {
        var csv = new StringBuilder("track_id,t,x,y\n");
        var count = 0;
        foreach (var track in TrajectoryScenes.Tracks(seed, duration, rateHz).Where(t => !t.Truth.IsAnomalous).Select(TrajectoryScenes.InFrame))
        {
            count++;
            foreach (var p in track.Points)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{track.Truth.TrackId},{p.Time:0.###},{p.X:0.######},{p.Y:0.######}\n");
            }
        }

        File.WriteAllText(path, csv.ToString());
        return count;
    }
}
