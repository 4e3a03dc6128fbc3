using System.Reactive.Subjects;
using Sensact.Devices;
using Sensact.Pipelines.Aggregation;
using Sensact.Pipelines.Multimodal;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Multimodal;

public sealed class MultimodalPipelineAllocationTests
{
    [Theory]
    [InlineData(InferenceStrategy.Pipelined)]
    [InlineData(InferenceStrategy.Full)]
    [InlineData(InferenceStrategy.WaitForComplete)]
    public void Results_FramesInsideAWindow_AllocateNothingPerFrame(InferenceStrategy strategy)
    {
        using var audio = new Subject<Frame<float>>();
        using var camera = new Subject<Frame<float>>();
        var audioEncoder = new ConstantEncoder("speech");
        var cameraEncoder = new ConstantEncoder("face");
        var options = new MultimodalPipelineOptions { Strategy = strategy, ExitThreshold = 1f, SkipThreshold = 1f };
        options.Window.Length = TimeSpan.FromHours(1);
        options.Window.Epoch = Scene.T0;
        var rule = new PresenceRuleOptions();
        rule.Modalities["audio"] = new PresenceModalityOptions { Score = "speech" };
        rule.Modalities["camera"] = new PresenceModalityOptions { Score = "face" };
        var pipeline = MultimodalPipeline.Create(
            options,
            [
                Modality.Create("audio", audio, audioEncoder, TimeSpan.FromMilliseconds(1)),
                Modality.Create("camera", camera, cameraEncoder, TimeSpan.FromMilliseconds(1), ModalityRole.Slow),
            ],
            new PresenceRule(rule));
        using var subscription = pipeline.Results.Subscribe(_ => { });
        var frames = new Frame<float>[20_000];
        for (var i = 0; i < frames.Length; i++)
        {
            frames[i] = new Frame<float>(0.5f, Scene.T0.AddMilliseconds(i), "s", i);
        }

        var next = 0;
        var bytes = Allocations.SteadyState(() =>
        {
            for (var i = 0; i < 1_000; i++, next++)
            {
                audio.OnNext(frames[next]);
                camera.OnNext(frames[next]);
            }
        });

        Assert.Equal(0, bytes);
        Assert.True(strategy == InferenceStrategy.WaitForComplete || audioEncoder.Invocations >= 1_000, "the frames were encoded");
    }
}
