using System.Diagnostics;

namespace Sensact.Evaluation.Reporting;

/// <summary>Progress on standard error, at most one line every <c>interval</c> (long runs stay readable).</summary>
internal sealed class ConsoleProgress(TextWriter output, TimeSpan interval) : IProgress<string>
{
    private readonly Stopwatch _since = Stopwatch.StartNew();
    private TimeSpan _last = TimeSpan.MinValue;

    public void Report(string value)
    {
        var now = _since.Elapsed;
        if (_last != TimeSpan.MinValue && now - _last < interval)
        {
            return;
        }

        _last = now;
        output.WriteLine($"[{now:mm\\:ss}] {value}");
    }
}
