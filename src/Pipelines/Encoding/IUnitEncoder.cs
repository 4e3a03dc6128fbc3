using Sensact.Devices;

namespace Sensact.Pipelines.Encoding;

/// <summary>
/// Turns one sensing unit (a few consecutive frames of one modality, within one decision window)
/// into scores: the evidence the window's aggregation adds up. Any ONNX model plugs in as one.
/// </summary>
/// <remarks>
/// One caller at a time: the encoding stage calls an encoder from one thread. A stateful encoder
/// (a recurrent model such as Silero VAD) carries its state from one unit to the next until
/// <see cref="ResetState"/>; the stage calls it at the boundaries <see cref="Reset"/> names.
/// </remarks>
/// <typeparam name="T">The frames' payload type.</typeparam>
public interface IUnitEncoder<T> : IDisposable
{
    /// <summary>Gets the names of the scores <see cref="Encode"/> writes, in order (for example <c>speech</c>).</summary>
    IReadOnlyList<string> Scores { get; }

    /// <summary>Gets how many frames make one unit (an audio period, one camera frame, a few IMU samples).</summary>
    int FramesPerUnit { get; }

    /// <summary>Gets where the encoder's state is reset.</summary>
    EncoderReset Reset { get; }

    /// <summary>Forgets the state carried from earlier units; a stateless encoder does nothing.</summary>
    void ResetState();

    /// <summary>Encodes one unit; allocates nothing in steady state.</summary>
    /// <param name="unit">The unit's frames, oldest first; valid only during the call.</param>
    /// <param name="scores">Where the scores go, one per name in <see cref="Scores"/>. A NaN or infinite score marks the unit invalid.</param>
    /// <exception cref="ArgumentException">The unit does not fit the model (wrong length, format or size).</exception>
    void Encode(ReadOnlySpan<Frame<T>> unit, Span<float> scores);
}
