using Sensact.Pipelines.Delivery;

namespace Sensact.Pipelines.Sensors;

/// <summary>One use of a shared sensor, whatever its payload type: its name, counter and pause state.</summary>
public interface ISensorConsumer
{
    /// <summary>Gets the consumer's name (for example the application's).</summary>
    string Name { get; }

    /// <summary>Gets what the consumer's delivery policy handed on and dropped.</summary>
    DropCounter Counter { get; }

    /// <summary>Gets whether the consumer's use of the sensor is paused.</summary>
    bool IsPaused { get; }

    /// <summary>Pauses the consumer's use: it receives nothing, and a sensor nobody uses is closed.</summary>
    void Pause();

    /// <summary>Ends a pause of the consumer's use, opening the sensor again if it was closed.</summary>
    void Unpause();
}
