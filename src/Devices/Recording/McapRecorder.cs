using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Sensact.Devices.Recording;

/// <summary>
/// Records frames of several streams into a series of MCAP files in one folder, within the limits of
/// <see cref="RecordingOptions"/>: a file is closed and the next opened when it would pass
/// <see cref="RecordingOptions.MaxFileBytes"/> or has been open <see cref="RecordingOptions.MaxFileDuration"/>;
/// before a file is opened the oldest recordings in the folder are deleted until the folder, with
/// a full new file, fits <see cref="RecordingOptions.MaxTotalBytes"/>.
/// </summary>
/// <remarks>
/// <para>
/// Files are named <c>sensact-{UTC time}-{n}.mcap</c>, so their names sort in the order they were
/// made; only files named so are ever deleted. Each file holds the Schema and Channel records of
/// the streams written to it, written before their first message. A message's log time is the
/// frame's originating time, its publish time the <see cref="TimeProvider"/>'s time when written.
/// Buffered records reach the file at least once a second of that time, so a crash loses at most
/// about a second.
/// </para>
/// <para>Not thread-safe: one recorder is written from one thread. Frames keep their payloads: releasing a pooled one is the caller's.</para>
/// </remarks>
public sealed partial class McapRecorder : IDisposable
{
    /// <summary>The pattern of the files a recorder writes (and may delete).</summary>
    public const string FilePattern = "sensact-*.mcap";

    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    private const int FileOverhead = 4096;

    private readonly RecordingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<string> _files = [];
    private readonly Dictionary<string, ushort> _fileSchemas = new(StringComparer.Ordinal);
    private readonly List<int> _fileChannels = [];
    private int _channels;
    private McapWriter? _writer;
    private DateTimeOffset _openedAt;
    private DateTimeOffset _flushedAt;
    private int _fileNumber;

    /// <summary>Creates a recorder; no file is opened until the first frame.</summary>
    /// <param name="options">Where and within which limits; the values are copied now.</param>
    /// <param name="time">The clock of file durations, names and publish times; the system's when <c>null</c>.</param>
    /// <param name="logger">Where files opened, closed and deleted are reported.</param>
    /// <exception cref="ArgumentException"><paramref name="options"/> is not valid (see <see cref="RecordingOptions.Validate"/>).</exception>
    public McapRecorder(RecordingOptions options, TimeProvider? time = null, ILogger<McapRecorder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Recording options are not valid: {string.Join(" ", errors)}", nameof(options));
        }

