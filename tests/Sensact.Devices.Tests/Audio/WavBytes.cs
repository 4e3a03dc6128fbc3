using System.Buffers.Binary;
using System.Text;

namespace Sensact.Devices.Tests.Audio;

/// <summary>Builds RIFF/WAVE files byte by byte, good and bad, for the reader's tests.</summary>
internal static class WavBytes
{
    /// <summary>A 16-bit PCM file of <paramref name="samples"/> (interleaved), with optional chunks before the data.</summary>
    public static byte[] Pcm16(int rate, int channels, ReadOnlySpan<short> samples, params (string Id, byte[] Body)[] extraChunks)
    {
        var data = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(2 * i), samples[i]);
        }

        return Build(Fmt(1, channels, rate, 16), data, extraChunks);
    }

    /// <summary>A <c>fmt </c> chunk body of 16 bytes.</summary>
    public static byte[] Fmt(ushort tag, int channels, int rate, int bits)
    {
        var fmt = new byte[16];
        var blockAlign = channels * bits / 8;
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(4), rate);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(8), rate * blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), (ushort)bits);
        return fmt;
    }

    /// <summary>A WAVE_FORMAT_EXTENSIBLE <c>fmt </c> body of 40 bytes whose sub-format starts with <paramref name="subTag"/>.</summary>
    public static byte[] ExtensibleFmt(ushort subTag, int channels, int rate, int bits)
    {
        var fmt = new byte[40];
        Fmt(0xFFFE, channels, rate, bits).CopyTo(fmt, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), (ushort)bits);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(24), subTag);
        return fmt;
    }

    /// <summary>RIFF/WAVE with the given fmt body and data bytes; <paramref name="declaredDataBytes"/> overrides the data chunk's size.</summary>
    public static byte[] Build(byte[] fmt, byte[] data, (string Id, byte[] Body)[]? extraChunks = null, uint? declaredDataBytes = null)
    {
        using var stream = new MemoryStream();
        stream.Write("RIFF"u8);
        stream.Write(new byte[4]);
        stream.Write("WAVE"u8);
        foreach (var (id, body) in extraChunks ?? [])
        {
            Chunk(stream, id, body, (uint)body.Length);
        }

        Chunk(stream, "fmt ", fmt, (uint)fmt.Length);
        Chunk(stream, "data", data, declaredDataBytes ?? (uint)data.Length);
        var bytes = stream.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }

    /// <summary>Writes a file and returns its path.</summary>
    public static string WriteTo(TempFolder folder, string relativePath, byte[] bytes)
    {
        var path = Path.Combine(folder.Path, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A sine of <paramref name="hertz"/> at <paramref name="rate"/>, amplitude 0.5 of full scale.</summary>
    public static short[] Sine(double hertz, int rate, int frames) =>
        Enumerable.Range(0, frames).Select(i => (short)Math.Round(16384 * Math.Sin(2 * Math.PI * hertz * i / rate))).ToArray();

    private static void Chunk(Stream stream, string id, byte[] body, uint declared)
    {
        stream.Write(Encoding.ASCII.GetBytes(id));
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, declared);
        stream.Write(size);
        stream.Write(body);
        if ((body.Length & 1) == 1)
        {
            stream.WriteByte(0);
        }
    }
}
