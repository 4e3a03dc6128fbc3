namespace Sensact.Pipelines.Trajectories.Tracking;

/// <summary>A snapshot of one track after a frame.</summary>
/// <param name="Id">The track's id: stable for its life, never reused by the tracker that made it.</param>
/// <param name="State">Where the track is in its life.</param>
/// <param name="X">The filtered horizontal position (the predicted one when missed).</param>
/// <param name="Y">The filtered vertical position.</param>
/// <param name="Vx">The horizontal velocity, units per second.</param>
/// <param name="Vy">The vertical velocity, units per second.</param>
/// <param name="Width">The box's width (smoothed); 0 for points.</param>
/// <param name="Height">The box's height (smoothed); 0 for points.</param>
/// <param name="PositionVariance">The position's variance per axis, units².</param>
/// <param name="Hits">How many frames matched it.</param>
/// <param name="Misses">How many frames in a row missed it.</param>
/// <param name="LastSeen">The originating time of the last matched detection.</param>
/// <param name="DetectionIndex">The index of the detection matched in this frame (in the span given), or -1.</param>
public readonly record struct Track(
    long Id,
    TrackState State,
    double X,
    double Y,
    double Vx,
    double Vy,
    double Width,
    double Height,
    double PositionVariance,
    int Hits,
    int Misses,
    TimeSpan LastSeen,
    int DetectionIndex);
