using System.Globalization;
using System.Text.Json;
using Sensact.Pipelines.Models;

namespace Sensact.Pipelines.Trajectories.Prediction;

/// <summary>
/// A learned predictor: an ONNX model that reads the last 8 displacements of a track and writes the
/// next one, both divided by the mean step length of those 8 (scale invariance).
/// </summary>
/// <remarks>
/// <para>The contract (checked against the card when the model is loaded): input <c>history</c>,
/// float [-1, 16], the displacements (dx, dy) of the last 9 positions, oldest first, each divided by
/// s = max(mean step length, 1e-6); output <c>next</c>, float [-1, 2], the next displacement divided
/// by s. The prediction is the last position plus s times the output, stretched by the ratio of
/// the time asked for to the history's mean time step (so an uneven next step still works).</para>
/// <para>The uncertainty is the model's residual variance per axis in units of s², from the
/// card's provenance <c>residualVariance</c>, or given when the model is loaded, or measured on
/// normal tracks with <see cref="Calibrate"/>; the variance of a prediction is that times s².</para>
/// <para><see cref="PredictTrack"/> feeds every window of a track to the model as one batch (one run
/// per track instead of one per position), on buffers grown to the largest track seen; a model whose card
/// has a fixed batch dimension is run once per position instead.</para>
/// <para>One caller at a time: the model's buffers are shared.</para>
/// </remarks>
public sealed class OnnxTrajectoryPredictor : ITrajectoryPredictor, IDisposable
{
    /// <summary>The input's name.</summary>
    public const string HistoryInput = "history";

    /// <summary>The output's name.</summary>
    public const string NextOutput = "next";

    /// <summary>The provenance key of the residual variance on the card.</summary>
    public const string ResidualVarianceKey = "residualVariance";

    /// <summary>The displacements the model reads.</summary>
    public const int Steps = 8;

    private readonly OnnxModel _model;
    private double[] _scales = new double[128];

    private OnnxTrajectoryPredictor(OnnxModel model, double residualVariance)
    {
        _model = model;
        ResidualVariance = residualVariance;
    }

    /// <summary>Gets the residual variance per axis, in units of the scale s squared.</summary>
    public double ResidualVariance { get; private set; }

    /// <inheritdoc />
    public int HistoryLength => Steps + 1;

    /// <inheritdoc />
    public int MinHistory => Steps + 1;

