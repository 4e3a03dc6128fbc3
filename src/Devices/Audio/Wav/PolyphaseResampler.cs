using System.Numerics;

namespace Sensact.Devices.Audio.Wav;

/// <summary>
/// Changes the sample rate of a stream of interleaved audio by a rational factor with a
/// polyphase windowed-sinc filter; allocation-free once created.
/// </summary>
/// <remarks>
/// <para>
/// The ratio <c>outputRate / inputRate</c> is reduced to <c>L / M</c>. Output frame <c>n</c> lies at
/// input time <c>n·M/L</c>; it is the dot product of the <c>2·half</c> input frames around that time
/// with one of <c>L</c> precomputed phases of a Blackman-windowed sinc. The cut-off is 0.95 of the
/// lower of the two Nyquist frequencies (so downsampling does not alias) and <c>half</c> spans
/// 16 zero crossings of the sinc on each side, which keeps the stop band below about −70 dB. Each
/// phase is normalised to a DC gain of 1. The first output frame lies at the first input frame
/// (input before it is taken as silence), and after <see cref="Flush"/> the output holds
/// <c>ceil(inputFrames·L/M)</c> frames.
/// </para>
/// <para>
/// Input is written into a buffer of fixed capacity (<see cref="Write"/>) and output read from it
/// (<see cref="Read"/>); frames no longer needed are moved to its front, so nothing is allocated per
/// block. Not thread-safe: one stream, one thread.
/// </para>
/// </remarks>
public sealed class PolyphaseResampler
{
    private const int ZeroCrossings = 16;
    private const double CutoffMargin = 0.95;

    private readonly float[] _coefficients;
    private readonly float[] _buffer;
    private readonly int _half;
    private readonly int _taps;
    private readonly int _channels;
    private long _bufferStart;
    private int _count;
    private long _center;
    private int _phase;
    private long _written;
    private bool _flushed;

