using Sensact.Pipelines.Trajectories;
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
    public static int Write(string path, int seed, TimeSpan duration, double rateHz) =>
        TrackCsvWriter.Write(
            path,
            TrajectoryScenes.Tracks(seed, duration, rateHz)
                .Where(t => !t.Truth.IsAnomalous)
                .Select(TrajectoryScenes.InFrame)
                .Select(track => (track.Truth.TrackId, track.Points.Select(p => new TrajectoryPoint(p.Time, p.X, p.Y)))));
}