        _options = options.Copy();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<McapRecorder>.Instance;
    }

    /// <summary>Gets the files this recorder wrote that it has not deleted, oldest first; the last may be open.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Gets the file being written, or <c>null</c> between files.</summary>
    public string? CurrentFile => _writer is null ? null : _files[^1];

    /// <summary>Gets how many frames were too large for a file of <see cref="RecordingOptions.MaxFileBytes"/> and were not written.</summary>
    public long Oversized { get; private set; }

    /// <summary>Gets how many frames were written.</summary>
    public long Written { get; private set; }

    /// <summary>Adds a stream; its channel is written to a file with its first frame there.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="topic">The channel's topic: the sensor's name.</param>
    /// <param name="codec">How frames are encoded.</param>
    /// <param name="metadata">The channel's metadata; none when <c>null</c>.</param>
    /// <returns>The stream, to write its frames with.</returns>
    public RecordedChannel<T> AddChannel<T>(string topic, IFrameCodec<T> codec, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(codec);
        return new RecordedChannel<T>(_channels++, topic, codec, metadata ?? new Dictionary<string, string>());
    }

    /// <summary>Writes a frame, opening, closing and deleting files as the limits say.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="channel">The stream, from <see cref="AddChannel"/>.</param>
    /// <param name="frame">The frame; its payload is not released.</param>
    /// <returns><c>false</c> when the frame is larger than a file may be (counted in <see cref="Oversized"/>).</returns>
    /// <exception cref="IOException">A file cannot be created, written or deleted.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The frame's originating time is before 1970, which MCAP cannot store.</exception>
    public bool Write<T>(RecordedChannel<T> channel, in Frame<T> frame)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var logTime = McapTime.ToNanoseconds(frame.OriginatingTime);
        var length = channel.Codec.DataLength(frame);
        var recordLength = McapWriter.MessageRecordLength(length);
        if (recordLength + FileOverhead > _options.MaxFileBytes)
        {
            Oversized++;
            return false;
        }

        var now = _time.GetUtcNow();
        if (_writer is not null && _writer.MessageCount > 0
            && (now - _openedAt >= _options.MaxFileDuration || _writer.Length + _writer.FinishLength + recordLength + FileOverhead > _options.MaxFileBytes))
        {
            CloseFile();
        }

        var writer = _writer ?? OpenFile(now);
        var channelId = ChannelInFile(writer, channel);
        channel.Codec.Write(frame, writer.BeginMessage(channelId, unchecked((uint)frame.Sequence), logTime, McapTime.ToNanoseconds(now), length));
        channel.Written++;
        Written++;
        if (now - _flushedAt >= FlushInterval)
        {
            writer.Flush();
            _flushedAt = now;
        }

        return true;
    }

    /// <summary>Opens the next file now, if none is open (to name it before the first frame arrives).</summary>
    /// <returns>The file being written.</returns>
    /// <exception cref="IOException">The folder or the file cannot be created.</exception>
    public string OpenFile()
    {
        if (_writer is null)
        {
            OpenFile(_time.GetUtcNow());
        }

        return _files[^1];
    }

    /// <summary>Finishes the file being written (summary and footer); the next frame opens a new one.</summary>
    public void CloseFile()
    {
        if (_writer is null)
        {
            return;
        }

        var writer = _writer;
        _writer = null;
        writer.Dispose();
        LogClosed(_files[^1], writer.MessageCount, writer.Length);
    }

    /// <summary>Finishes the file being written.</summary>
    public void Dispose() => CloseFile();

    private McapWriter OpenFile(DateTimeOffset now)
    {
        var directory = _options.Directory;
        Directory.CreateDirectory(directory);
        MakeRoom(directory);
        var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'.'fff'Z'", CultureInfo.InvariantCulture);
        while (true)
        {
            var path = Path.Combine(directory, string.Create(CultureInfo.InvariantCulture, $"sensact-{stamp}-{++_fileNumber:D4}.mcap"));
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);
            }
            catch (IOException) when (File.Exists(path))
            {
                continue; // Another recorder made this name in the same millisecond.
            }

            _writer = new McapWriter(stream);
            _files.Add(path);
            _fileSchemas.Clear();
            _fileChannels.Clear();
            _openedAt = now;
            _flushedAt = now;
            LogOpened(path);
            return _writer;
        }
    }

    // Deletes the oldest recordings until those left and a full new file fit the total.
    private void MakeRoom(string directory)
    {
        var existing = new DirectoryInfo(directory).GetFiles(FilePattern).OrderBy(file => file.Name, StringComparer.Ordinal).ToList();
        var total = existing.Sum(file => file.Length);
        foreach (var file in existing)
        {
            if (total + _options.MaxFileBytes <= _options.MaxTotalBytes)
            {
                break;
            }

            var length = file.Length;
            file.Delete();
            total -= length;
            _files.Remove(file.FullName);
            _files.Remove(Path.Combine(directory, file.Name));
            LogDeleted(file.FullName, length, _options.MaxTotalBytes);
        }
    }

    private ushort ChannelInFile<T>(McapWriter writer, RecordedChannel<T> channel)
    {
        while (_fileChannels.Count <= channel.Index)
        {
            _fileChannels.Add(-1);
        }

        if (_fileChannels[channel.Index] is var known and >= 0)
        {
            return (ushort)known;
        }

        var codec = channel.Codec;
        if (!_fileSchemas.TryGetValue(codec.SchemaName, out var schemaId))
        {
            schemaId = writer.AddSchema(codec.SchemaName, FrameCodecs.Encoding, System.Text.Encoding.UTF8.GetBytes(codec.SchemaText));
            _fileSchemas.Add(codec.SchemaName, schemaId);
        }

        var id = writer.AddChannel(schemaId, channel.Topic, FrameCodecs.Encoding, channel.Metadata);
        _fileChannels[channel.Index] = id;
        return id;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording to {File}")]
    private partial void LogOpened(string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recording file {File} closed: {Messages} messages, {Bytes} bytes")]
    private partial void LogClosed(string file, long messages, long bytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the oldest recording {File} ({Bytes} bytes) to stay within {MaxTotalBytes} bytes (Recording:MaxTotalBytes)")]
    private partial void LogDeleted(string file, long bytes, long maxTotalBytes);
}
