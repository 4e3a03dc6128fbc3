using Sensact.Devices.Imu;

namespace Sensact.Training.Tests.Activity;

internal static class TestData
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "data", "imu", "stm32-har");

    private static readonly Lazy<IReadOnlyList<ImuRecording>> Recordings = new(() => ImuCsv.ReadDataSet(Folder));

    public static IReadOnlyList<ImuRecording> DataSet => Recordings.Value;
}
