namespace Sensact.Devices.Recording;

/// <summary>An MCAP Schema record: how the messages of the channels that name it are encoded.</summary>
/// <param name="Id">The schema's id in its file; never 0 (0 means "no schema").</param>
/// <param name="Name">The schema's name, for example <c>sensact.ImuSample/v1</c>.</param>
/// <param name="Encoding">The format of <paramref name="Data"/>, for example <c>sensact</c>.</param>
/// <param name="Data">The schema itself.</param>
public sealed record McapSchema(ushort Id, string Name, string Encoding, ReadOnlyMemory<byte> Data);
