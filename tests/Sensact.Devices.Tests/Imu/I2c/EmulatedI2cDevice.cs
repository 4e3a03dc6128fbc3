using System.Buffers.Binary;
using System.Device.I2c;

namespace Sensact.Devices.Tests.Imu.I2c;

/// <summary>
/// A chip on an I2C bus, emulated by its register map: a write's first byte sets the register
/// pointer and the bytes after it are written from there; a read reads from the pointer; both
/// advance the pointer by one per byte (the auto-increment the three datasheets describe).
/// </summary>
internal class EmulatedI2cDevice(I2cConnectionSettings settings, int pages = 1) : I2cDevice
{
    private readonly byte[][] _pages = [.. Enumerable.Range(0, pages).Select(_ => new byte[256])];
    private int _pointer;

    public override I2cConnectionSettings ConnectionSettings => settings;

    /// <summary>Gets or sets whether the next transfer throws <see cref="IOException"/> (a wire pulled out).</summary>
    public bool Broken { get; set; }

    /// <summary>Gets every register write, in order.</summary>
    public List<(int Page, byte Register, byte Value)> Writes { get; } = [];

    /// <summary>Gets how many reads were made.</summary>
    public int Reads { get; private set; }

    public bool Disposed { get; private set; }

    /// <summary>Gets the register page transfers go to (the BNO055's PAGE_ID); 0 for single-page chips.</summary>
    protected virtual int Page => 0;

    /// <summary>Gets or sets a register of a page.</summary>
    public byte this[int page, int register]
    {
        get => _pages[page][register];
        set => _pages[page][register] = value;
    }

    /// <summary>Gets or sets a register of page 0.</summary>
    public byte this[int register]
    {
        get => _pages[0][register];
        set => _pages[0][register] = value;
    }

    /// <summary>Stores a 16-bit value at <paramref name="register"/> (and the next), in the chip's byte order.</summary>
    public void SetInt16(int register, short value, bool bigEndian, int page = 0)
    {
        Span<byte> bytes = stackalloc byte[2];
        if (bigEndian)
        {
            BinaryPrimitives.WriteInt16BigEndian(bytes, value);
        }
        else
        {
            BinaryPrimitives.WriteInt16LittleEndian(bytes, value);
        }

        _pages[page][register] = bytes[0];
        _pages[page][register + 1] = bytes[1];
    }

    public override void Read(Span<byte> buffer)
    {
        Check();
        Reads++;
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = _pages[Page][_pointer];
            _pointer = (_pointer + 1) & 0xFF;
        }
    }

    public override byte ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        Read(one);
        return one[0];
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Check();
        if (buffer.IsEmpty)
        {
            return;
        }

        _pointer = MapRegister(buffer[0]);
        foreach (var value in buffer[1..])
        {
            var page = Page;
            Writes.Add((page, (byte)_pointer, value));
            _pages[page][_pointer] = value;
            OnWritten((byte)_pointer, value);
            _pointer = (_pointer + 1) & 0xFF;
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    /// <summary>Maps the sub-address byte to a register (a chip may ignore some of its bits).</summary>
    protected virtual int MapRegister(byte subAddress) => subAddress;

    /// <summary>Side effects of a write (a reset bit that clears itself).</summary>
    protected virtual void OnWritten(byte register, byte value)
    {
    }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }

    private void Check()
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (Broken)
        {
            throw new IOException("Error 121 performing I2C data transfer.");
        }
    }
}
