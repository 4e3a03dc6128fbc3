using System.Numerics;

namespace Sensact.Devices.Imu;

/// <summary>One reading of an inertial measurement unit.</summary>
/// <param name="Acceleration">Acceleration on the x, y and z axes in milli-g (1 g = 1000 mg).</param>
/// <param name="AngularVelocity">
/// Angular velocity about the x, y and z axes in radians per second, where the source has a
/// gyroscope; <c>null</c> where it has none (the STM32 recordings are accelerometer only).
/// </param>
public readonly record struct ImuSample(Vector3 Acceleration, Vector3? AngularVelocity = null);
