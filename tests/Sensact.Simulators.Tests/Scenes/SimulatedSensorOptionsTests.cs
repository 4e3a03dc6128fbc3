using Sensact.Simulators.Scenes;

namespace Sensact.Simulators.Tests.Scenes;

public sealed class SimulatedSensorOptionsTests
{
    [Fact]
    public void Validate_UnknownScene_ListsKnownScenes()
    {
        var errors = new SimulatedSensorOptions { Scene = "kitchen" }.Validate();

        Assert.Equal(["Scene: unknown scene 'kitchen'; known scenes: activity, speaker-watch, trajectory-watch."], errors);
    }

    [Fact]
    public void Validate_StreamTheSceneLacks_ListsItsStreams()
    {
        var errors = new SimulatedSensorOptions { Scene = "activity", Stream = SceneModality.Camera }.Validate();

        Assert.Equal(["Stream: scene 'activity' has no camera stream; it has: imu."], errors);
    }

    [Fact]
    public void Validate_BadRates_NameEachKey()
    {
        Assert.Equal(
            ["SampleRateHz: the speaker-watch audio is 16000 Hz, the rate of its clips (got 8000); leave it out or resample downstream."],
            new SimulatedSensorOptions { Scene = "speaker-watch", Stream = SceneModality.Audio, SampleRateHz = 8000 }.Validate());
        Assert.Equal(
            ["FrameRateHz must be between 0.1 and 120 (got 0).", "Width and Height must be between 16 and 4096 pixels (got 8x240)."],
            new SimulatedSensorOptions { Scene = "speaker-watch", Stream = SceneModality.Camera, FrameRateHz = 0, Width = 8 }.Validate());
        Assert.Equal(
            ["SpeedFactor must be a finite number greater than 0 (got 0).", "SampleRateHz must be between 1 and 10000 for an imu stream (got -1)."],
            new SimulatedSensorOptions { Scene = "activity", SpeedFactor = 0, SampleRateHz = -1 }.Validate());
    }

    [Fact]
    public void Validate_GoodOptions_HasNoErrors()
    {
        Assert.Empty(new SimulatedSensorOptions { Scene = "Speaker-Watch", Stream = SceneModality.Camera }.Validate());
        Assert.Equal(SceneModality.Audio, SimulatedScenes.StreamOf(new SimulatedSensorOptions { Scene = "speaker-watch" }));
    }

    [Fact]
    public void CreateImu_OptionsForAnotherStream_Throws()
    {
        var error = Assert.Throws<ArgumentException>("options", () => SimulatedScenes.CreateImu("cam", new SimulatedSensorOptions { Scene = "speaker-watch", Stream = SceneModality.Camera }));

        Assert.Contains("senses the Camera stream of scene 'speaker-watch', not Imu", error.Message, StringComparison.Ordinal);
    }
}
