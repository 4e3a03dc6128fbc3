using Sensact.Pipelines.Aggregation;

namespace Sensact.Pipelines.Multimodal;

/// <summary>One open window's state in a <see cref="WindowEngine"/>; reused from window to window.</summary>
internal sealed class WindowState(int modalities, IWindowEvidence evidence, IWindowEvidence? shadow)
{
    public long Index { get; set; }

    public bool Decided { get; set; }

    public bool SkipSlow { get; set; }

    public DateTimeOffset FirstSensed { get; set; }

    public DateTimeOffset LastSensed { get; set; }

    public IDisposable? Timer { get; set; }

    public int EncodedTotal { get; set; }

    public int FastEncoded { get; set; }

    public int Audits { get; set; }

    public IWindowEvidence Evidence { get; } = evidence;

    /// <summary>Gets the evidence with the audited skipped units added too; <c>null</c> without an audit.</summary>
    public IWindowEvidence? Shadow { get; } = shadow;

    public string? DecidedLabel { get; set; }

    public int[] Seen { get; } = new int[modalities];

    public int[] Encoded { get; } = new int[modalities];

    public int[] Skipped { get; } = new int[modalities];

    public int[] Invalid { get; } = new int[modalities];

    public bool[] Closed { get; } = new bool[modalities];

    public void Reset(long index)
    {
        Index = index;
        Decided = false;
        SkipSlow = false;
        EncodedTotal = 0;
        FastEncoded = 0;
        Audits = 0;
        DecidedLabel = null;
        Timer = null;
        Evidence.Reset();
        Shadow?.Reset();
        Array.Clear(Seen);
        Array.Clear(Encoded);
        Array.Clear(Skipped);
        Array.Clear(Invalid);
        Array.Clear(Closed);
    }
}
