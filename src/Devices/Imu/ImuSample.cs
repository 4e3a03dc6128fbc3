using System.Numerics;

namespace Sensact.Devices.Imu;

/// <summary>One reading of an inertial measurement unit, in SI units.</summary>
/// <param name="Acceleration">
/// Acceleration on the x, y and z axes in metres per second squared (m/s²); a sensor at rest
/// measures about <see cref="StandardGravity"/> along the axis that points up.
/// </param>
/// <param name="AngularVelocity">
/// Angular velocity about the x, y and z axes in radians per second, where the source has a
/// gyroscope; <c>null</c> where it has none (the STM32 recordings are accelerometer only).
/// </param>
public readonly record struct ImuSample(Vector3 Acceleration, Vector3? AngularVelocity = null)
{
    /// <summary>Standard gravity, 1 g, in m/s² (the conventional value, ISO 80000-3).</summary>
    public const double StandardGravity = 9.80665;

    /// <summary>Makes an accelerometer reading from milli-g (1 g = 1000 mg), converted to m/s² as <see cref="ImuCsv"/> converts the STM32 recordings.</summary>
    /// <param name="x">Acceleration on the x axis, in milli-g.</param>
    /// <param name="y">Acceleration on the y axis, in milli-g.</param>
    /// <param name="z">Acceleration on the z axis, in milli-g.</param>
    /// <returns>The reading, in m/s², without angular velocity.</returns>
    public static ImuSample FromMilliG(double x, double y, double z) =>
        new(new Vector3((float)(x * StandardGravity / 1000), (float)(y * StandardGravity / 1000), (float)(z * StandardGravity / 1000)));
}
