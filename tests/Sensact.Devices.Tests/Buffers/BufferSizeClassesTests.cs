using Sensact.Devices.Buffers;

namespace Sensact.Devices.Tests.Buffers;

public sealed class BufferSizeClassesTests
{
    [Theory]
    [InlineData(1, 16)]
    [InlineData(16, 16)]
    [InlineData(17, 20)]
    [InlineData(960, 1024)]
    [InlineData(1024, 1024)]
    [InlineData(1025, 1280)]
    [InlineData(921_600, 1_048_576)] // 640x480 RGB
    [InlineData(6_220_800, 6_291_456)] // 1920x1080 RGB
    public void LengthOf_ClassOfLength_SmallestClassThatFits(int length, int expected) =>
        Assert.Equal(expected, BufferSizeClasses.LengthOf(BufferSizeClasses.ClassOf(length)));

    [Fact]
    public void ClassOf_EveryLengthUpTo70000_FitsAndWastesLessThanAQuarter()
    {
        for (var length = 17; length <= 70_000; length++)
        {
            var classLength = BufferSizeClasses.LengthOf(BufferSizeClasses.ClassOf(length));
            Assert.InRange(classLength, length, length * 1.25);
            Assert.True(BufferSizeClasses.LengthOf(BufferSizeClasses.ClassOf(length) - 1) < length, $"class below fits {length}");
        }
    }

    [Fact]
    public void ClassOf_ArrayMaxLength_IsLastClassAndFits()
    {
        var last = BufferSizeClasses.ClassOf(Array.MaxLength);

        Assert.Equal(BufferSizeClasses.Count - 1, last);
        Assert.Equal(Array.MaxLength, BufferSizeClasses.LengthOf(last));
    }
}
