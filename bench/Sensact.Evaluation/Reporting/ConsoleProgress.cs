using System.Diagnostics;

namespace Sensact.Evaluation.Reporting;

/// <summary>Progress on standard error, at most one line every <c>interval</c> (long runs stay readable).</summary>
internal sealed class ConsoleProgress(TextWriter output, TimeSpan interval) : IProgress<string>
{
    private readonly Stopwatch _since = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private TimeSpan? _last;

    public void Report(string value)
    {
        lock (_gate)
        {
            var now = _since.Elapsed;
            if (_last is { } last && now - last < interval)
            {
                return;
            }

            _last = now;
            output.WriteLine($"[{now:mm\\:ss}] {value}");
        }
    }
}
