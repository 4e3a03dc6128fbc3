using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Agent.Commands;
using Sensact.Agent.Mqtt;

namespace Sensact.Agent.Tests.Commands;

public sealed class CommandProcessorTests
{
    [Fact]
    public void Handle_KnownCommand_RepliesOkWithTheResultAndEchoesTheCorrelationId()
    {
        var processor = Processor(out _);

        var reply = Reply(processor, "echo", """{"x":1,"replyTo":"reply/a","correlationId":"c-7"}""", out var replyTo);

        Assert.True(reply.GetProperty("ok").GetBoolean());
        Assert.Equal(1, reply.GetProperty("v").GetInt32());
        Assert.Equal("""{"x":1}""", reply.GetProperty("result").GetRawText());
        Assert.Equal("c-7", reply.GetProperty("correlationId").GetString());
        Assert.Equal("reply/a", replyTo);
        Assert.Equal(1, processor.Handled);
    }

    [Theory]
    [InlineData("nope", "{}", CommandException.UnknownCommand)]
    [InlineData("echo", "{", CommandException.BadRequest)]
    [InlineData("echo", "[1,2]", CommandException.BadRequest)]
    [InlineData("echo", "42", CommandException.BadRequest)]
    [InlineData("echo", """{"replyTo":5}""", CommandException.BadRequest)]
    [InlineData("echo", """{"replyTo":"reply/#"}""", CommandException.BadRequest)]
    [InlineData("fail", "{}", CommandException.UnknownApp)]
    [InlineData("crash", "{}", CommandException.Internal)]
    public void Handle_BadRequestOrFailingCommand_RepliesAnErrorWithItsCode(string command, string payload, string code)
    {
        var processor = Processor(out _);

        var reply = Reply(processor, command, payload, out _);

        Assert.False(reply.GetProperty("ok").GetBoolean());
        Assert.Equal(code, reply.GetProperty("error").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(reply.GetProperty("error").GetProperty("message").GetString()));
        Assert.Equal(1, processor.Rejected);
    }

    [Fact]
    public void Handle_OversizedPayload_IsRefused()
    {
        var processor = Processor(out _);

        var reply = Reply(processor, "echo", "{\"pad\":\"" + new string('x', CommandProcessor.MaxPayloadBytes) + "\"}", out _);

        Assert.Equal(CommandException.BadRequest, reply.GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void Handle_EmptyPayload_IsAnEmptyObject() =>
        Assert.Equal("{}", Reply(Processor(out _), "echo", "", out _).GetProperty("result").GetRawText());

    [Fact]
    public void Post_QueueFull_RepliesBusyAtOnce()
    {
        var processor = Processor(out var outbox); // its loop is not running: nothing is taken from the queue

        for (var i = 0; i < 65; i++)
        {
            processor.Post(new CommandRequest("echo", Encoding.UTF8.GetBytes("{}"), "reply/busy", null));
        }

        Assert.True(outbox.TryPeek(out var message));
        Assert.Equal("reply/busy", message.Topic);
        Assert.Contains("\"busy\"", Encoding.UTF8.GetString(message.Payload), StringComparison.Ordinal);
        Assert.Equal(1, outbox.Count);
    }

    [Fact]
    public void Handle_ManyRandomAndMutatedPayloads_AlwaysRepliesWithJson()
    {
        var processor = Processor(out _);
        var random = new Random(5);
        string[] seeds = ["{}", """{"app":"activity"}""", """{"replyTo":"r/1","correlationId":"x"}""", "[]", "null", "\"s\""];
        string[] names = ["echo", "fail", "crash", "status", "", "a/b"];

        for (var i = 0; i < 10_000; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(seeds[random.Next(seeds.Length)]);
            if (i % 2 == 1)
            {
                bytes = [.. bytes];
                for (var m = random.Next(1, 4); m > 0 && bytes.Length > 0; m--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
            }

            if (i % 7 == 0)
            {
                bytes = new byte[random.Next(0, 64)];
                random.NextBytes(bytes);
            }

            var reply = JsonDocument.Parse(processor.Handle(new CommandRequest(names[random.Next(names.Length)], bytes, null, null), out _)).RootElement;
            Assert.True(reply.TryGetProperty("ok", out _));
        }

        Assert.Equal(10_000, processor.Handled + processor.Rejected);
    }

    private static CommandProcessor Processor(out Outbox outbox)
    {
        outbox = new Outbox(1 << 20);
        return new CommandProcessor([new Echo(), new Failing(), new Crashing()], outbox, NullLogger<CommandProcessor>.Instance);
    }

    private static JsonElement Reply(CommandProcessor processor, string command, string payload, out string? replyTo) =>
        JsonDocument.Parse(processor.Handle(new CommandRequest(command, Encoding.UTF8.GetBytes(payload), null, null), out replyTo)).RootElement;

    private sealed class Echo : ICommand
    {
        public string Name => "echo";

        public JsonNode? Execute(JsonObject arguments) => arguments.DeepClone();
    }

    private sealed class Failing : ICommand
    {
        public string Name => "fail";

        public JsonNode? Execute(JsonObject arguments) => throw new CommandException(CommandException.UnknownApp, "no such app");
    }

    private sealed class Crashing : ICommand
    {
        public string Name => "crash";

        public JsonNode? Execute(JsonObject arguments) => throw new InvalidOperationException("bug");
    }
}
