using Sensact.Devices;
using Sensact.Devices.Audio;
using Sensact.Devices.Buffers;
using Sensact.Pipelines.Encoding;
using Sensact.Pipelines.Encoding.Audio;
using Sensact.Pipelines.Models;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Encoding;

public sealed class SileroVadEncoderTests : IDisposable
{
    private readonly SileroVadEncoder _vad = SileroVadEncoder.Load(RealData.VadPath);
    private readonly string _folder = Directory.CreateTempSubdirectory("sensact-vad-").FullName;

    public void Dispose()
    {
        _vad.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private float[] Probabilities(Frame<AudioChunk>[] units, bool resetEachUnit = false)
    {
        var probabilities = new float[units.Length];
        var scores = new float[1];
        for (var i = 0; i < units.Length; i++)
        {
            if (resetEachUnit)
            {
                _vad.ResetState();
            }

            _vad.Encode(units.AsSpan(i, 1), scores);
            probabilities[i] = scores[0];
        }

        return probabilities;
    }

    [Fact]
    public void Load_ShippedModel_OneSpeechScorePerPeriod()
    {
        Assert.Equal(["speech"], _vad.Scores);
        Assert.Equal(1, _vad.FramesPerUnit);
        Assert.Equal(EncoderReset.Stream, _vad.Reset);
        Assert.Equal(16000, _vad.Card.SampleRateHz);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    public void Encode_SpokenWord_ReachesHighProbability(string word)
    {
        var probabilities = Probabilities(RealData.Periods(RealData.Clip(word)));

        Assert.True(probabilities.Max() > 0.9f, $"{word}: most {probabilities.Max()}");
        Assert.True(probabilities.Min() < 0.5f, $"{word}: the clip's quiet lead-in should score low, least {probabilities.Min()}");
    }

    [Theory]
    [InlineData("noise")]
    [InlineData("silence")]
    public void Encode_NoiseOrSilence_StaysLow(string clip)
    {
        var probabilities = Probabilities(RealData.Periods(RealData.Clip(clip)));

        Assert.True(probabilities.Max() < 0.1f, $"{clip}: most {probabilities.Max()}");
    }

    [Fact]
    public void Encode_StateCarried_DiffersFromStateResetEachUnit()
    {
        var units = RealData.Periods(RealData.Clip("yes"));

        var carried = Probabilities(units);
        _vad.ResetState();
        var reset = Probabilities(units, resetEachUnit: true);

        Assert.True(carried.Zip(reset).Max(p => Math.Abs(p.First - p.Second)) > 0.05f);
    }

    [Fact]
    public void ResetState_SameClipTwice_SameProbabilities()
    {
        var units = RealData.Periods(RealData.Clip("no"));

        var first = Probabilities(units);
        _vad.ResetState();
        var second = Probabilities(units);
        var continued = Probabilities(units);

        Assert.Equal(first, second);
        Assert.NotEqual(first, continued);
    }

    [Theory]
    [InlineData(256, 16000)]
    [InlineData(512, 8000)]
    public void Encode_PeriodOfOtherLengthOrRate_ArgumentExceptionNamingExpectedAndFound(int length, int rate)
    {
        var units = RealData.Periods(new float[length], length, rate);

        var error = Assert.Throws<ArgumentException>("unit", () => _vad.Encode(units, new float[1]));

        Assert.Contains("512 samples at 16000 Hz, mono", error.Message, StringComparison.Ordinal);
        Assert.Contains($"found {length} frames at {rate} Hz", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_Stereo_Refused()
    {
        var buffer = new BufferPool<float>().Rent(1024);
        Frame<AudioChunk>[] unit = [new(new AudioChunk(buffer, 16000, channels: 2), DateTimeOffset.UnixEpoch, "mic", 0)];

        var error = Assert.Throws<ArgumentException>("unit", () => _vad.Encode(unit, new float[1]));

        Assert.Contains("2 channel(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_TwoPeriods_Refused() =>
        Assert.Throws<ArgumentException>("unit", () => _vad.Encode(RealData.Periods(new float[1024]), new float[1]));

    [Fact]
    public void Encode_SteadyState_AllocatesNothing()
    {
        var units = RealData.Periods(RealData.Clip("yes"));
        var scores = new float[1];
        var next = 0;

        var allocated = Allocations.SteadyState(() => _vad.Encode(units.AsSpan(next++ % units.Length, 1), scores));

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Load_CardWithOtherStateShape_ModelLoadExceptionNamingTensorAndShapes()
    {
        var card = ModelCard.Load(ModelCard.PathFor(RealData.VadPath));
        var wrong = card with
        {
            Inputs = [.. card.Inputs.Select(t => t.Name == "state" ? t with { Shape = [2, -1, 64], Feed = [2, 1, 64] } : t)],
        };
        var path = Path.Combine(_folder, "silero_vad.json");
        wrong.Save(path);

        var error = Assert.Throws<ModelLoadException>(() => SileroVadEncoder.Load(RealData.VadPath, cardPath: path));

        Assert.Contains("input 'state' has shape [2, -1, 128] in the model", error.Message, StringComparison.Ordinal);
        Assert.Contains("says [2, -1, 64]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CardWithoutSampleRateValue_Refused()
    {
        var card = ModelCard.Load(ModelCard.PathFor(RealData.VadPath));
        var wrong = card with { Inputs = [.. card.Inputs.Select(t => t.Name == "sr" ? t with { Value = null } : t)] };
        var path = Path.Combine(_folder, "silero_vad.json");
        wrong.Save(path);

        var error = Assert.Throws<ModelLoadException>(() => SileroVadEncoder.Load(RealData.VadPath, cardPath: path));

        Assert.Contains("input 'sr' must be Constant with Value 16000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CardFeedingOtherLength_Refused()
    {
        var card = ModelCard.Load(ModelCard.PathFor(RealData.VadPath));
        var wrong = card with { Inputs = [.. card.Inputs.Select(t => t.Name == "input" ? t with { Feed = [1, 512] } : t)] };
        var path = Path.Combine(_folder, "silero_vad.json");
        wrong.Save(path);

        var error = Assert.Throws<ModelLoadException>(() => SileroVadEncoder.Load(RealData.VadPath, cardPath: path));

        Assert.Contains("input 'input' must be fed 576 floats", error.Message, StringComparison.Ordinal);
    }
}
