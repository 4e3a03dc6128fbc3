namespace Sensact.Pipelines.Trajectories.Tracking;

/// <summary>
/// A constant-velocity Kalman filter on (x, y, vx, vy) with isotropic noise: the two axes are
/// independent and share one 2x2 covariance (position, velocity), so a step costs a few multiplies.
/// </summary>
/// <remarks>
/// Process noise is white acceleration of spectral density <c>q</c> (units²/s³):
/// Q = q [dt³/3, dt²/2; dt²/2, dt]. Measurement noise is a variance <c>r</c> (units²) per axis.
/// </remarks>
internal struct ConstantVelocityKalman
{
    public double X;
    public double Y;
    public double Vx;
    public double Vy;

    // Covariance of (position, velocity) per axis.
    public double P00;
    public double P01;
    public double P11;

    /// <summary>Starts at a position with unknown velocity.</summary>
    public void Start(double x, double y, double measurementNoise, double initialVelocityVariance)
    {
        X = x;
        Y = y;
        Vx = 0;
        Vy = 0;
        P00 = measurementNoise;
        P01 = 0;
        P11 = initialVelocityVariance;
    }

    /// <summary>Moves the state <paramref name="dt"/> seconds ahead.</summary>
    public void Predict(double dt, double processNoise)
    {
        X += Vx * dt;
        Y += Vy * dt;
        var dt2 = dt * dt;
        var p00 = P00 + (2 * dt * P01) + (dt2 * P11) + (processNoise * dt2 * dt / 3);
        var p01 = P01 + (dt * P11) + (processNoise * dt2 / 2);
        P11 += processNoise * dt;
        P00 = p00;
        P01 = p01;
    }

    /// <summary>Gets the innovation variance per axis: the position's variance plus the measurement noise.</summary>
    public readonly double InnovationVariance(double measurementNoise) => P00 + measurementNoise;

    /// <summary>Gets the squared Mahalanobis distance of a measurement from the predicted position.</summary>
    public readonly double Mahalanobis2(double zx, double zy, double measurementNoise)
    {
        var dx = zx - X;
        var dy = zy - Y;
        return ((dx * dx) + (dy * dy)) / (P00 + measurementNoise);
    }

    /// <summary>Corrects the state with a measured position.</summary>
    public void Update(double zx, double zy, double measurementNoise)
    {
        var s = P00 + measurementNoise;
        var k0 = P00 / s;
        var k1 = P01 / s;
        var dx = zx - X;
        var dy = zy - Y;
        X += k0 * dx;
        Y += k0 * dy;
        Vx += k1 * dx;
        Vy += k1 * dy;
        var p00 = (1 - k0) * P00;
        var p01 = (1 - k0) * P01;
        var p11 = P11 - (k1 * P01);
        P00 = p00;
        P01 = p01;
        P11 = p11;
    }
}
