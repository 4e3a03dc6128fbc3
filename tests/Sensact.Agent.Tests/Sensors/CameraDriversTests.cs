using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Agent.Configuration;
using Sensact.Agent.Sensors;
using Sensact.Devices.Camera;
using SkiaSharp;

namespace Sensact.Agent.Tests.Sensors;

/// <summary>The camera drivers and the image replay as the agent sees them at start.</summary>
public sealed class CameraDriversTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sensact-tests", Guid.NewGuid().ToString("N"));

    public CameraDriversTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void V4l2_MissingDevice_StopsTheStartNamingDeviceAndWhatToCheck()
    {
        using var sensors = Sensors(("Driver", "v4l2"), ("Device", "/dev/video-sensact-missing"));

        var problem = Assert.Single(sensors.Problems);
        Assert.StartsWith("Sensors:cam:Device: Camera device '/dev/video-sensact-missing' does not exist.", problem, StringComparison.Ordinal);
        Assert.Contains("v4l2-ctl --list-devices", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void V4l2_BadValues_NamedByKey()
    {
        using var sensors = Sensors(("Driver", "v4l2"), ("Width", "641"), ("FrameRateHz", "0"));

        Assert.Equal(
            ["Sensors:cam:Width must be even for YUYV, where two pixels share their colour (got 641).", "Sensors:cam:FrameRateHz must be greater than 0 and at most 1000 (got 0)."],
            sensors.Problems);
    }

    [Fact]
    public void Rpicam_CommandNotFound_StopsTheStart()
    {
        using var sensors = Sensors(("Driver", "rpicam"), ("Command", "no-such-rpicam-vid"));

        var problem = Assert.Single(sensors.Problems);
        Assert.StartsWith("Sensors:cam:Command: 'no-such-rpicam-vid' was not found on PATH", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Rpicam_Keys_KnownToTheChecker()
    {
        var configuration = Configuration(("Driver", "rpicam"), ("Command", "sh"), ("Width", "320"), ("Height", "240"), ("FrameRateHz", "10"), ("Arguments:0", "--hflip"));

        Assert.Empty(ConfigurationChecker.Check(configuration, AgentConfigurationSchema.Create()));
        using var sensors = new AgentSensors(configuration, NullLoggerFactory.Instance);
        Assert.Empty(sensors.Problems);
    }

    [Fact]
    public void Replay_FolderOfImages_MakesACameraSensor()
    {
        WriteJpeg(Path.Combine(_folder, "frame-001.jpg"));

        using var sensors = Sensors(("Driver", "replay"), ("Path", _folder), ("SampleRateHz", "5"));

        Assert.Empty(sensors.Problems);
        Assert.Equal(typeof(ImageFrame), Assert.Single(sensors.Hub.Sensors).PayloadType);
    }

    [Fact]
    public void Replay_ImageThatIsNotOne_StopsTheStartNamingIt()
    {
        var bad = Path.Combine(_folder, "frame.png");
        File.WriteAllText(bad, "not a png");

        using var sensors = Sensors(("Driver", "replay"), ("Path", _folder));

        Assert.Equal([$"Sensors:cam:Path: '{bad}' is not a PNG or JPEG image."], sensors.Problems);
    }

    private static AgentSensors Sensors(params (string Key, string Value)[] keys) =>
        new(Configuration(keys), NullLoggerFactory.Instance);

    private static IConfiguration Configuration(params (string Key, string Value)[] keys) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(keys.Select(key => new KeyValuePair<string, string?>($"Sensors:cam:{key.Key}", key.Value)))
            .Build();

    private static void WriteJpeg(string path)
    {
        using var bitmap = new SKBitmap(8, 8);
        bitmap.Erase(SKColors.Red);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        File.WriteAllBytes(path, data.ToArray());
    }
}
