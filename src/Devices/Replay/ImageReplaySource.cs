using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Devices.Sensors;

namespace Sensact.Devices.Replay;

/// <summary>
/// Replays still images (PNG, JPEG) as camera frames: a folder of images in name order, or one image,
/// each decoded to <see cref="ImagePixelFormat.Rgb24"/> and shown as one frame, paced by a scheduler.
/// </summary>
/// <remarks>
/// <para>
/// For images <see cref="ReplayOptions.SampleRateHz"/> is the frame rate: frame <c>i</c> is due at
/// <c>subscribeTime + i / (SampleRateHz * SpeedFactor)</c>, or back to back when the replay runs as fast as
/// possible (<see cref="ReplayPacing"/>, as for every replay). With <see cref="ReplayOptions.Loop"/> the
/// images play again from the first; a single image looped is a still camera.
/// </para>
/// <para>
/// Each subscription decodes the images once per pass (a looping replay reads its path again at the start
/// of every pass, so images added meanwhile are shown, and a path that has gone away fails the stream) and
/// hands out a pooled copy of an image for every frame: the consumers own their frames and release them.
/// A file that does not decode fails the stream naming it.
/// </para>
/// </remarks>
public sealed class ImageReplaySource : ISensorSource<ImageFrame>, ISampledSensor
{
    private static readonly string[] Extensions = [".png", ".jpg", ".jpeg"];
    private readonly string _path;
    private readonly ReplayOptions _options;
    private readonly BufferPool<byte> _pool;
    private readonly IScheduler _scheduler;
    private readonly ILogger _logger;
    private string? _current;

    /// <summary>Creates a replay; nothing is read until <see cref="Frames"/> is subscribed.</summary>
    /// <param name="id">The source id stamped on every frame (the sensor's configured name).</param>
    /// <param name="options">What to replay and how fast (<see cref="ReplayOptions.SampleRateHz"/> in frames per second); copied now.</param>
    /// <param name="pool">Where frame buffers are rented; a pool of the source's own when <c>null</c>.</param>
    /// <param name="scheduler">The scene clock that paces the replay; <see cref="Scheduler.Default"/> when <c>null</c>.</param>
    /// <param name="logger">Where to report what is replayed.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or <paramref name="options"/> is not valid.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="options"/> is <c>null</c>.</exception>
    public ImageReplaySource(string id, ReplayOptions options, BufferPool<byte>? pool = null, IScheduler? scheduler = null, ILogger<ImageReplaySource>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Image replay options of '{id}' are not valid: {string.Join(" ", errors)}", nameof(options));
        }

