namespace Sensact.Devices.Sensors;

/// <summary>A sensor with a fixed sample rate, which models trained at a rate are checked against.</summary>
public interface ISampledSensor
{
    /// <summary>Gets the rate the sensor delivers samples at, in samples per second of originating time.</summary>
    double SampleRateHz { get; }
}
