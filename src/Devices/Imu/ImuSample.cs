using System.Numerics;
using Sensact.Devices.Sensors;

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
/// <remarks>
/// A sample is implausible (<see cref="Implausibility"/>, dropped and counted by the shared sensor)
/// when a value is NaN or infinite, or beyond what the chips the agent reads can measure with a
/// margin of 2: an acceleration longer than 32 g (<see cref="MaxPlausibleAcceleration"/>; the widest
/// full scale is ±16 g) or an angular velocity longer than 4000 °/s (<see cref="MaxPlausibleAngularVelocity"/>;
/// the widest is ±2000 °/s).
/// </remarks>
public readonly record struct ImuSample(Vector3 Acceleration, Vector3? AngularVelocity = null) : IPlausiblePayload
{
    /// <summary>Standard gravity, 1 g, in m/s² (the conventional value, ISO 80000-3).</summary>
    public const double StandardGravity = 9.80665;

    /// <summary>The longest plausible acceleration, in m/s²: 32 g (twice the widest full scale, ±16 g).</summary>
    public const float MaxPlausibleAcceleration = (float)(32 * StandardGravity);

    /// <summary>The longest plausible angular velocity, in rad/s: 4000 °/s (twice the widest full scale, ±2000 °/s).</summary>
    public const float MaxPlausibleAngularVelocity = (float)(4000 * Math.PI / 180);

    /// <summary>The reason a sample with a NaN or infinite value is dropped.</summary>
    public const string NonFinite = "non-finite";

    /// <summary>The reason a sample beyond the plausible magnitudes is dropped.</summary>
    public const string OutOfRange = "out-of-range";

    /// <inheritdoc />
    public string? Implausibility()
    {
        var acceleration = Acceleration.LengthSquared();
        var rate = AngularVelocity is { } w ? w.LengthSquared() : 0;

        // A NaN or infinite component makes the squared length NaN or infinite.
        if (!float.IsFinite(acceleration) || !float.IsFinite(rate))
        {
            return NonFinite;
        }

        return acceleration > MaxPlausibleAcceleration * MaxPlausibleAcceleration || rate > MaxPlausibleAngularVelocity * MaxPlausibleAngularVelocity
            ? OutOfRange
            : null;
    }

    /// <summary>Makes an accelerometer reading from milli-g (1 g = 1000 mg), converted to m/s² as <see cref="ImuCsv"/> converts the STM32 recordings.</summary>
    /// <param name="x">Acceleration on the x axis, in milli-g.</param>
    /// <param name="y">Acceleration on the y axis, in milli-g.</param>
    /// <param name="z">Acceleration on the z axis, in milli-g.</param>
    /// <returns>The reading, in m/s², without angular velocity.</returns>
    public static ImuSample FromMilliG(double x, double y, double z) =>
        new(new Vector3((float)(x * StandardGravity / 1000), (float)(y * StandardGravity / 1000), (float)(z * StandardGravity / 1000)));
}