    /// <summary>Creates a resampler.</summary>
    /// <param name="inputRate">The input's rate, in hertz.</param>
    /// <param name="outputRate">The output's rate, in hertz.</param>
    /// <param name="channels">Interleaved channels per frame.</param>
    /// <param name="maxWriteFrames">The most frames one <see cref="Write"/> takes.</param>
    /// <exception cref="ArgumentOutOfRangeException">A rate, <paramref name="channels"/> or <paramref name="maxWriteFrames"/> is not positive.</exception>
    public PolyphaseResampler(int inputRate, int outputRate, int channels = 1, int maxWriteFrames = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxWriteFrames);
        var gcd = (int)BigInteger.GreatestCommonDivisor(inputRate, outputRate);
        Up = outputRate / gcd;
        Down = inputRate / gcd;
        InputRate = inputRate;
        OutputRate = outputRate;
        _channels = channels;
        var band = Math.Min(1.0, (double)Up / Down);
        _half = (int)Math.Ceiling(ZeroCrossings / band);
        _taps = 2 * _half;
        _coefficients = Design(Up, _half, band * CutoffMargin);
        MaxWriteFrames = maxWriteFrames;
        _buffer = new float[(_taps + maxWriteFrames + Down + 1) * channels];
        Reset();
    }

    /// <summary>Gets the input rate, in hertz.</summary>
    public int InputRate { get; }

    /// <summary>Gets the output rate, in hertz.</summary>
    public int OutputRate { get; }

    /// <summary>Gets <c>L</c>, the reduced output factor.</summary>
    public int Up { get; }

    /// <summary>Gets <c>M</c>, the reduced input factor.</summary>
    public int Down { get; }

    /// <summary>Gets the input frames each output frame is computed from.</summary>
    public int Taps => _taps;

    /// <summary>Gets the most frames one <see cref="Write"/> takes.</summary>
    public int MaxWriteFrames { get; }

    /// <summary>Appends input frames; read the output they make possible with <see cref="Read"/> before writing more.</summary>
    /// <param name="input">Interleaved samples, a whole number of frames, at most <see cref="MaxWriteFrames"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="input"/> is not whole frames, or more than <see cref="MaxWriteFrames"/>.</exception>
    /// <exception cref="InvalidOperationException">The stream was flushed, or its output was not read.</exception>
    public void Write(ReadOnlySpan<float> input)
    {
        if (input.Length % _channels != 0 || input.Length / _channels > MaxWriteFrames)
        {
            throw new ArgumentException($"Write whole {_channels}-channel frames, at most {MaxWriteFrames} at a time (got {input.Length} samples).", nameof(input));
        }

        if (_flushed)
        {
            throw new InvalidOperationException("The stream was flushed; Reset it before writing a new one.");
        }

        Compact();
        var frames = input.Length / _channels;
        if ((_count + frames) * _channels > _buffer.Length)
        {
            throw new InvalidOperationException("The resampler's buffer is full: Read its output before writing more.");
        }

        input.CopyTo(_buffer.AsSpan(_count * _channels));
        _count += frames;
        _written += frames;
    }

    /// <summary>Ends the stream: the output up to its last input frame becomes readable.</summary>
    public void Flush()
    {
        if (_flushed)
        {
            return;
        }

        Compact();
        _buffer.AsSpan(_count * _channels, _half * _channels).Clear();
        _count += _half;
        _flushed = true;
    }

    /// <summary>Starts a new stream: forgets every frame written and every position.</summary>
    public void Reset()
    {
        // Input before the first frame is silence: half - 1 zero frames of history.
        _buffer.AsSpan().Clear();
        _bufferStart = -(_half - 1);
        _count = _half - 1;
        _center = 0;
        _phase = 0;
        _written = 0;
        _flushed = false;
    }

    /// <summary>Computes as many output frames as the input written so far allows.</summary>
    /// <param name="output">Where the interleaved output goes.</param>
    /// <returns>The frames written to <paramref name="output"/>.</returns>
    public int Read(Span<float> output)
    {
        var capacity = output.Length / _channels;
        var produced = 0;
        var end = _bufferStart + _count;
        while (produced < capacity && _center + _half < end)
        {
            var first = (int)(_center - _half + 1 - _bufferStart);
            var taps = _coefficients.AsSpan(_phase * _taps, _taps);
            if (_channels == 1)
            {
                output[produced] = Dot(taps, _buffer.AsSpan(first, _taps));
            }
            else
            {
                for (var c = 0; c < _channels; c++)
                {
                    var sum = 0f;
                    for (var k = 0; k < _taps; k++)
                    {
                        sum += taps[k] * _buffer[((first + k) * _channels) + c];
                    }

                    output[(produced * _channels) + c] = sum;
                }
            }

            produced++;
            var next = _phase + Down;
            _center += next / Up;
            _phase = next % Up;
        }

        return produced;
    }

    /// <summary>The output frames a stream of <paramref name="inputFrames"/> makes once flushed.</summary>
    /// <param name="inputFrames">Input frames.</param>
    /// <returns><c>ceil(inputFrames·L/M)</c>.</returns>
    public long OutputFramesFor(long inputFrames) => ((inputFrames * Up) + Down - 1) / Down;

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        var k = 0;
        for (; k <= a.Length - Vector<float>.Count; k += Vector<float>.Count)
        {
            sum += new Vector<float>(a[k..]) * new Vector<float>(b[k..]);
        }

        var total = Vector.Sum(sum);
        for (; k < a.Length; k++)
        {
            total += a[k] * b[k];
        }

        return total;
    }

    private static float[] Design(int phases, int half, double cutoff)
    {
        var taps = 2 * half;
        var coefficients = new float[phases * taps];
        var row = new double[taps];
        for (var p = 0; p < phases; p++)
        {
            var sum = 0.0;
            for (var k = 0; k < taps; k++)
            {
                // Distance, in input frames, from the output's time to input frame k of its span.
                var d = half - 1 - k + ((double)p / phases);
                var x = d / half;
                var window = Math.Abs(x) >= 1 ? 0 : 0.42 + (0.5 * Math.Cos(Math.PI * x)) + (0.08 * Math.Cos(2 * Math.PI * x));
                var arg = Math.PI * cutoff * d;
                var sinc = d == 0 ? 1 : Math.Sin(arg) / arg;
                row[k] = cutoff * sinc * window;
                sum += row[k];
            }

            for (var k = 0; k < taps; k++)
            {
                coefficients[(p * taps) + k] = (float)(row[k] / sum);
            }
        }

        return coefficients;
    }

    // Moves the frames the next output still needs to the front of the buffer.
    private void Compact()
    {
        var keepFrom = _center - _half + 1;
        var drop = (int)Math.Clamp(keepFrom - _bufferStart, 0, _count);
        if (drop == 0)
        {
            return;
        }

        _buffer.AsSpan(drop * _channels, (_count - drop) * _channels).CopyTo(_buffer);
        _bufferStart += drop;
        _count -= drop;
    }
}
