using Sensact.Devices.Imu;
using Sensact.Simulators.Scenes;

namespace Sensact.Simulators.Activity;

/// <summary>The <c>activity</c> scene's accelerometer: sample <c>k</c> read from the script at its scene time.</summary>
internal sealed class ActivityImuRenderer(ActivityScript script) : ISceneRenderer<ImuSample>
{
    public ImuSample Render(long index, DateTimeOffset sceneTime) => script.SampleAt(sceneTime, index);

    public string? LabelAt(DateTimeOffset sceneTime) => script.SegmentAt(sceneTime).Label;

    public void Dispose()
    {
    }
}
