using Sensact.Devices.Audio.Wav;

namespace Sensact.Devices.Tests.Audio;

public sealed class WavReaderTests
{
    [Fact]
    public void Constructor_NullStream_Throws() =>
        Assert.Throws<ArgumentNullException>("stream", () => new WavReader(null!, "x.wav"));

    [Fact]
    public void Read_MonoPcm16_ScalesToFloat()
    {
        using var reader = Reader(WavBytes.Pcm16(16000, 1, [0, 16384, -32768, 32767]));
        var samples = new float[8];

        var frames = reader.Read(samples);

        Assert.Equal(new WavFormat(16000, 1, 16, 4), reader.Format);
        Assert.Equal(4, frames);
        Assert.Equal([0f, 0.5f, -1f, 32767f / 32768f], samples[..4]);
        Assert.Equal(0, reader.Read(samples));
    }

    [Fact]
    public void Read_StereoInSmallBlocks_KeepsWholeFramesInterleaved()
    {
        using var reader = Reader(WavBytes.Pcm16(8000, 2, [1, -1, 2, -2, 3, -3]));
        var block = new float[5];

        Assert.Equal(2, reader.Read(block));
        Assert.Equal([1 / 32768f, -1 / 32768f, 2 / 32768f, -2 / 32768f], block[..4]);
        Assert.Equal(1, reader.Read(block));
        Assert.Equal(3 / 32768f, block[0]);
        Assert.Equal(0, reader.FramesLeft);
    }

    [Fact]
    public void Constructor_UnknownChunksBeforeFmtAndData_AreSkipped()
    {
        var bytes = WavBytes.Pcm16(16000, 1, [7, 8], ("LIST", new byte[13]), ("fact", new byte[4]));

        using var reader = Reader(bytes);

        Assert.Equal(2, reader.Format.FrameCount);
    }

    [Fact]
    public void Constructor_ExtensiblePcm_IsRead()
    {
        using var reader = Reader(WavBytes.Build(WavBytes.ExtensibleFmt(1, 1, 48000, 16), new byte[8]));

        Assert.Equal(new WavFormat(48000, 1, 16, 4), reader.Format);
    }

    [Theory]
    [InlineData(8, "8-bit PCM")]
    [InlineData(24, "24-bit PCM")]
    public void Constructor_OtherBitDepths_ThrowNamingDepth(int bits, string expected)
    {
        var error = Assert.Throws<WavFormatException>(() => Reader(WavBytes.Build(WavBytes.Fmt(1, 1, 16000, bits), new byte[12]), "song.wav"));

        Assert.Contains("'song.wav'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("only 16-bit PCM", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Float_ThrowsSayingFloat()
    {
        var error = Assert.Throws<WavFormatException>(() => Reader(WavBytes.Build(WavBytes.Fmt(3, 1, 16000, 32), new byte[8])));

        Assert.Contains("32-bit floating-point", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ExtensibleFloat_ThrowsSayingFloat()
    {
        var error = Assert.Throws<WavFormatException>(() => Reader(WavBytes.Build(WavBytes.ExtensibleFmt(3, 1, 16000, 32), new byte[8])));

        Assert.Contains("floating-point", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_Compressed_ThrowsNamingTag()
    {
        var error = Assert.Throws<WavFormatException>(() => Reader(WavBytes.Build(WavBytes.Fmt(0x55, 1, 16000, 16), new byte[8])));

        Assert.Contains("compressed (format tag 0x0055)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DataLongerThanFile_ThrowsTruncated()
    {
        var bytes = WavBytes.Build(WavBytes.Fmt(1, 1, 16000, 16), new byte[10], declaredDataBytes: 1000);

        var error = Assert.Throws<WavFormatException>(() => Reader(bytes, "cut.wav"));

        Assert.Contains("'cut.wav' is truncated: its data chunk declares 1000 bytes but only 10 follow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_PartialFrame_ThrowsTruncated()
    {
        var error = Assert.Throws<WavFormatException>(() => Reader(WavBytes.Build(WavBytes.Fmt(1, 2, 16000, 16), new byte[6])));

        Assert.Contains("not a whole number of 4-byte frames", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_CutInsideHeader_ThrowsTruncated()
    {
        var bytes = WavBytes.Pcm16(16000, 1, [1, 2, 3]);

        var error = Assert.Throws<WavFormatException>(() => Reader(bytes[..20]));

        Assert.Contains("truncated inside its 'fmt ' chunk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NotRiff_Throws()
    {
        var error = Assert.Throws<WavFormatException>(() => Reader("ID3 this is an mp3 file"u8.ToArray(), "song.mp3"));

        Assert.Contains("'song.mp3' is not a RIFF/WAVE file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NoDataChunk_Throws()
    {
        var bytes = WavBytes.Pcm16(16000, 1, []);

        var error = Assert.Throws<WavFormatException>(() => Reader(bytes[..36]));

        Assert.Contains("has no 'data' chunk", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StreamEndsEarly_ThrowsTruncated()
    {
        // A stream that cannot seek hides its length: the reader finds the cut while reading.
        var bytes = WavBytes.Build(WavBytes.Fmt(1, 1, 16000, 16), new byte[4], declaredDataBytes: 40);
        using var reader = new WavReader(new UnseekableStream(bytes), "pipe.wav");

        var error = Assert.Throws<WavFormatException>(() => reader.Read(new float[20]));

        Assert.Contains("'pipe.wav' is truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RealClip_ReadsSpeechCommandsFormat()
    {
        using var folder = new TempFolder();
        var path = WavBytes.WriteTo(folder, "a.wav", WavBytes.Pcm16(16000, 1, WavBytes.Sine(440, 16000, 16000)));

        var format = WavReader.ReadFormat(path);

        Assert.Equal(TimeSpan.FromSeconds(1), format.Duration);
    }

    private static WavReader Reader(byte[] bytes, string name = "test.wav") => new(new MemoryStream(bytes), name);

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
