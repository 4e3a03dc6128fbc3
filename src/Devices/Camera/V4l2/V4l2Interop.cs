using System.Runtime.InteropServices;

namespace Sensact.Devices.Camera.V4l2;

/// <summary>
/// The few V4L2 and libc calls the capture needs, with the kernel's structure layouts for 64-bit Linux
/// (<c>linux/videodev2.h</c>; x86-64 and arm64 share them). Request numbers are <c>_IOR</c>/<c>_IOW</c>/<c>_IOWR</c>
/// of type <c>'V'</c> with the structure's size, checked against these sizes by the tests.
/// </summary>
internal static unsafe partial class V4l2Interop
{
    public const uint BufferTypeVideoCapture = 1;
    public const uint MemoryMmap = 1;
    public const uint FieldAny = 0;
    public const uint CapabilityVideoCapture = 0x00000001;
    public const uint CapabilityStreaming = 0x04000000;
    public const uint CapabilityDeviceCaps = 0x80000000;
    public const uint BufferFlagError = 0x00000040;
    public const uint BufferFlagTimestampMask = 0x0000e000;
    public const uint BufferFlagTimestampMonotonic = 0x00002000;

    public const int OpenReadWrite = 0x2;
    public const int OpenNonBlocking = 0x800;
    public const int OpenCloseOnExec = 0x80000;
    public const int ProtectRead = 0x1;
    public const int ProtectWrite = 0x2;
    public const int MapShared = 0x1;
    public const short PollIn = 0x1;
    public const short PollError = 0x8;
    public const short PollHangUp = 0x10;
    public const int ErrorInterrupted = 4;
    public const int ErrorAgain = 11;
    public const int ClockMonotonic = 1;

    public static readonly nuint QueryCapability = Read(0, sizeof(Capability));
    public static readonly nuint SetFormat = ReadWrite(5, sizeof(Format));
    public static readonly nuint RequestBuffers = ReadWrite(8, sizeof(RequestBuffersArgument));
    public static readonly nuint QueryBuffer = ReadWrite(9, sizeof(Buffer));
    public static readonly nuint QueueBuffer = ReadWrite(15, sizeof(Buffer));
    public static readonly nuint DequeueBuffer = ReadWrite(17, sizeof(Buffer));
    public static readonly nuint StreamOn = Write(18, sizeof(int));
    public static readonly nuint StreamOff = Write(19, sizeof(int));
    public static readonly nuint SetStreamParameters = ReadWrite(22, sizeof(StreamParameters));

    /// <summary>A V4L2 four-character code: <c>a | b &lt;&lt; 8 | c &lt;&lt; 16 | d &lt;&lt; 24</c>.</summary>
    public static uint FourCc(string code) => code[0] | ((uint)code[1] << 8) | ((uint)code[2] << 16) | ((uint)code[3] << 24);

    /// <summary>The four characters of a code, for messages.</summary>
    public static string FourCcName(uint code) =>
        new([(char)(code & 0xFF), (char)((code >> 8) & 0xFF), (char)((code >> 16) & 0xFF), (char)(code >> 24)]);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoControl(int fd, nuint request, void* argument);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    public static partial nint Map(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    public static partial int Unmap(nint address, nuint length);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    public static partial int ClockGetTime(int clock, TimeSpec* time);

    /// <summary>ioctl, retried while interrupted by a signal; the errno on failure, 0 on success.</summary>
    public static int Control(int fd, nuint request, void* argument)
    {
        while (IoControl(fd, request, argument) < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error != ErrorInterrupted)
            {
                return error;
            }
        }

        return 0;
    }

    private static nuint Read(int number, int size) => Encode(2, number, size);

    private static nuint Write(int number, int size) => Encode(1, number, size);

    private static nuint ReadWrite(int number, int size) => Encode(3, number, size);

    // _IOC(dir, type, nr, size) = dir << 30 | size << 16 | type << 8 | nr, with type 'V'.
    private static nuint Encode(uint direction, int number, int size) =>
        (direction << 30) | ((uint)size << 16) | ((uint)'V' << 8) | (uint)number;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollDescriptor
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary><c>struct v4l2_capability</c>, 104 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 104)]
    public struct Capability
    {
        [FieldOffset(0)]
        public fixed byte Driver[16];

        [FieldOffset(16)]
        public fixed byte Card[32];

        [FieldOffset(48)]
        public fixed byte BusInfo[32];

        [FieldOffset(80)]
        public uint Version;

        [FieldOffset(84)]
        public uint Capabilities;

        [FieldOffset(88)]
        public uint DeviceCapabilities;
    }

    /// <summary><c>struct v4l2_format</c> (208 bytes: the type, then a union aligned to 8) with its <c>v4l2_pix_format</c>.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 208)]
    public struct Format
    {
        [FieldOffset(0)]
        public uint Type;

        [FieldOffset(8)]
        public uint Width;

        [FieldOffset(12)]
        public uint Height;

        [FieldOffset(16)]
        public uint PixelFormat;

        [FieldOffset(20)]
        public uint Field;

        [FieldOffset(24)]
        public uint BytesPerLine;

        [FieldOffset(28)]
        public uint SizeImage;
    }

    /// <summary><c>struct v4l2_requestbuffers</c>, 20 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 20)]
    public struct RequestBuffersArgument
    {
        [FieldOffset(0)]
        public uint Count;

        [FieldOffset(4)]
        public uint Type;

        [FieldOffset(8)]
        public uint Memory;
    }

    /// <summary><c>struct v4l2_buffer</c> on 64-bit Linux, 88 bytes (<c>timeval</c> of two longs).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 88)]
    public struct Buffer
    {
        [FieldOffset(0)]
        public uint Index;

        [FieldOffset(4)]
        public uint Type;

        [FieldOffset(8)]
        public uint BytesUsed;

        [FieldOffset(12)]
        public uint Flags;

        [FieldOffset(16)]
        public uint Field;

        [FieldOffset(24)]
        public long TimestampSeconds;

        [FieldOffset(32)]
        public long TimestampMicroseconds;

        [FieldOffset(56)]
        public uint Sequence;

        [FieldOffset(60)]
        public uint Memory;

        [FieldOffset(64)]
        public uint Offset;

        [FieldOffset(72)]
        public uint Length;
    }

    /// <summary><c>struct v4l2_streamparm</c> with its <c>v4l2_captureparm</c>, 204 bytes.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 204)]
    public struct StreamParameters
    {
        [FieldOffset(0)]
        public uint Type;

        [FieldOffset(4)]
        public uint Capability;

        [FieldOffset(8)]
        public uint CaptureMode;

        [FieldOffset(12)]
        public uint TimePerFrameNumerator;

        [FieldOffset(16)]
        public uint TimePerFrameDenominator;
    }
}
