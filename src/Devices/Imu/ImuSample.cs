using System.Numerics;

namespace Sensact.Devices.Imu;

/// <summary>One reading of a 3-axis accelerometer.</summary>
/// <param name="Acceleration">Acceleration on the x, y and z axes in milli-g (1 g = 1000 mg).</param>
public readonly record struct ImuSample(Vector3 Acceleration);
