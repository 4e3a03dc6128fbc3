using Microsoft.Extensions.Logging;

namespace Sensact.Agent.Mqtt;

// What the link reports: drops and disk problems (into the status), and its log messages.
internal sealed partial class MqttLink
{
    // Events dropped by a full outbox are logged (at most every 10 s) and shown in the status, as is
    // a disk the outbox cannot use (logged by the outbox).
    private void ReportDrops()
    {
        if (!string.Equals(outbox.DiskProblem, _reportedDiskProblem, StringComparison.Ordinal))
        {
            _reportedDiskProblem = outbox.DiskProblem;
            OnStatusChanged();
        }

        var dropped = outbox.Dropped;
        var reportedRecently = _reportedDropped > 0 && time.GetElapsedTime(_lastDropReport) < DropReportInterval;
        if (dropped == _reportedDropped || reportedRecently)
        {
            return;
        }

        LogOutboxDropped(dropped - _reportedDropped, dropped, _options.Outbox.MaxBytes);
        _reportedDropped = dropped;
        _lastDropReport = time.GetTimestamp();
        OnStatusChanged();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to MQTT broker {Host}:{Port}; status on {StatusTopic}; {Queued} queued event(s) to send, up to {Window} at once")]
    private partial void LogConnected(string host, int port, string statusTopic, int queued, int window);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MQTT broker {Host}:{Port} not reachable ({Reason}); retrying in {Delay}; {Queued} event(s) queued")]
    private partial void LogBrokerUnavailable(string host, int port, string reason, TimeSpan delay, int queued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the connection to MQTT broker {Host}:{Port}; {Queued} event(s) queued")]
    private partial void LogConnectionLost(string host, int port, int queued);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published offline status and disconnected; {Left} event(s) left unsent, {Dropped} dropped by the full outbox during the run")]
    private partial void LogDisconnected(int left, long dropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopped without a broker connection: {Left} queued event(s) are lost, {Dropped} were dropped by the full outbox during the run")]
    private partial void LogStoppedOffline(int left, long dropped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped without a broker connection: {Left} queued event(s) stay in {Folder} and are sent first at the next start; {Dropped} were dropped by the full outbox during the run")]
    private partial void LogStoppedOfflineKept(int left, string folder, long dropped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox is full: dropped {New} oldest event(s) ({Total} in this run; at most {MaxBytes} bytes, Mqtt:Outbox:MaxBytes)")]
    private partial void LogOutboxDropped(long @new, long total, long maxBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedded broker did not take the online status within {Timeout}; starting anyway")]
    private partial void LogFirstConnectionSlow(TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not finish a clean MQTT shutdown ({Reason}); {Left} event(s) left unsent; the Last Will marks the agent offline")]
    private partial void LogShutdownIncomplete(string reason, int left);
}