        Id = id;
        _options = options.Copy();
        _path = options.Path;
        SampleRateHz = options.SampleRateHz;
        _pool = pool ?? new BufferPool<byte>();
        _scheduler = scheduler ?? Scheduler.Default;
        _logger = logger ?? NullLogger<ImageReplaySource>.Instance;
        Frames = Observable.Create<Frame<ImageFrame>>(Subscribe);
    }

    /// <inheritdoc />
    public string Id { get; }

    /// <inheritdoc />
    public IObservable<Frame<ImageFrame>> Frames { get; }

    /// <summary>Gets the frames per second of scene time.</summary>
    public double SampleRateHz { get; }

    /// <summary>Gets the file name of the image shown last, or <c>null</c> before the first frame.</summary>
    public string? CurrentImage => Volatile.Read(ref _current);

    /// <summary>Tells whether <paramref name="path"/> is an image, or a folder that directly holds at least one.</summary>
    /// <param name="path">A replay's path (maybe missing).</param>
    /// <returns><c>true</c> for a PNG or JPEG file name or such a folder.</returns>
    public static bool IsImagePath(string path) =>
        IsImageName(path) || (Directory.Exists(path) && Directory.EnumerateFiles(path).Any(IsImageName));

    /// <summary>Lists the images a replay of <paramref name="path"/> shows, in order: the file itself, or a folder's images by name (ordinal).</summary>
    /// <param name="path">An image or a folder of images.</param>
    /// <returns>The files; never empty.</returns>
    /// <exception cref="FileNotFoundException">The path does not exist, or the folder holds no image.</exception>
    public static IReadOnlyList<string> Files(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        if (!Directory.Exists(path))
        {
            throw new FileNotFoundException($"Image replay path '{path}' is neither an image nor a folder; check the sensor's Path.", path);
        }

        var files = Directory.EnumerateFiles(path).Where(IsImageName).Order(StringComparer.Ordinal).ToList();
        return files.Count > 0
            ? files
            : throw new FileNotFoundException($"Image replay folder '{path}' holds no .png, .jpg or .jpeg file; check the sensor's Path.", path);
    }

    /// <summary>Checks, before an agent starts, that every image of <paramref name="path"/> can be read (headers only).</summary>
    /// <param name="path">The replay's path.</param>
    /// <returns>Why the path cannot be replayed, or <c>null</c> when it can.</returns>
    public static string? FindProblem(string path)
    {
        try
        {
            foreach (var file in Files(path))
            {
                if (ImageDecoder.ReadSize(File.ReadAllBytes(file)) is null)
                {
                    return $"'{file}' is not a PNG or JPEG image.";
                }
            }

            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return error.Message;
        }
    }

    private static bool IsImageName(string path) =>
        Extensions.Any(extension => path.EndsWith(extension, StringComparison.OrdinalIgnoreCase));

    private List<(string Name, ImageFrame Image)> Decode()
    {
        var decoder = new ImageDecoder();
        var images = new List<(string, ImageFrame)>();
        try
        {
            foreach (var file in Files(_path))
            {
                try
                {
                    images.Add((Path.GetFileName(file), decoder.DecodeRgb24(File.ReadAllBytes(file), _pool)));
                }
                catch (InvalidDataException error)
                {
                    throw new InvalidDataException($"Image replay: '{file}' did not decode: {error.Message}", error);
                }
            }

            return images;
        }
        catch
        {
            Release(images);
            throw;
        }
    }

    private static void Release(List<(string Name, ImageFrame Image)> images)
    {
        foreach (var (_, image) in images)
        {
            image.Release();
        }

        images.Clear();
    }

    private IDisposable Subscribe(IObserver<Frame<ImageFrame>> observer)
    {
        List<(string Name, ImageFrame Image)> images;
        try
        {
            images = Decode();
        }
        catch (Exception error) when (IsReadError(error))
        {
            observer.OnError(error);
            return Disposable.Empty;
        }

        _logger.LogInformation(
            "Replaying {Images} images from {Path} at {Rate} frames/s, loop {Loop}",
            images.Count, _path, _options.AsFastAsPossible ? "as fast as possible" : SampleRateHz * _options.SpeedFactor, _options.Loop);

        // The decoded images are this subscription's; the lock keeps a disposal from releasing them while a
        // frame is being copied from one on the scheduler.
        var gate = new Lock();
        var index = 0;
        var emission = ReplayPacing.Run(_scheduler, _options, ReplayPacing.FixedRate(SampleRateHz), (sequence, originatingTime) =>
        {
            ImageFrame copy;
            lock (gate)
            {
                if (images.Count == 0)
                {
                    return false;
                }

                var (name, image) = images[index];
                var pixels = _pool.Rent(image.Pixels.Length);
                image.Pixels.Span.CopyTo(pixels.Span);
                copy = new ImageFrame(image.Width, image.Height, image.Format, image.Stride, pixels);
                Volatile.Write(ref _current, name);
            }

            observer.OnNext(new Frame<ImageFrame>(copy, originatingTime, Id, sequence));
            lock (gate)
            {
                if (images.Count == 0 || ++index < images.Count)
                {
                    return images.Count > 0;
                }

                index = 0;
                Release(images);
                if (!_options.Loop)
                {
                    observer.OnCompleted();
                    return false;
                }

                try
                {
                    images = Decode();
                }
                catch (Exception error) when (IsReadError(error))
                {
                    observer.OnError(error);
                    return false;
                }

                return true;
            }
        });

        return StableCompositeDisposable.Create(emission, Disposable.Create(() =>
        {
            lock (gate)
            {
                Release(images);
            }
        }));
    }

    private static bool IsReadError(Exception error) =>
        error is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException or NotSupportedException;
}
