using Sensact.Devices;
using Sensact.Pipelines.Payloads;

namespace Sensact.Pipelines.Multimodal;

/// <summary>
/// Units kept past their <c>OnNext</c>, oldest first, each tagged with its window: a FIFO of frames
/// that grows to the largest window once and is reused after. Holds its own payload references.
/// </summary>
internal sealed class HeldUnits<T>(int framesPerUnit)
{
    private Frame<T>[] _frames = new Frame<T>[framesPerUnit * 8];
    private long[] _windows = new long[8];
    private int _units;

    public int Count => _units;

    public long WindowAt(int unit) => _windows[unit];

    public ReadOnlySpan<Frame<T>> UnitAt(int unit) => _frames.AsSpan(unit * framesPerUnit, framesPerUnit);

    public void Add(long window, ReadOnlySpan<Frame<T>> frames)
    {
        if (_units == _windows.Length)
        {
            Array.Resize(ref _windows, _units * 2);
            Array.Resize(ref _frames, _units * 2 * framesPerUnit);
        }

        var at = _units * framesPerUnit;
        for (var i = 0; i < frames.Length; i++)
        {
            _frames[at + i] = PayloadOwnership<T>.AddRef(frames[i]);
        }

        _windows[_units++] = window;
    }

    /// <summary>Releases the first <paramref name="units"/> units and moves the rest to the front.</summary>
    public void RemoveFirst(int units)
    {
        var release = PayloadOwnership<T>.ReleaseOrNull;
        for (var i = 0; release is not null && i < units * framesPerUnit; i++)
        {
            release(_frames[i]);
        }

        var rest = _units - units;
        Array.Copy(_frames, units * framesPerUnit, _frames, 0, rest * framesPerUnit);
        Array.Copy(_windows, units, _windows, 0, rest);
        Array.Clear(_frames, rest * framesPerUnit, units * framesPerUnit);
        _units = rest;
    }

    /// <summary>Gets how many units at the front belong to <paramref name="window"/> or an earlier one.</summary>
    public int CountThrough(long window)
    {
        var n = 0;
        while (n < _units && _windows[n] <= window)
        {
            n++;
        }

        return n;
    }
}
