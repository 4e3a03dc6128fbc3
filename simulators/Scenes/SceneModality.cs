namespace Sensact.Simulators.Scenes;

/// <summary>Which modality of a scene a simulated sensor senses (<c>Sensors:{name}:Stream</c>).</summary>
public enum SceneModality
{
    /// <summary>A microphone: <c>AudioChunk</c> periods.</summary>
    Audio,

    /// <summary>A camera: <c>ImageFrame</c>s.</summary>
    Camera,

    /// <summary>An inertial measurement unit: <c>ImuSample</c>s, acceleration in m/s².</summary>
    Imu,
}
