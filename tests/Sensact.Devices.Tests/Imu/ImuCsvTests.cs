using System.Numerics;
using Microsoft.Extensions.Logging;
using Sensact.Devices.Imu;

namespace Sensact.Devices.Tests.Imu;

public sealed class ImuCsvTests
{
    [Theory]
    [InlineData("  156,  -589, -1294", 156, -589, -1294)]
    [InlineData("1.5,-2e3,0", 1.5f, -2000, 0)]
    [InlineData("\t7 , 8 , 9 \r", 7, 8, 9)]
    public void TryParseLine_WellFormed_ReturnsSampleInMetresPerSecondSquared(string line, float x, float y, float z)
    {
        Assert.True(ImuCsv.TryParseLine(line, out var sample));
        Assert.Equal(ImuSample.FromMilliG(x, y, z), sample);
        Assert.Equal(x * 9.80665 / 1000, sample.Acceleration.X, 1e-5);
        Assert.Null(sample.AngularVelocity);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1,2")]
    [InlineData("1,2,3,4")]
    [InlineData("a,b,c")]
    [InlineData("1,,3")]
    [InlineData("1;2;3")]
    [InlineData("NaN,1,2")]
    [InlineData("1,Infinity,2")]
    [InlineData("1,2,1e42")]
    public void TryParseLine_Malformed_ReturnsFalse(string line) =>
        Assert.False(ImuCsv.TryParseLine(line, out _));

    [Fact]
    public void ReadFile_MalformedAndBlankLines_SkipsBothCountsOnlyMalformed()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", "1,2,3", "", "   ", "oops", "4,5", "7,8,9", "");

        var recording = ImuCsv.ReadFile(file);

        Assert.Equal([ImuSample.FromMilliG(1, 2, 3), ImuSample.FromMilliG(7, 8, 9)], recording.Samples);
        Assert.Equal(2, recording.MalformedLines);
        Assert.Null(recording.Times);
    }

    [Fact]
    public void ReadFile_SeveralMalformedLines_WarnsOnceWithCountAndFirstLine()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", "1,2,3", "", "4,5,6", "", "", "", "oops", "1;2;3", "7,8,9", "x,y,z");
        var logger = new RecordingLogger();

