using System.Reactive.Concurrency;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Agent.Commands;
using Sensact.Agent.Mqtt;

namespace Sensact.Agent.Tests.Recording;

public sealed class RecordCommandTests
{
    [Fact]
    public void RecordStart_NoArguments_RecordsEverySensorAndRepliesWithTheFile()
    {
        using var fixture = new RecordingFixture(ImmediateScheduler.Instance);
        var processor = Processor(fixture);

        var result = Reply(processor, "record.start", "{}").GetProperty("result");

        Assert.True(result.GetProperty("recording").GetBoolean());
        Assert.Equal("imu", Assert.Single(result.GetProperty("sensors").EnumerateArray()).GetString());
        var file = Assert.Single(result.GetProperty("files").EnumerateArray()).GetString();
        Assert.True(File.Exists(file));
        Assert.EndsWith(".mcap", file, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordStop_AfterStart_RepliesNotRecordingWithTheFilesAndCounts()
    {
        using var fixture = new RecordingFixture(ImmediateScheduler.Instance);
        var processor = Processor(fixture);
        Reply(processor, "record.start", """{"sensors":["imu"]}""");

        var result = Reply(processor, "record.stop", "").GetProperty("result");

        Assert.False(result.GetProperty("recording").GetBoolean());
        Assert.Single(result.GetProperty("files").EnumerateArray());
        Assert.True(result.GetProperty("frames").TryGetProperty("imu", out _));
        Assert.Equal(0, result.GetProperty("dropped").GetProperty("imu").GetInt64());
    }

    [Theory]
    [InlineData("""{"sensors":"imu"}""", CommandException.BadRequest)]
    [InlineData("""{"sensors":[1]}""", CommandException.BadRequest)]
    [InlineData("""{"sensors":["camera"]}""", CommandException.UnknownSensor)]
    public void RecordStart_BadSensors_RepliesAnError(string payload, string code)
    {
        using var fixture = new RecordingFixture(ImmediateScheduler.Instance);

        var reply = Reply(Processor(fixture), "record.start", payload);

        Assert.False(reply.GetProperty("ok").GetBoolean());
        Assert.Equal(code, reply.GetProperty("error").GetProperty("code").GetString());
        Assert.False(fixture.Recorder.Status.Recording);
    }

    [Fact]
    public void RecordStart_WhileRecording_IsABadRequestNamingTheFile()
    {
        using var fixture = new RecordingFixture(ImmediateScheduler.Instance);
        var processor = Processor(fixture);
        Reply(processor, "record.start", "{}");

        var error = Reply(processor, "record.start", "{}").GetProperty("error");

        Assert.Equal(CommandException.BadRequest, error.GetProperty("code").GetString());
        Assert.Contains("already recording to " + fixture.Folder, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static CommandProcessor Processor(RecordingFixture fixture) => new(
        [RecordCommand.Start(fixture.Recorder), RecordCommand.Stop(fixture.Recorder)],
        new Outbox(10),
        NullLogger<CommandProcessor>.Instance);

    private static JsonElement Reply(CommandProcessor processor, string command, string payload) =>
        JsonDocument.Parse(processor.Handle(new CommandRequest(command, Encoding.UTF8.GetBytes(payload), null, null), out _)).RootElement;
}
