namespace Sensact.Devices.Recording;

/// <summary>The record opcodes of MCAP version 0 (mcap.dev/spec) that this project writes or reads.</summary>
internal static class McapOpcode
{
    public const byte Header = 0x01;
    public const byte Footer = 0x02;
    public const byte Schema = 0x03;
    public const byte Channel = 0x04;
    public const byte Message = 0x05;
    public const byte Chunk = 0x06;
    public const byte Statistics = 0x0B;
    public const byte SummaryOffset = 0x0E;
    public const byte DataEnd = 0x0F;

    /// <summary>Opcode (1 byte) and content length (8 bytes) before every record's content.</summary>
    public const int RecordPrefix = 9;

    /// <summary>Channel id, sequence, log time and publish time: the Message record's fields before its data.</summary>
    public const int MessageFields = 2 + 4 + 8 + 8;

    /// <summary>The 8 bytes at the start and the end of every MCAP file: <c>\x89MCAP0\r\n</c>.</summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'M', (byte)'C', (byte)'A', (byte)'P', (byte)'0', (byte)'\r', (byte)'\n'];
}
