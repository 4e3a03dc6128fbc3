using System.Buffers;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Channel;

namespace Sensact.Agent.Mqtt;

/// <summary>
/// A channel that reads the socket in large chunks. MQTTnet reads a packet's fixed header and then its
/// body, each straight from the socket: two system calls for every 4-byte PUBACK. With many events
/// in flight, acknowledgements arrive together, and one read takes them all.
/// </summary>
internal sealed class ReadBufferedChannel(IMqttChannel inner) : IMqttChannel
{
    private readonly byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public Task ConnectAsync(CancellationToken cancellationToken)
    {
        _start = _end = 0;
        return inner.ConnectAsync(cancellationToken);
    }

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    // MQTTnet reads from one loop at a time, so the buffer needs no lock.
    public async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            if (count >= _buffer.Length)
            {
                return await inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            }

            var read = await inner.ReadAsync(_buffer, 0, _buffer.Length, cancellationToken).ConfigureAwait(false);
            if (read <= 0)
            {
                return read;
            }

            _start = 0;
            _end = read;
        }

        var taken = Math.Min(count, _end - _start);
        Buffer.BlockCopy(_buffer, _start, buffer, offset, taken);
        _start += taken;
        return taken;
    }

    public Task WriteAsync(ReadOnlySequence<byte> buffer, bool isEndOfPacket, CancellationToken cancellationToken) =>
        inner.WriteAsync(buffer, isEndOfPacket, cancellationToken);

    public void Dispose() => inner.Dispose();
}
