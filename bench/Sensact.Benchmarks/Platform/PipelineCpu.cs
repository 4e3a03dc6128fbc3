using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Sensact.Devices.Replay;
using Sensact.Pipelines;
using Sensact.Pipelines.Activity;
using Sensact.Pipelines.Delivery;

namespace Sensact.Benchmarks.Platform;

/// <summary>
/// CPU of the activity pipeline in process, stage by stage, replaying the data set at 10x (260
/// frames/s) on a given sensor scheduler: where the whole agent's per-frame cost goes. Run from the
/// repository root (it reads <c>data/imu/stm32-har</c> and <c>models/activity</c>).
/// </summary>
internal static class PipelineCpu
{
    public static readonly string[] Stages = ["source", "deliver", "windows", "classify"];

    public static async Task RunAsync(string stage, string scheduler)
    {
        using var sensorLoop = new EventLoopScheduler();
        using var inference = new EventLoopScheduler();
        IScheduler sensor = scheduler switch
        {
            "eventloop" => sensorLoop,
            "taskpool" => TaskPoolScheduler.Default,
            "default" => Scheduler.Default,
            _ => throw new ArgumentException($"scheduler must be eventloop, taskpool or default (got '{scheduler}')."),
        };
        var source = new ImuReplaySource("imu", new ReplayOptions { Path = "data/imu/stm32-har", SpeedFactor = 10 }, sensor);
        using var classifier = OnnxActivityClassifier.Load("models/activity/activity-classifier.onnx");
        var delivered = source.Frames.Deliver(DeliveryPolicy.DropOldest(256), scheduler: inference);
        var items = 0L;
        void Count<T>(T _) => Interlocked.Increment(ref items);
        using var subscription = stage switch
        {
            "source" => source.Frames.Subscribe(Count),
            "deliver" => delivered.Subscribe(Count),
            "windows" => delivered.SlidingWindows(52, 26).Subscribe(Count),
            "classify" => delivered.SlidingWindows(52, 26).ClassifyActivity(classifier, inference).Subscribe(Count),
            _ => throw new ArgumentException($"stage must be one of {string.Join(", ", Stages)} (got '{stage}')."),
        };

        var cpu = await CpuMeter.MillisecondsPerSecondAsync(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"replay 260 frames/s on {scheduler}, up to {stage}: {cpu:0.0} ms CPU/s"));
    }
}
