using Sensact.Devices;
using Sensact.Devices.Camera;
using Sensact.Pipelines.Encoding;
using Sensact.Pipelines.Encoding.Vision;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Encoding;

public sealed class UltraFaceEncoderTests : IDisposable
{
    private readonly UltraFaceEncoder _encoder = UltraFaceEncoder.Load(RealData.RfbPath);

    public void Dispose() => _encoder.Dispose();

    private float Score(string picture)
    {
        var frame = RealData.Picture(picture);
        try
        {
            Frame<ImageFrame>[] unit = [new(frame, DateTimeOffset.UnixEpoch, "camera", 0)];
            var scores = new float[1];
            _encoder.Encode(unit, scores);
            return scores[0];
        }
        finally
        {
            frame.Release();
        }
    }

    [Fact]
    public void Load_Rfb_OneFaceScorePerFrame()
    {
        Assert.Equal(["face"], _encoder.Scores);
        Assert.Equal(1, _encoder.FramesPerUnit);
        Assert.Equal(EncoderReset.Window, _encoder.Reset);
    }

    [Fact]
    public void Encode_Astronaut_BestFaceScore() => Assert.InRange(Score("astronaut"), 0.95f, 1f);

    [Fact]
    public void Encode_Coffee_Zero() => Assert.Equal(0f, Score("coffee"));

    [Fact]
    public void Encode_TwoFrames_Refused()
    {
        var frame = RealData.Picture("coffee");
        try
        {
            Frame<ImageFrame>[] unit = [new(frame, DateTimeOffset.UnixEpoch, "camera", 0), new(frame, DateTimeOffset.UnixEpoch, "camera", 1)];

            var error = Assert.Throws<ArgumentException>("unit", () => _encoder.Encode(unit, new float[1]));

            Assert.Contains("1 camera frame; found 2", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            frame.Release();
        }
    }

    [Fact]
    public void Encode_SteadyState_AllocatesNothing()
    {
        var frame = RealData.Picture("astronaut");
        try
        {
            Frame<ImageFrame>[] unit = [new(frame, DateTimeOffset.UnixEpoch, "camera", 0)];
            var scores = new float[1];

            Assert.Equal(0, Allocations.SteadyState(() => _encoder.Encode(unit, scores), repeats: 3));
        }
        finally
        {
            frame.Release();
        }
    }
}
