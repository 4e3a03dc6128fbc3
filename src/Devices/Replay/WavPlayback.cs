using Sensact.Devices.Audio.Wav;

namespace Sensact.Devices.Replay;

/// <summary>
/// One subscription's pass over a WAV playlist: the open file, the resampler for its rate, and the
/// samples read into each period; files follow each other without a gap.
/// </summary>
/// <remarks>Not thread-safe; the source calls it under a lock.</remarks>
internal sealed class WavPlayback : IDisposable
{
    private const int ScratchFrames = 1024;

    private readonly string _path;
    private readonly int _rate;
    private readonly int _channels;
    private readonly bool _loop;
    private readonly bool _resample;
    private readonly float[] _scratch;
    private readonly Dictionary<int, PolyphaseResampler> _resamplers = [];
    private IReadOnlyList<(string File, string? Label)> _files;
    private int _index = -1;
    private long _framesThisPass;
    private WavReader? _reader;
    private PolyphaseResampler? _resampler;
    private bool _flushed;

    /// <summary>Lists the files and checks every header; a file that does not fit throws.</summary>
    /// <exception cref="IOException">A file cannot be read, is not 16-bit PCM, or does not match the replay's rate or channels.</exception>
    public WavPlayback(string path, int rate, int channels, bool resample, bool loop)
    {
        _path = path;
        _rate = rate;
        _channels = channels;
        _loop = loop;
        _resample = resample;
        _scratch = new float[ScratchFrames * channels];
        _files = List(path, rate, channels, resample);
    }

    /// <summary>Gets the label of the file now playing.</summary>
    public string? Label { get; private set; }

    /// <summary>
    /// Lists the files of <paramref name="path"/> and checks that each is 16-bit PCM with
    /// <paramref name="channels"/> channels and, unless resampled, <paramref name="rate"/> Hz.
    /// </summary>
    public static IReadOnlyList<(string File, string? Label)> List(string path, int rate, int channels, bool resample)
    {
        var files = WavPlaylist.Files(path);
        foreach (var (file, _) in files)
        {
            var format = WavReader.ReadFormat(file);
            if (format.Channels != channels)
            {
                throw new WavFormatException($"WAV file '{file}' has {format.Channels} channel(s), but the replay of '{path}' plays {channels}; give every file the same channel count.");
            }

            if (!resample && format.SampleRate != rate)
            {
                throw new WavFormatException($"WAV file '{file}' is at {format.SampleRate} Hz, but the replay of '{path}' plays {rate} Hz; set ResampleToHz to play files of different rates.");
            }
        }

        return files;
    }

    /// <summary>Fills <paramref name="destination"/> with the next frames, moving on to the next file as each ends.</summary>
    /// <returns>The frames written: fewer than fit only when the playlist is over.</returns>
    /// <exception cref="IOException">A file cannot be read or is damaged, or a looping pass found no samples.</exception>
    public int Fill(Span<float> destination)
    {
        var wanted = destination.Length / _channels;
        var filled = 0;
        while (filled < wanted)
        {
            var target = destination[(filled * _channels)..];
            if (_reader is null)
            {
                if (!NextFile())
                {
                    return filled;
                }

                continue;
            }

            int got;
            if (_resampler is null)
            {
                got = _reader.Read(target);
            }
            else
            {
                got = _resampler.Read(target);
                if (got == 0)
                {
                    var read = _reader.Read(_scratch);
                    if (read > 0)
                    {
                        _resampler.Write(_scratch.AsSpan(0, read * _channels));
                        _framesThisPass += read;
                        continue;
                    }

                    if (!_flushed)
                    {
                        _resampler.Flush();
                        _flushed = true;
                        continue;
                    }
                }
            }

            if (got == 0)
            {
                CloseFile();
                continue;
            }

            if (_resampler is null)
            {
                _framesThisPass += got;
            }

            filled += got;
        }

        return filled;
    }

    /// <inheritdoc />
    public void Dispose() => CloseFile();

    private bool NextFile()
    {
        if (++_index == _files.Count)
        {
            if (!_loop)
            {
                return false;
            }

            if (_framesThisPass == 0)
            {
                throw new WavFormatException($"WAV replay path '{_path}' holds no samples; a looping replay of it would never emit.");
            }

            // A looping replay reads its path again at every pass, like the IMU replay.
            _files = List(_path, _rate, _channels, _resample);
            _index = 0;
            _framesThisPass = 0;
        }

        var (file, label) = _files[_index];
        _reader = WavReader.Open(file);
        Label = label;
        var fileRate = _reader.Format.SampleRate;
        if (fileRate == _rate)
        {
            _resampler = null;
        }
        else
        {
            if (!_resamplers.TryGetValue(fileRate, out var resampler))
            {
                resampler = new PolyphaseResampler(fileRate, _rate, _channels, ScratchFrames);
                _resamplers[fileRate] = resampler;
            }

            resampler.Reset();
            _resampler = resampler;
            _flushed = false;
        }

        return true;
    }

    private void CloseFile()
    {
        _reader?.Dispose();
        _reader = null;
    }
}
