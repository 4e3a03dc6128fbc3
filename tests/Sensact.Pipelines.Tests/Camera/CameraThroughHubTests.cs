using System.Reactive.Concurrency;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Devices.Camera.Tensors;
using Sensact.Devices.Replay;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Sensors;
using SkiaSharp;

namespace Sensact.Pipelines.Tests.Camera;

/// <summary>Camera frames (an image replay) through the shared sensor to two consumers and the tensor converter, in virtual time.</summary>
public sealed class CameraThroughHubTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sensact-tests", Guid.NewGuid().ToString("N"));
    private readonly BufferPool<byte> _pool = new();

    public CameraThroughHubTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ImageReplay_TwoConsumersConvertAndRelease_EveryBufferReturns()
    {
        WriteJpeg("1.jpg", SKColors.Red);
        WriteJpeg("2.jpg", SKColors.Blue);
        var clock = new HistoricalScheduler(T0);
        var source = new ImageReplaySource("cam", new ReplayOptions { Path = _folder, SampleRateHz = 5 }, _pool, clock);
        using var sensor = new SharedSensor<ImageFrame>(source, scheduler: clock);
        var converter = new ImageTensorConverter(new TensorLayout { Width = 4, Height = 3, Std = [255f, 255f, 255f] });
        var tensor = new float[converter.Length];
        var reds = new List<float>();
        var seen = 0;

        using (sensor.Consume("detector", DeliveryPolicy.LatestOnly(), ImmediateScheduler.Instance).Frames.Subscribe(frame =>
        {
            converter.Convert(frame.Payload, tensor);
            reds.Add(tensor[0]);
            frame.Payload.Release();
        }))
        using (sensor.Consume("recorder", DeliveryPolicy.DropOldest(4), ImmediateScheduler.Instance).Frames.Subscribe(frame =>
        {
            seen++;
            frame.Payload.Release();
        }))
        {
            clock.AdvanceTo(T0.AddSeconds(2));
        }

        // 5 frames/s for 2 s, both ends included: red, blue, red, ...
        Assert.Equal(11, seen);
        Assert.Equal([1f, 0f, 1f, 0f], reds.Take(4).Select(red => MathF.Round(red, 1)));
        Assert.Equal(_pool.Rented, _pool.Returned);
    }

    private void WriteJpeg(string name, SKColor colour)
    {
        using var bitmap = new SKBitmap(8, 6);
        bitmap.Erase(colour);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 95);
        File.WriteAllBytes(Path.Combine(_folder, name), data.ToArray());
    }
}