    /// <summary>Loads a model and its card and checks them against the contract.</summary>
    /// <param name="modelPath">The ONNX file.</param>
    /// <param name="residualVariance">The residual variance per axis in units of s²; null to read it from the card (a card without one is refused; pass any positive value and call <see cref="Calibrate"/> to measure it instead).</param>
    /// <param name="options">How ONNX Runtime runs it.</param>
    /// <param name="cardPath">The card; by default beside the model.</param>
    /// <returns>The predictor; dispose it to free the native session.</returns>
    /// <exception cref="ModelLoadException">The model or card is missing or corrupt, or does not follow the contract; the message names the file and what differs.</exception>
    public static OnnxTrajectoryPredictor Load(string modelPath, double? residualVariance = null, InferenceOptions? options = null, string? cardPath = null)
    {
        var model = OnnxModel.Load(modelPath, options, cardPath);
        try
        {
            var card = model.Card;
            var where = cardPath ?? ModelCard.PathFor(modelPath);
            if (card.Input(HistoryInput) is not { ElementType: "float", Shape: [_, 2 * Steps] })
            {
                throw new ModelLoadException($"Model card '{where}' must name an input '{HistoryInput}' of float [-1, {2 * Steps}] (the last {Steps} displacements).");
            }

            if (card.Output(NextOutput) is not { ElementType: "float", Shape: [_, 2] })
            {
                throw new ModelLoadException($"Model card '{where}' must name an output '{NextOutput}' of float [-1, 2] (the next displacement).");
            }

            var variance = residualVariance ?? ReadVariance(card, where);
            if (!(variance > 0) || !double.IsFinite(variance))
            {
                throw new ModelLoadException($"The residual variance of '{modelPath}' must be a positive number (got {variance.ToString(CultureInfo.InvariantCulture)}).");
            }

            return new OnnxTrajectoryPredictor(model, variance);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Measures the residual variance on normal tracks: the mean squared error per axis of the
    /// model's predictions, in units of s², and uses it from now on.
    /// </summary>
    /// <param name="normalTracks">Tracks of normal motion, each oldest first.</param>
    /// <returns>The residual variance.</returns>
    /// <exception cref="ArgumentException">The tracks hold no position with enough history.</exception>
    public double Calibrate(IEnumerable<TrajectoryPoint[]> normalTracks)
    {
        ArgumentNullException.ThrowIfNull(normalTracks);
        double sum = 0;
        long count = 0;
        foreach (var track in normalTracks)
        {
            var rows = track.Length - HistoryLength;
            var output = rows > 0 && _model.CanBatch ? RunWindows(track, rows) : default;
            for (var r = 0; r < rows; r++)
            {
                var i = r + HistoryLength;
                double nx, ny, s;
                if (output.IsEmpty)
                {
                    if (!RunModel(track.AsSpan(r, HistoryLength), out nx, out ny, out s))
                    {
                        continue;
                    }
                }
                else
                {
                    (nx, ny, s) = (output[2 * r], output[(2 * r) + 1], _scales[r]);
                }

                var ex = ((track[i].X - track[i - 1].X) / s) - nx;
                var ey = ((track[i].Y - track[i - 1].Y) / s) - ny;
                if (double.IsFinite(ex) && double.IsFinite(ey))
                {
                    sum += (ex * ex) + (ey * ey);
                    count += 2;
                }
            }
        }

        if (count == 0)
        {
            throw new ArgumentException($"No normal track has more than {HistoryLength} positions to calibrate on.", nameof(normalTracks));
        }

        ResidualVariance = Math.Max(sum / count, 1e-9);
        return ResidualVariance;
    }

    /// <inheritdoc />
    public bool TryPredict(ReadOnlySpan<TrajectoryPoint> history, double time, out PredictedPosition prediction)
    {
        prediction = default;
        if (history.Length < MinHistory || !(time > history[^1].T))
        {
            return false;
        }

        var window = history[^HistoryLength..];
        return RunModel(window, out var nx, out var ny, out var s) && Predict(window, time, nx, ny, s, out prediction);
    }

    /// <summary>Predicts every position of a track with one run of the model over all its windows.</summary>
    /// <inheritdoc />
    public int PredictTrack(ReadOnlySpan<TrajectoryPoint> track, Span<PredictedPosition> predictions, Span<bool> valid)
    {
        TrajectoryPredictions.CheckLengths(track, predictions, valid);
        predictions[..track.Length].Clear();
        valid[..track.Length].Clear();
        var rows = track.Length - HistoryLength;
        if (rows <= 0)
        {
            return 0;
        }

        if (!_model.CanBatch)
        {
            return PredictOneByOne(track, predictions, valid);
        }

        var output = RunWindows(track, rows);
        var count = 0;
        for (var r = 0; r < rows; r++)
        {
            var i = r + HistoryLength;
            var window = track.Slice(r, HistoryLength);
            if (track[i].T > window[^1].T && Predict(window, track[i].T, output[2 * r], output[(2 * r) + 1], _scales[r], out predictions[i]))
            {
                valid[i] = true;
                count++;
            }
            else
            {
                predictions[i] = default;
            }
        }

        return count;
    }

    /// <inheritdoc />
    public void Dispose() => _model.Dispose();

    private int PredictOneByOne(ReadOnlySpan<TrajectoryPoint> track, Span<PredictedPosition> predictions, Span<bool> valid)
    {
        var count = 0;
        for (var i = HistoryLength; i < track.Length; i++)
        {
            valid[i] = TryPredict(track[(i - HistoryLength)..i], track[i].T, out predictions[i]);
            count += valid[i] ? 1 : 0;
        }

        return count;
    }

    // One run of the model over the track's windows of HistoryLength positions, window r in row r; _scales[r] receives its s.
    private ReadOnlySpan<float> RunWindows(ReadOnlySpan<TrajectoryPoint> track, int rows)
    {
        if (_scales.Length < rows)
        {
            _scales = new double[Math.Max(rows, _scales.Length * 2)];
        }

        var input = _model.BatchInput(HistoryInput, rows);
        for (var r = 0; r < rows; r++)
        {
            _scales[r] = WriteRow(track.Slice(r, HistoryLength), input.Slice(2 * Steps * r, 2 * Steps));
        }

        _model.RunBatch(rows);
        return _model.BatchOutput(NextOutput, rows);
    }

    private bool RunModel(ReadOnlySpan<TrajectoryPoint> window, out double nx, out double ny, out double s)
    {
        s = WriteRow(window, _model.Input(HistoryInput));
        _model.Run();
        var output = _model.Output(NextOutput);
        nx = output[0];
        ny = output[1];
        return float.IsFinite(output[0]) && float.IsFinite(output[1]);
    }

    // The model's input for a window of HistoryLength positions: its displacements divided by s, the mean step length; returns s.
    private static double WriteRow(ReadOnlySpan<TrajectoryPoint> window, Span<float> row)
    {
        double total = 0;
        for (var k = 1; k < window.Length; k++)
        {
            total += Math.Sqrt(Square(window[k].X - window[k - 1].X) + Square(window[k].Y - window[k - 1].Y));
        }

        var s = Math.Max(total / Steps, 1e-6);
        for (var k = 1; k < window.Length; k++)
        {
            row[2 * (k - 1)] = (float)((window[k].X - window[k - 1].X) / s);
            row[(2 * (k - 1)) + 1] = (float)((window[k].Y - window[k - 1].Y) / s);
        }

        return s;
    }

    // The position at time from the model's output (nx, ny) for the window, in units of s.
    private bool Predict(ReadOnlySpan<TrajectoryPoint> window, double time, double nx, double ny, double s, out PredictedPosition prediction)
    {
        prediction = default;
        if (!double.IsFinite(nx) || !double.IsFinite(ny))
        {
            return false;
        }

        var meanDt = (window[^1].T - window[0].T) / Steps;
        var stretch = meanDt > 0 ? (time - window[^1].T) / meanDt : 1;
        var x = window[^1].X + (nx * s * stretch);
        var y = window[^1].Y + (ny * s * stretch);
        var variance = ResidualVariance * s * s * Math.Max(stretch * stretch, 1);
        prediction = new PredictedPosition(x, y, variance, 0, variance);
        return double.IsFinite(x) && double.IsFinite(y);
    }

    private static double Square(double x) => x * x;

    private static double ReadVariance(ModelCard card, string where) =>
        card.Provenance.TryGetValue(ResidualVarianceKey, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : throw new ModelLoadException($"Model card '{where}' has no number '{ResidualVarianceKey}' in its Provenance: give the residual variance when loading, or calibrate it on normal tracks.");
}
