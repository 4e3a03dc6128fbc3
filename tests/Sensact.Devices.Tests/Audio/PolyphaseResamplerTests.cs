using Sensact.Devices.Audio.Wav;
using Sensact.Testing;

namespace Sensact.Devices.Tests.Audio;

public sealed class PolyphaseResamplerTests
{
    [Fact]
    public void Constructor_NonPositiveRate_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("inputRate", () => new PolyphaseResampler(0, 16000));

    [Theory]
    [InlineData(8000, 16000, 2, 1)]
    [InlineData(44100, 16000, 160, 441)]
    [InlineData(48000, 16000, 1, 3)]
    public void Constructor_Rates_ReducesRatio(int input, int output, int up, int down)
    {
        var resampler = new PolyphaseResampler(input, output);

        Assert.Equal((up, down), (resampler.Up, resampler.Down));
    }

    [Fact]
    public void Resample_Sine8kTo16k_KeepsFrequencyAndDoublesLength()
    {
        var input = Sine(1000, 8000, 8000);

        var output = Resample(new PolyphaseResampler(8000, 16000), input, 256);

        Assert.Equal(16000, output.Length);
        Assert.Equal(1000, DominantHertz(output[1000..^1000], 16000), 2);
        Assert.True(Power(output[1000..^1000], 16000, 1000) > 0.24, "the 1 kHz tone (amplitude 0.7) keeps its power");
        Assert.True(Power(output[1000..^1000], 16000, 7000) < 1e-4, "no image of the tone at 8 kHz - 1 kHz");
    }

    [Fact]
    public void Resample_Sine8kTo16k_MatchesTheSineAtTheNewRate()
    {
        var output = Resample(new PolyphaseResampler(8000, 16000), Sine(1000, 8000, 8000), 500);
        var expected = Sine(1000, 16000, 16000);

        var worst = Enumerable.Range(200, 15600).Max(i => Math.Abs(output[i] - expected[i]));

        Assert.True(worst < 0.01, $"worst difference {worst}");
    }

    [Fact]
    public void Resample_48kTo16k_RemovesToneAboveNewNyquist()
    {
        var high = Resample(new PolyphaseResampler(48000, 16000), Sine(10000, 48000, 48000), 1024);
        var low = Resample(new PolyphaseResampler(48000, 16000), Sine(3000, 48000, 48000), 1024);

        Assert.Equal(16000, high.Length);
        Assert.True(Rms(high[500..^500]) < 0.005, $"10 kHz aliased to {Rms(high[500..^500])} rms");
        Assert.Equal(3000, DominantHertz(low[500..^500], 16000), 2);
    }

    [Fact]
    public void Resample_44100To16k_LengthIsCeilOfRatio()
    {
        var resampler = new PolyphaseResampler(44100, 16000);

        var output = Resample(resampler, new float[44101], 4096);

        Assert.Equal(resampler.OutputFramesFor(44101), output.Length);
        Assert.Equal(16001, output.Length);
    }

    [Fact]
    public void Resample_BlockSizes_GiveTheSameOutput()
    {
        var input = Sine(440, 22050, 5000);

        var whole = Resample(new PolyphaseResampler(22050, 16000, maxWriteFrames: 5000), input, 5000);
        var pieces = Resample(new PolyphaseResampler(22050, 16000), input, 37);

        Assert.Equal(whole, pieces);
    }

    [Fact]
    public void Resample_Stereo_KeepsChannelsApart()
    {
        var left = Sine(500, 8000, 4000);
        var stereo = new float[8000];
        for (var i = 0; i < 4000; i++)
        {
            stereo[2 * i] = left[i];
        }

        var output = Resample(new PolyphaseResampler(8000, 16000, channels: 2), stereo, 300, channels: 2);

        Assert.Equal(16000, output.Length);
        Assert.All(Enumerable.Range(0, 8000), i => Assert.Equal(0f, output[(2 * i) + 1]));
        Assert.Equal(500, DominantHertz(Enumerable.Range(500, 7000).Select(i => output[2 * i]).ToArray(), 16000), 2);
    }

    [Fact]
    public void Reset_StartsANewStream()
    {
        var resampler = new PolyphaseResampler(8000, 16000);
        var first = Resample(resampler, Sine(300, 8000, 800), 100);
        resampler.Reset();

        var second = Resample(resampler, Sine(300, 8000, 800), 100);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Write_AfterFlush_Throws()
    {
        var resampler = new PolyphaseResampler(8000, 16000);
        resampler.Flush();

        Assert.Throws<InvalidOperationException>(() => resampler.Write(new float[4]));
    }

    [Fact]
    public void WriteRead_SteadyState_AllocatesNothing()
    {
        var resampler = new PolyphaseResampler(44100, 16000, maxWriteFrames: 1024);
        var input = Sine(440, 44100, 1024);
        var output = new float[1024];
        var allocated = Allocations.SteadyState(() =>
        {
            for (var i = 0; i < 1000; i++)
            {
                resampler.Write(input);
                resampler.Read(output);
            }
        });

        Assert.Equal(0, allocated);
    }

    private static float[] Resample(PolyphaseResampler resampler, float[] input, int block, int channels = 1)
    {
        var output = new List<float>();
        var chunk = new float[4096 * channels];
        for (var at = 0; at < input.Length; at += block * channels)
        {
            resampler.Write(input.AsSpan(at, Math.Min(block * channels, input.Length - at)));
            Drain();
        }

        resampler.Flush();
        Drain();
        return [.. output];

        void Drain()
        {
            int frames;
            while ((frames = resampler.Read(chunk)) > 0)
            {
                output.AddRange(chunk.AsSpan(0, frames * channels));
            }
        }
    }

    private static float[] Sine(double hertz, int rate, int frames) =>
        Enumerable.Range(0, frames).Select(i => (float)(0.7 * Math.Sin(2 * Math.PI * hertz * i / rate))).ToArray();

    private static double Rms(float[] x) => Math.Sqrt(x.Average(v => (double)v * v));

    // Mean power of the signal's component at one frequency (a single DFT bin, Goertzel-style).
    private static double Power(float[] x, int rate, double hertz)
    {
        double re = 0, im = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var angle = 2 * Math.PI * hertz * i / rate;
            re += x[i] * Math.Cos(angle);
            im -= x[i] * Math.Sin(angle);
        }

        return 2 * ((re * re) + (im * im)) / ((double)x.Length * x.Length);
    }

    private static double DominantHertz(float[] x, int rate) =>
        Enumerable.Range(1, (rate / 2 / 50) - 1).Select(bin => bin * 50.0).MaxBy(hertz => Power(x, rate, hertz));
}
