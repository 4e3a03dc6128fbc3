namespace Sensact.Pipelines.Trajectories.Prediction;

/// <summary>A predicted position with its uncertainty: a 2x2 covariance, in the track's units².</summary>
/// <param name="X">The predicted horizontal coordinate.</param>
/// <param name="Y">The predicted vertical coordinate.</param>
/// <param name="VarianceX">The horizontal variance of the observed position around the prediction.</param>
/// <param name="CovarianceXY">The covariance of the two axes.</param>
/// <param name="VarianceY">The vertical variance.</param>
public readonly record struct PredictedPosition(double X, double Y, double VarianceX, double CovarianceXY, double VarianceY)
{
    /// <summary>Gets the squared Mahalanobis distance of an observed position from the prediction.</summary>
    /// <param name="x">The observed horizontal coordinate.</param>
    /// <param name="y">The observed vertical coordinate.</param>
    /// <returns>dᵀ Σ⁻¹ d; about 2 on average for an observation the covariance describes.</returns>
    public double Mahalanobis2(double x, double y)
    {
        var dx = x - X;
        var dy = y - Y;
        var det = (VarianceX * VarianceY) - (CovarianceXY * CovarianceXY);
        if (!(det > 0))
        {
            return double.PositiveInfinity;
        }

        return ((VarianceY * dx * dx) - (2 * CovarianceXY * dx * dy) + (VarianceX * dy * dy)) / det;
    }
}
