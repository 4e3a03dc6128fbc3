using System.Reactive.Subjects;
using Sensact.Devices;
using Sensact.Devices.Audio;
using Sensact.Devices.Buffers;
using Sensact.Pipelines.Aggregation;
using Sensact.Pipelines.Encoding;
using Sensact.Pipelines.Multimodal;

namespace Sensact.Pipelines.Tests.Multimodal;

public sealed class MultimodalPipelinePayloadTests
{
    [Theory]
    [InlineData(InferenceStrategy.Pipelined)]
    [InlineData(InferenceStrategy.WaitForComplete)]
    [InlineData(InferenceStrategy.PipelinedEarlyExit)]
    public void Results_PooledAudio_EveryBufferGoesBackToThePool(InferenceStrategy strategy)
    {
        var pool = new BufferPool<float>();
        using var audio = new Subject<Frame<AudioChunk>>();
        var options = new MultimodalPipelineOptions { Strategy = strategy };
        options.Window.Epoch = Scene.T0;
        var rule = new PresenceRuleOptions();
        rule.Modalities["audio"] = new PresenceModalityOptions { Score = "speech" };
        var pipeline = MultimodalPipeline.Create(
            options,
            [Modality.Create("audio", audio, new MeanEncoder(), TimeSpan.FromMilliseconds(32))],
            new PresenceRule(rule));
        var results = new List<WindowResult>();
        var subscription = pipeline.Results.Subscribe(results.Add);

        // 2.5 s of 32 ms chunks: two whole windows and half a third, whose held units are released at disposal.
        for (var i = 0; i < 78; i++)
        {
            var samples = pool.Rent(512);
            samples.Span.Fill(0.9f);
            audio.OnNext(new Frame<AudioChunk>(new AudioChunk(samples, 16_000), Scene.T0.AddMilliseconds(32 * i), "mic", i));
        }

        subscription.Dispose();

        Assert.Equal(strategy == InferenceStrategy.PipelinedEarlyExit ? 3 : 2, results.Count); // an early exit decides the unfinished third window too
        Assert.All(results, r => Assert.Equal("speaking-in-view", r.Label));
        Assert.Equal(pool.Rented, pool.Returned);
    }

    private sealed class MeanEncoder : IUnitEncoder<AudioChunk>
    {
        public IReadOnlyList<string> Scores { get; } = ["speech"];

        public int FramesPerUnit => 2;

        public EncoderReset Reset => EncoderReset.Window;

        public void ResetState()
        {
        }

        public void Encode(ReadOnlySpan<Frame<AudioChunk>> unit, Span<float> scores)
        {
            var sum = 0f;
            foreach (var frame in unit)
            {
                foreach (var sample in frame.Payload.Samples.Span)
                {
                    sum += sample;
                }
            }

            scores[0] = sum / (unit.Length * 512);
        }

        public void Dispose()
        {
        }
    }
}
