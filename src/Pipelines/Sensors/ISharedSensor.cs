namespace Sensact.Pipelines.Sensors;

/// <summary>What the hub and its metrics know of a shared sensor, whatever its payload type.</summary>
public interface ISharedSensor : IDisposable
{
    /// <summary>Gets the sensor's name (its id in configuration and on every frame).</summary>
    string Name { get; }

    /// <summary>Gets the type of the sensor's payloads.</summary>
    Type PayloadType { get; }

    /// <summary>Gets the source behind the sensor, for capabilities such as a sample rate or ground truth.</summary>
    object Source { get; }

    /// <summary>Gets whether the sensor is open now (at least one consumer attached and not paused).</summary>
    bool IsOpen { get; }

    /// <summary>Gets how many frames the sensor has delivered to the hub since it was first opened.</summary>
    long Frames { get; }

    /// <summary>Gets how many times the sensor failed and was reopened.</summary>
    long Failures { get; }

    /// <summary>
    /// Gets how many frames the sensor dropped before its consumers, by reason: an originating time
    /// that went back (<see cref="SensorHub.NonMonotonicTime"/>) or the payload's own validity test
    /// (<see cref="Sensact.Devices.Sensors.IPlausiblePayload"/>). A snapshot.
    /// </summary>
    IReadOnlyDictionary<string, long> Rejected { get; }

    /// <summary>Gets the consumers made so far (for their drop counters).</summary>
    IReadOnlyList<ISensorConsumer> Consumers { get; }

    /// <summary>
    /// Replaces the sensor's source (the same sensor at another rate, say); an open sensor closes the
    /// old source and opens the new one at once, in a new segment.
    /// </summary>
    /// <param name="source">The new source, an <c>ISensorSource&lt;T&gt;</c> of the sensor's payload type.</param>
    /// <exception cref="ArgumentException">The source delivers another payload type.</exception>
    void Switch(object source);
}
