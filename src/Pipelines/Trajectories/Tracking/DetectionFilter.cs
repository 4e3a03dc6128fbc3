using Sensact.Pipelines.Detections;

namespace Sensact.Pipelines.Trajectories.Tracking;

/// <summary>
/// What a frame's detections must pass before the tracker sees them: finite coordinates, sizes and
/// scores, no negative size, at least <see cref="TrackerOptions.MinScore"/>, and, with a frame size,
/// a centre inside the frame (a box overhanging it is cut to it). Each reason is counted. Buffers grow
/// to the largest frame and are reused.
/// </summary>
internal sealed class DetectionFilter(TrackerOptions options)
{
    /// <summary>Gets the detections that passed the latest frame, first <see cref="Filter"/>'s result long.</summary>
    public Detection[] Valid { get; private set; } = [];

    /// <summary>Gets each passed detection's index in the frame's input.</summary>
    public int[] InputIndex { get; private set; } = [];

    public long NonFinite { get; private set; }

    public long LowScore { get; private set; }

    public long Outside { get; private set; }

    public long Clamped { get; private set; }

    /// <summary>Filters one frame's detections into <see cref="Valid"/>; returns how many passed.</summary>
    public int Filter(ReadOnlySpan<Detection> detections)
    {
        if (Valid.Length < detections.Length)
        {
            var size = Math.Max(detections.Length, Valid.Length * 2);
            Valid = new Detection[size];
            InputIndex = new int[size];
        }

        var n = 0;
        for (var i = 0; i < detections.Length; i++)
        {
            var d = detections[i];
            if (!float.IsFinite(d.Left) || !float.IsFinite(d.Top) || !float.IsFinite(d.Width) || !float.IsFinite(d.Height)
                || !float.IsFinite(d.Score) || d.Width < 0 || d.Height < 0)
            {
                NonFinite++;
                continue;
            }

            if (d.Score < options.MinScore)
            {
                LowScore++;
                continue;
            }

            if (options.FrameWidth is { } w && options.FrameHeight is { } h)
            {
                if (d.CenterX < 0 || d.CenterY < 0 || d.CenterX > w || d.CenterY > h)
                {
                    Outside++;
                    continue;
                }

                var left = Math.Max(d.Left, 0f);
                var top = Math.Max(d.Top, 0f);
                var right = Math.Min(d.Left + d.Width, (float)w);
                var bottom = Math.Min(d.Top + d.Height, (float)h);
                if (left != d.Left || top != d.Top || right != d.Left + d.Width || bottom != d.Top + d.Height)
                {
                    Clamped++;
                    d = new Detection(left, top, right - left, bottom - top, d.Score);
                }
            }

            Valid[n] = d;
            InputIndex[n] = i;
            n++;
        }

        return n;
    }
}
