using System.Net;
using System.Net.Sockets;

namespace Sensact.IntegrationTests.Fixtures;

/// <summary>
/// A loopback TCP port in front of a broker that the test opens and closes: while closed, every
/// connection is refused (accepted and dropped at once); while open, connections are forwarded to
/// the broker. It lets a test take the broker away from an agent, and bring it back, exactly when
/// it wants.
/// </summary>
internal sealed class TcpGate : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<TcpClient> _open = [];
    private readonly Lock _gate = new();
    private readonly Task _accepting;
    private int? _target;

    public TcpGate()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Forwards new connections to <paramref name="targetPort"/>.</summary>
    public void Open(int targetPort)
    {
        lock (_gate)
        {
            _target = targetPort;
        }
    }

    /// <summary>Refuses new connections and cuts the forwarded ones.</summary>
    public void Close()
    {
        lock (_gate)
        {
            _target = null;
            foreach (var client in _open)
            {
                client.Dispose();
            }

            _open.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Close();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient incoming;
            try
            {
                incoming = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            int? target;
            lock (_gate)
            {
                target = _target;
            }

            if (target is null)
            {
                incoming.Dispose();
                continue;
            }

            var outgoing = new TcpClient();
            try
            {
                await outgoing.ConnectAsync(IPAddress.Loopback, target.Value, _stop.Token);
            }
            catch (SocketException)
            {
                incoming.Dispose();
                outgoing.Dispose();
                continue;
            }

            lock (_gate)
            {
                _open.Add(incoming);
                _open.Add(outgoing);
            }

            _ = PumpAsync(incoming, outgoing);
            _ = PumpAsync(outgoing, incoming);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), _stop.Token);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }
}
