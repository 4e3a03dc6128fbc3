using System.Buffers.Binary;
using System.IO.Hashing;

namespace Sensact.Agent.Mqtt;

/// <summary>
/// The outbox's acknowledged position: the highest record id below which nothing needs sending
/// (acknowledged by the broker, or dropped because the outbox was full). Sixteen bytes, <c>id (i64) |
/// crc32 of the id (u32) | 0 (u32)</c>, written to a temporary file and renamed over the old one, so a
/// crash leaves either the old position or the new one. A position that cannot be read is taken
/// as 0: everything still on disk is sent again (duplicates, never a loss).
/// </summary>
internal static class AckFile
{
    /// <summary>The file's name in the outbox folder.</summary>
    public const string Name = "acked";

    /// <summary>Reads the position saved in <paramref name="folder"/>, or 0 when there is none or it is damaged.</summary>
    public static long Read(string folder)
    {
        var path = Path.Combine(folder, Name);
        if (!File.Exists(path))
        {
            return 0;
        }

        Span<byte> data = stackalloc byte[16];
        using (var handle = File.OpenHandle(path))
        {
            if (RandomAccess.Read(handle, data, 0) != data.Length)
            {
                return 0;
            }
        }

        var id = BinaryPrimitives.ReadInt64LittleEndian(data);
        return Crc32.HashToUInt32(data[..8]) == BinaryPrimitives.ReadUInt32LittleEndian(data[8..]) && id >= 0 ? id : 0;
    }

    /// <summary>Saves <paramref name="id"/> as the position in <paramref name="folder"/>.</summary>
    public static void Write(string folder, long id, bool flushToDisk)
    {
        Span<byte> data = stackalloc byte[16];
        BinaryPrimitives.WriteInt64LittleEndian(data, id);
        BinaryPrimitives.WriteUInt32LittleEndian(data[8..], Crc32.HashToUInt32(data[..8]));
        var temporary = Path.Combine(folder, Name + ".tmp");
        using (var handle = File.OpenHandle(temporary, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(handle, data, 0);
            if (flushToDisk)
            {
                RandomAccess.FlushToDisk(handle);
            }
        }

        File.Move(temporary, Path.Combine(folder, Name), overwrite: true);
    }
}
