using System.Reactive.Linq;
using Sensact.Devices;
using Sensact.Pipelines.Aggregation;
using Sensact.Pipelines.Encoding;
using Sensact.Pipelines.Exits;
using Sensact.Pipelines.Multimodal;

namespace Sensact.Pipelines.Tests.Multimodal;

public sealed class MultimodalPipelineTests
{
    private const string Present = "speaking-in-view";
    private const string Absent = "not-speaking-in-view";

    // Speech in odd seconds, a face in seconds 1 and 2: only second 1 is "speaking in view".
    private static float Speech(int ms) => ms / 1000 % 2 == 1 ? 0.95f : 0.02f;

    private static float Face(int ms) => ms / 1000 is 1 or 2 ? 0.97f : 0.01f;

    [Fact]
    public void Create_BadOptions_ThrowsNamingTheKeys()
    {
        var options = new MultimodalPipelineOptions { ExitThreshold = 1.5f, MaxOpenWindows = 0 };
        options.Window.Length = TimeSpan.Zero;

        var error = Assert.Throws<ArgumentException>(() => MultimodalPipeline.Create(options, [Audio()], Rule()));

        Assert.Contains("ExitThreshold", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxOpenWindows", error.Message, StringComparison.Ordinal);
        Assert.Contains("Window:Length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DuplicateNamesOrNoModality_Throws()
    {
        Assert.Throws<ArgumentException>(() => MultimodalPipeline.Create(new MultimodalPipelineOptions(), [], Rule()));
        var error = Assert.Throws<ArgumentException>(() => MultimodalPipeline.Create(new MultimodalPipelineOptions(), [Audio(), Audio()], Rule()));
        Assert.Contains("'audio'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RuleNamesAMissingScore_ThrowsNamingIt()
    {
        var rule = new PresenceRuleOptions();
        rule.Modalities["audio"] = new PresenceModalityOptions { Score = "voice" };

        var error = Assert.Throws<ArgumentException>(() => MultimodalPipeline.Create(new MultimodalPipelineOptions(), [Audio()], new PresenceRule(rule)));

        Assert.Contains("Modalities:audio:Score is 'voice'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_EmptySources_Complete()
    {
        var pipeline = MultimodalPipeline.Create(new MultimodalPipelineOptions(), [Audio(Observable.Empty<Frame<float>>())], AudioOnlyRule());

        var results = pipeline.Results.ToList().Wait();

        Assert.Empty(results);
    }

    [Fact]
    public void Results_FrameStreamError_EndsWithTheError()
    {
        var boom = new InvalidOperationException("boom");
        var pipeline = MultimodalPipeline.Create(new MultimodalPipelineOptions(), [Audio(Observable.Throw<Frame<float>>(boom))], AudioOnlyRule());

        var error = Assert.Throws<InvalidOperationException>(() => pipeline.Results.ToList().Wait());

        Assert.Same(boom, error);
    }

    [Fact]
    public void Pipelined_Scene_DecidesEveryWindowAtItsEndWithEveryUnitEncoded()
    {
        using var harness = new PipelineHarness(InferenceStrategy.Pipelined).Run(4, Speech, Face);

        Assert.Equal([0L, 1, 2, 3], harness.Results.Select(r => r.Window));
        Assert.Equal([Absent, Present, Absent, Absent], harness.Results.Select(r => r.Label));
        Assert.All(harness.Results, r => Assert.False(r.ExitedEarly));
        Assert.All(harness.Results, r => Assert.Equal([10, 5], r.Modalities.Select(m => m.UnitsEncoded)));
        Assert.Equal(40, harness.AudioEncoder.Invocations);
        Assert.Equal(20, harness.CameraEncoder.Invocations);

        // Window 1 is decided at its last frame (1900 ms): the next one is due in window 2.
        var second = harness.Results[1];
        Assert.Equal(Scene.T0.AddMilliseconds(1900), second.DecidedAt);
        Assert.Equal(TimeSpan.Zero, second.PostSensingLatency);
        Assert.Equal(Scene.T0.AddMilliseconds(1000), second.FirstSensed);
        Assert.Equal(Scene.T0.AddMilliseconds(1900), second.LastSensed);
        Assert.Equal(TimeSpan.FromMilliseconds(900), second.EndToEndLatency);
    }

    [Fact]
    public void Pipelined_LastFrameOfAWindowLost_DecidedWhenTheNextWindowStarts()
    {
        using var harness = new PipelineHarness(InferenceStrategy.Pipelined).Run(2, Speech, Face, keepAudio: f => f.OriginatingTime != Scene.T0.AddMilliseconds(900));

        Assert.Equal(Scene.T0.AddMilliseconds(1000), harness.Results[0].DecidedAt);
        Assert.Equal(TimeSpan.FromMilliseconds(200), harness.Results[0].PostSensingLatency); // the last frames sensed were at 800 ms
    }

    [Fact]
    public void WaitForComplete_Scene_SameDecisionsAsPipelined()
    {
        using var pipelined = new PipelineHarness(InferenceStrategy.Pipelined).Run(4, Speech, Face);
        using var waiting = new PipelineHarness(InferenceStrategy.WaitForComplete).Run(4, Speech, Face);

        Assert.Equal(pipelined.Results.Select(r => (r.Window, r.Label, r.Confidence)), waiting.Results.Select(r => (r.Window, r.Label, r.Confidence)));
        Assert.Equal(pipelined.AudioEncoder.Written, waiting.AudioEncoder.Written);
        Assert.Equal(pipelined.CameraEncoder.Invocations, waiting.CameraEncoder.Invocations);
    }

    [Fact]
    public void WaitForComplete_Window_EncodesNothingBeforeTheWindowEnds()
    {
        using var waiting = new PipelineHarness(InferenceStrategy.WaitForComplete);
        waiting.Run(1, Speech, Face);

        // One second of frames, then completion: all ten audio units were encoded at the end, in order.
        Assert.Equal(10, waiting.AudioEncoder.Invocations);
        Assert.Single(waiting.Results);
    }

    [Fact]
    public void EarlyExit_ConfidentWindow_StopsEncodingTheRestOfIt()
    {
        using var pipelined = new PipelineHarness(InferenceStrategy.Pipelined).Run(2, _ => 0.99f, _ => 0.99f);
        using var early = new PipelineHarness(InferenceStrategy.PipelinedEarlyExit, o => o.ExitThreshold = 0.95f).Run(2, _ => 0.99f, _ => 0.99f);

        Assert.Equal(pipelined.Results.Select(r => r.Label), early.Results.Select(r => r.Label));
        Assert.All(early.Results, r => Assert.True(r.ExitedEarly));
        Assert.True(early.AudioEncoder.Invocations + early.CameraEncoder.Invocations <= 4, "two units per window are enough");
        Assert.Equal(30, pipelined.AudioEncoder.Invocations + pipelined.CameraEncoder.Invocations);
        Assert.Equal(2, early.Pipeline.Counters.WindowsExitedEarly);
        Assert.True(early.Pipeline.Counters["audio"].UnitsAfterDecision > 0);

        // The first window exits at its start: the decision comes long before the window ends.
        Assert.True(early.Results[0].DecidedAt < Scene.T0.AddMilliseconds(200));
        Assert.True(early.Results[0].PostSensingLatency >= TimeSpan.Zero);
    }

    [Fact]
    public void Full_FastModalitySureOfAbsence_SkipsTheSlowModality()
    {
        using var pipelined = new PipelineHarness(InferenceStrategy.Pipelined).Run(3, _ => 0f, _ => 0.99f);
        using var full = new PipelineHarness(InferenceStrategy.Full, o => (o.ExitThreshold, o.SkipThreshold) = (1f, 0.6f)).Run(3, _ => 0f, _ => 0.99f);

        Assert.Equal(pipelined.Results.Select(r => r.Label), full.Results.Select(r => r.Label));
        Assert.Equal(15, pipelined.CameraEncoder.Invocations);
        Assert.True(full.CameraEncoder.Invocations <= 3, $"camera encoded {full.CameraEncoder.Invocations} units");
        Assert.Equal(30, full.AudioEncoder.Invocations);
        Assert.All(full.Results, r => Assert.True(r.Modalities[1].UnitsSkipped >= 4));
        Assert.Equal(full.Results.Sum(r => r.Modalities[1].UnitsSkipped), full.Pipeline.Counters["camera"].UnitsSkipped);
    }

    [Fact]
    public void Full_FastModalitySeesPresence_KeepsEncodingTheSlowModality()
    {
        // Speech, and a camera that cannot tell: the window stays unsure, so the camera keeps encoding.
        using var full = new PipelineHarness(InferenceStrategy.Full, o => (o.ExitThreshold, o.SkipThreshold) = (1f, 0.8f)).Run(2, _ => 0.99f, _ => 0.5f);

        Assert.Equal(10, full.CameraEncoder.Invocations);
        Assert.All(full.Results, r => Assert.Equal(0, r.Modalities[1].UnitsSkipped));
    }

    [Fact]
    public void Full_Audit_ReportsASkipThatChangedTheDecision()
    {
        // A gate that always skips, on a scene where the camera does see a face: the audit finds it.
        using var full = new PipelineHarness(
            InferenceStrategy.Full,
            o => (o.ExitThreshold, o.AuditFraction, o.AuditSeed) = (1f, 1.0, 7),
            gate: new AlwaysSkip(),
            cameraPrior: 0.4f).Run(2, _ => 0.99f, _ => 0.99f, keepCamera: f => f.OriginatingTime.Millisecond != 0);

        Assert.All(full.Results, r => Assert.Equal(Absent, r.Label));
        Assert.Equal(2, full.Pipeline.Counters.WindowsAudited);
        Assert.Equal(2, full.Pipeline.Counters.AuditChangedDecisions);
        Assert.Equal(full.Pipeline.Counters["camera"].UnitsSkipped, full.Pipeline.Counters["camera"].AuditInvocations);
        Assert.Equal(0, full.Pipeline.Counters["camera"].EncoderInvocations);
    }

    [Fact]
    public void EncoderThrows_FailsOnlyThatWindow()
    {
        using var harness = new PipelineHarness(InferenceStrategy.Pipelined).Run(3, ms => ms == 1300 ? -1f : Speech(ms), Face);

        Assert.Equal([WindowOutcome.Decided, WindowOutcome.Failed, WindowOutcome.Decided], harness.Results.Select(r => r.Outcome));
        Assert.Null(harness.Results[1].Label);
        Assert.Contains("scripted failure", harness.Results[1].Error, StringComparison.Ordinal);
        Assert.Contains("'audio'", harness.Results[1].Error, StringComparison.Ordinal);
        Assert.Equal(1, harness.Pipeline.Counters.WindowsFailed);
        Assert.Equal(2, harness.Pipeline.Counters.WindowsDecided);
        Assert.Null(harness.Recorder.Error);
        Assert.True(harness.Recorder.Completed);
    }

    [Fact]
    public void EncoderThrows_WaitForComplete_FailsOnlyThatWindow()
    {
        using var harness = new PipelineHarness(InferenceStrategy.WaitForComplete).Run(3, ms => ms == 1300 ? -1f : Speech(ms), Face);

        Assert.Equal([WindowOutcome.Decided, WindowOutcome.Failed, WindowOutcome.Decided], harness.Results.Select(r => r.Outcome));
    }

    [Fact]
    public void NaNScore_MarksTheUnitInvalidAndCountsIt()
    {
        using var harness = new PipelineHarness(InferenceStrategy.Pipelined).Run(2, ms => ms == 400 ? float.NaN : 0.9f, _ => 0.9f);

        Assert.Equal([1, 0], harness.Results.Select(r => r.Modalities[0].UnitsInvalid));
        Assert.Equal(1, harness.Pipeline.Counters["audio"].UnitsInvalid);
        Assert.Equal([Present, Present], harness.Results.Select(r => r.Label));
    }

    [Fact]
    public void DroppedFrame_DoesNotShiftLaterWindows()
    {
        using var full = new PipelineHarness(InferenceStrategy.Pipelined).Run(4, Speech, Face);
        using var lossy = new PipelineHarness(InferenceStrategy.Pipelined).Run(4, Speech, Face, keepAudio: f => f.OriginatingTime != Scene.T0.AddMilliseconds(500));

        Assert.Equal(full.Results.Select(r => (r.Window, r.Label)), lossy.Results.Select(r => (r.Window, r.Label)));
        Assert.Equal([9, 10, 10, 10], lossy.Results.Select(r => r.Modalities[0].UnitsSeen));
        Assert.Equal(full.Results.Skip(1).Select(r => r.Confidence), lossy.Results.Skip(1).Select(r => r.Confidence));
    }

    [Fact]
    public void StatefulEncoder_ResetPerWindow_StartsEveryWindowAfresh()
    {
        using var harness = new PipelineHarness(InferenceStrategy.Pipelined, countingAudio: true).Run(3, _ => 0f, _ => 0f);

        Assert.Equal(3, harness.AudioEncoder.Resets);
        Assert.Equal([1f, 2, 3, 4, 5, 6, 7, 8, 9, 10], harness.AudioEncoder.Written.Skip(10).Take(10));
    }

    [Fact]
    public void StatefulEncoder_ResetPerStream_CarriesStateAcrossWindowsUntilANewSegment()
    {
        // A new segment from second 2 on.
        var encoder = EncodeStream(Scene.Frames("audio", 100, 3, _ => 0f).Select(f => f.OriginatingTime >= Scene.T0.AddSeconds(2) ? f with { Segment = 1 } : f));

        Assert.Equal(2, encoder.Resets);
        Assert.Equal(20f, encoder.Written[19]);
        Assert.Equal(1f, encoder.Written[20]);
    }

    [Fact]
    public void StatefulEncoder_ResetPerStream_StartsAfreshAfterUnitsLeftOut()
    {
        // Frame 15 (window 1) never arrives: the state after frame 14 does not describe frame 16.
        var encoder = EncodeStream(Scene.Frames("audio", 100, 3, _ => 0f).Where(f => f.Sequence != 15));

        Assert.Equal(2, encoder.Resets);
        Assert.Equal(15f, encoder.Written[14]);
        Assert.Equal(1f, encoder.Written[15]);
    }

    [Fact]
    public void CloseTolerance_LaggingModality_DecidedWithoutIt()
    {
        // The camera stops after one second; the audio goes on: window 1 is decided on the clock.
        using var harness = new PipelineHarness(InferenceStrategy.Pipelined, o => o.Window.CloseTolerance = TimeSpan.FromMilliseconds(100));
        harness.Run(2, _ => 0.9f, _ => 0.9f, keepCamera: f => f.OriginatingTime < Scene.T0.AddSeconds(1), completeCamera: false);

        Assert.Equal(2, harness.Results.Count);
        Assert.Equal(Scene.T0.AddMilliseconds(2100), harness.Results[1].DecidedAt);
    }

    private static Modality Audio(IObservable<Frame<float>>? frames = null) =>
        Modality.Create("audio", frames ?? Observable.Never<Frame<float>>(), new ScriptedEncoder("speech"), TimeSpan.FromMilliseconds(100));

    private static PresenceRule Rule()
    {
        var rule = new PresenceRuleOptions();
        rule.Modalities["audio"] = new PresenceModalityOptions { Score = "speech" };
        rule.Modalities["camera"] = new PresenceModalityOptions { Score = "face" };
        return new PresenceRule(rule);
    }

    private static PresenceRule AudioOnlyRule()
    {
        var rule = new PresenceRuleOptions();
        rule.Modalities["audio"] = new PresenceModalityOptions { Score = "speech" };
        return new PresenceRule(rule);
    }

    // Feeds audio frames through a pipelined, audio-only pipeline with a counting encoder whose state runs across windows.
    private static ScriptedEncoder EncodeStream(IEnumerable<Frame<float>> frames)
    {
        using var subject = new System.Reactive.Subjects.Subject<Frame<float>>();
        var encoder = new ScriptedEncoder("speech", reset: EncoderReset.Stream, counting: true);
        var pipeline = MultimodalPipeline.Create(
            new MultimodalPipelineOptions { Strategy = InferenceStrategy.Pipelined },
            [Modality.Create("audio", subject, encoder, TimeSpan.FromMilliseconds(100))],
            AudioOnlyRule());
        using var subscription = pipeline.Results.Subscribe();
        foreach (var frame in frames)
        {
            subject.OnNext(frame);
        }

        return encoder;
    }

    private sealed class AlwaysSkip : ISkipGate
    {
        public bool ShouldSkip(SkipGateInput input) => true;
    }
}