        var recording = ImuCsv.ReadFile(file, logger: logger);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, entry.Level);
        Assert.Equal(3, entry.Values["Count"]);
        Assert.Equal(7, entry.Values["FirstLine"]);
        Assert.Equal(file, entry.Values["File"]);
        Assert.Equal($"Skipped 3 malformed IMU line(s) in {file} (first at line 7): expected 'x, y, z' in milli-g", entry.Message);
        Assert.Equal(3, recording.MalformedLines);
        Assert.Equal(3, recording.Samples.Count);
    }

    [Fact]
    public void ReadFile_WellFormedFile_LogsNothing()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/walk.csv", "1,2,3", "", "4,5,6");
        var logger = new RecordingLogger();

        var recording = ImuCsv.ReadFile(file, logger: logger);

        Assert.Empty(logger.Entries);
        Assert.Equal(0, recording.MalformedLines);
    }

    [Fact]
    public void ReadFile_NoLabel_TakesNamesFromFileAndFolder()
    {
        using var folder = new TempFolder();
        var file = folder.Write("running/running_07.csv", "1,2,3");

        var recording = ImuCsv.ReadFile(file);

        Assert.Equal(("running_07", "running"), (recording.Name, recording.Label));
    }

    [Fact]
    public void ReadFile_Label_OverridesFolder()
    {
        using var folder = new TempFolder();
        var file = folder.Write("running/running_07.csv", "1,2,3");

        Assert.Equal("jogging", ImuCsv.ReadFile(file, "jogging").Label);
    }

    [Fact]
    public void ReadFile_MissingFile_ThrowsFileNotFound()
    {
        using var folder = new TempFolder();

        Assert.Throws<FileNotFoundException>(() => ImuCsv.ReadFile(Path.Combine(folder.Path, "missing.csv")));
    }

    [Fact]
    public void ReadFile_EmptyPath_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("path", () => ImuCsv.ReadFile(""));

    [Fact]
    public void ReadDataSet_MissingFolder_ThrowsDirectoryNotFound()
    {
        using var folder = new TempFolder();

        Assert.Throws<DirectoryNotFoundException>(() => ImuCsv.ReadDataSet(Path.Combine(folder.Path, "missing")));
    }

    [Fact]
    public void ReadDataSet_Folders_ReadsEveryCsvByPath()
    {
        using var folder = new TempFolder();
        folder.Write("walking/w1.csv", "1,2,3");
        folder.Write("running/r1.csv", "1,2,3", "4,5,6");
        folder.Write("running/notes.txt", "not a recording");

        var recordings = ImuCsv.ReadDataSet(folder.Path);

        Assert.Equal(["r1", "w1"], recordings.Select(r => r.Name));
        Assert.Equal(["running", "walking"], recordings.Select(r => r.Label));
    }

    [Fact]
    public void ReadDataSet_MalformedLinesInTwoFiles_WarnsOncePerFile()
    {
        using var folder = new TempFolder();
        var running = folder.Write("running/r1.csv", "bad", "1,2,3", "bad", "bad");
        folder.Write("standing/s1.csv", "1,2,3");
        var walking = folder.Write("walking/w1.csv", "1,2,3", "1,2");

        var logger = new RecordingLogger();
        var recordings = ImuCsv.ReadDataSet(folder.Path, logger);

        Assert.Equal([3, 0, 1], recordings.Select(r => r.MalformedLines));
        Assert.Equal(
            [(running, 3, 1), (walking, 1, 2)],
            logger.Entries.Select(e => ((string)e.Values["File"]!, (int)e.Values["Count"]!, (int)e.Values["FirstLine"]!)));
    }

    [Fact]
    public void ReadFile_GenericWithGyroscope_SiValuesAndTimesFromTheFirstReading()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/g.csv", " t, ax, ay, az, gx, gy, gz", "10.00,0.5,-9.8,1,0.1,0.2,-0.3", "10.02,1,2,3,4,5,6", "10.05,7,8,9,1,2,3");

        var recording = ImuCsv.ReadFile(file);

        Assert.Equal(new ImuSample(new Vector3(0.5f, -9.8f, 1), new Vector3(0.1f, 0.2f, -0.3f)), recording.Samples[0]);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(50)], recording.Times);
        Assert.Equal(0, recording.MalformedLines);
    }

    [Fact]
    public void ReadFile_GenericAccelerometerOnly_NoAngularVelocity()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/a.csv", "T,AX,AY,AZ", "0,1,2,3", "0.5,4,5,6");

        var recording = ImuCsv.ReadFile(file);

        Assert.Equal([new ImuSample(new Vector3(1, 2, 3)), new ImuSample(new Vector3(4, 5, 6))], recording.Samples);
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(0.5)], recording.Times);
    }

    [Fact]
    public void ReadFile_GenericTimeNotIncreasingOrWrongColumns_SkipsAndCounts()
    {
        using var folder = new TempFolder();
        var file = folder.Write("walking/a.csv", "t,ax,ay,az", "1,1,2,3", "1,4,5,6", "0.5,4,5,6", "2,1,2", "2,1,2,3,4,5,6", "3,7,8,9");
        var logger = new RecordingLogger();

        var recording = ImuCsv.ReadFile(file, logger: logger);

        Assert.Equal([new Vector3(1, 2, 3), new Vector3(7, 8, 9)], recording.Samples.Select(s => s.Acceleration));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(2)], recording.Times);
        Assert.Equal(4, recording.MalformedLines);
        Assert.Contains("'t, ax, ay, az[, gx, gy, gz]'", Assert.Single(logger.Entries).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("t,ax,ay,az", 4)]
    [InlineData(" t , ax , ay , az , gx , gy , gz ", 7)]
    [InlineData("t,ax,ay", 0)]
    [InlineData("1,2,3", 0)]
    [InlineData("time,ax,ay,az", 0)]
    public void HeaderColumns_Line_TellsTheLayout(string line, int columns) =>
        Assert.Equal(columns, ImuCsv.HeaderColumns(line));

    [Fact]
    public void ReadDataSet_Stm32ScaleOne_KeepsTheFilesMilliG()
    {
        using var folder = new TempFolder();
        folder.Write("walking/w1.csv", "156,-589,-1294");

        var recording = Assert.Single(ImuCsv.ReadDataSet(folder.Path, logger: null, stm32Scale: 1));

        Assert.Equal(new Vector3(156, -589, -1294), recording.Samples[0].Acceleration);
    }
}
