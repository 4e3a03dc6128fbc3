namespace Sensact.Devices.Recording;

/// <summary>One stream a <see cref="McapRecorder"/> records: its topic, codec and channel metadata.</summary>
/// <typeparam name="T">The payload type.</typeparam>
public sealed class RecordedChannel<T>
{
    internal RecordedChannel(int index, string topic, IFrameCodec<T> codec, IReadOnlyDictionary<string, string> metadata)
    {
        Index = index;
        Topic = topic;
        Codec = codec;
        Metadata = metadata;
    }

    /// <summary>Gets the channel's topic (the sensor's name).</summary>
    public string Topic { get; }

    /// <summary>Gets how frames are encoded.</summary>
    public IFrameCodec<T> Codec { get; }

    /// <summary>Gets the channel's metadata, written in every file.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>Gets how many frames were written.</summary>
    public long Written { get; internal set; }

    internal int Index { get; }
}
