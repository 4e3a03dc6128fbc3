namespace Sensact.Devices.Camera;

/// <summary>
/// A thread of its own for a blocking capture loop (a V4L2 dequeue, a pipe read), stopped by disposal: the
/// loop's token is cancelled, <c>interrupt</c> unblocks it (kills the process, for instance), and the
/// thread is waited for, so that the device is closed when <see cref="Dispose"/> returns, unless it is
/// disposed from the capture thread itself (a consumer that unsubscribes within <c>OnNext</c>).
/// </summary>
internal sealed class CaptureThread : IDisposable
{
    private static readonly TimeSpan JoinTimeout = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stop = new();
    private readonly Action? _interrupt;
    private readonly Thread _thread;
    private int _disposed;

    public CaptureThread(string name, Action<CancellationToken> loop, Action? interrupt = null)
    {
        _interrupt = interrupt;
        var token = _stop.Token;
        _thread = new Thread(() => loop(token)) { Name = name, IsBackground = true };
    }

    public void Start() => _thread.Start();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel();
        _interrupt?.Invoke();
        if (Thread.CurrentThread != _thread && _thread.ThreadState != ThreadState.Unstarted)
        {
            _thread.Join(JoinTimeout);
        }

        _stop.Dispose();
    }
}
