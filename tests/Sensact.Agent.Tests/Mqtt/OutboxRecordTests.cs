using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using Sensact.Agent.Mqtt;

namespace Sensact.Agent.Tests.Mqtt;

public sealed class OutboxRecordTests
{
    private static MqttApplicationMessage Event() => new MqttApplicationMessageBuilder()
        .WithTopic("sensact/v1/f/a/events/activity")
        .WithPayload("{\"v\":1}")
        .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
        .WithContentType("application/json")
        .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
        .Build();

    [Fact]
    public void Create_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => OutboxRecord.Create(1, null!));

    [Fact]
    public void TryRead_WhatCreateWrote_GivesTheSameMessage()
    {
        var record = OutboxRecord.Create(42, Event());

        Assert.True(OutboxRecord.TryRead(record.Frame, out var read));
        var message = read.ToMessage();

        Assert.Equal(42, read.Id);
        Assert.Equal("sensact/v1/f/a/events/activity", message.Topic);
        Assert.Equal("{\"v\":1}", Encoding.UTF8.GetString(message.Payload));
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, message.QualityOfServiceLevel);
        Assert.Equal("application/json", message.ContentType);
        Assert.Equal(MqttPayloadFormatIndicator.CharacterData, message.PayloadFormatIndicator);
        Assert.False(message.Retain);
    }

    [Fact]
    public void TryRead_EveryTruncation_IsRefused()
    {
        var frame = OutboxRecord.Create(1, Event()).Frame;

        for (var length = 0; length < frame.Length; length++)
        {
            Assert.False(OutboxRecord.TryRead(frame.AsSpan(0, length), out _));
        }
    }

    [Fact]
    public void TryRead_AnyFlippedByte_IsRefused()
    {
        var frame = OutboxRecord.Create(1, Event()).Frame;

        for (var i = 0; i < frame.Length; i++)
        {
            var damaged = frame.ToArray();
            damaged[i] ^= 0x5A;
            Assert.False(OutboxRecord.TryRead(damaged, out _));
        }
    }

    [Fact]
    public void TryRead_Zeros_IsRefused() =>
        Assert.False(OutboxRecord.TryRead(new byte[64], out _));
}
