namespace Sensact.Pipelines.Trajectories.Tracking;

/// <summary>Where a track is in its life.</summary>
public enum TrackState
{
    /// <summary>Just started: not yet matched often enough to be trusted; deleted at its first miss.</summary>
    Tentative,

    /// <summary>Matched <see cref="TrackerOptions.ConfirmHits"/> times; matched in the latest frame.</summary>
    Confirmed,

    /// <summary>Confirmed but missed in the latest frames: carried on by prediction until <see cref="TrackerOptions.MaxMisses"/>.</summary>
    Lost,
}
