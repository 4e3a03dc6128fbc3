using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;

namespace Sensact.Agent.Mqtt;

/// <summary>
/// MQTTnet's client adapter over TCP with reads buffered (<see cref="ReadBufferedChannel"/>); other
/// transports (WebSocket) are left to MQTTnet's own factory.
/// </summary>
internal sealed class BufferedAdapterFactory : IMqttClientAdapterFactory
{
    private readonly MqttClientAdapterFactory _default = new();

    public IMqttChannelAdapter CreateClientAdapter(MqttClientOptions options, MqttPacketInspector packetInspector, IMqttNetLogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.ChannelOptions is not MqttClientTcpOptions)
        {
            return _default.CreateClientAdapter(options, packetInspector, logger);
        }

        var formatter = new MqttPacketFormatterAdapter(options.ProtocolVersion, new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax));
        return new MqttChannelAdapter(new ReadBufferedChannel(new MqttTcpChannel(options)), formatter, logger)
        {
            AllowPacketFragmentation = options.AllowPacketFragmentation,
            PacketInspector = packetInspector,
        };
    }
}
