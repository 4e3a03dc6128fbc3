using Sensact.Devices;
using Sensact.Pipelines.Encoding;

namespace Sensact.Pipelines.Multimodal;

/// <summary>
/// One modality of a <see cref="MultimodalPipeline"/>: its frames, its encoder, how often it senses,
/// and its part in skipping. Make one with <see cref="Create{T}"/>.
/// </summary>
public abstract class Modality
{
    private protected Modality(string name, ModalityRole role, TimeSpan framePeriod)
    {
        Name = name;
        Role = role;
        FramePeriod = framePeriod;
    }

    /// <summary>Gets the modality's name (for example <c>audio</c>), unique in its pipeline.</summary>
    public string Name { get; }

    /// <summary>Gets its part in speculative skipping.</summary>
    public ModalityRole Role { get; }

    /// <summary>Gets the time between two frames, which gives the units a window should hold.</summary>
    public TimeSpan FramePeriod { get; }

    /// <summary>Gets the names of the encoder's scores.</summary>
    public abstract IReadOnlyList<string> Scores { get; }

    /// <summary>Gets how many frames make one unit.</summary>
    public abstract int FramesPerUnit { get; }

    /// <summary>Declares a modality.</summary>
    /// <typeparam name="T">The frames' payload type.</typeparam>
    /// <param name="name">The modality's name.</param>
    /// <param name="frames">
    /// Its frames in originating-time order, off the sensor thread: a <see cref="Sensors.SensorConsumer{T}"/>'s
    /// <c>Frames</c> with a named delivery policy on the application's scheduler. The pipeline encodes
    /// on the thread that delivers them.
    /// </param>
    /// <param name="encoder">The encoder; the pipeline does not dispose it.</param>
    /// <param name="framePeriod">The time between two frames (for example 32 ms for 512-sample audio chunks at 16 kHz).</param>
    /// <param name="role">Fast or slow; by default fast.</param>
    /// <returns>The modality.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or empty.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="frames"/> or <paramref name="encoder"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="framePeriod"/> is not positive, or the encoder's <c>FramesPerUnit</c> is less than 1.</exception>
    public static Modality Create<T>(string name, IObservable<Frame<T>> frames, IUnitEncoder<T> encoder, TimeSpan framePeriod, ModalityRole role = ModalityRole.Fast)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(encoder);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(framePeriod, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(encoder.FramesPerUnit, 1, nameof(encoder));
        return new Modality<T>(name, frames, encoder, framePeriod, role);
    }

    /// <summary>Gets the units a window of <paramref name="windowLength"/> holds.</summary>
    /// <param name="windowLength">The window's length.</param>
    /// <returns>At least 1.</returns>
    public int UnitsPerWindow(TimeSpan windowLength) => (int)Math.Max(1, windowLength.Ticks / (FramePeriod.Ticks * FramesPerUnit));

    internal abstract ModalityRunner CreateRunner(WindowEngine engine, int index);
}
