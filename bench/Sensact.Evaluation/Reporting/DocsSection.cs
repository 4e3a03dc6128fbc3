namespace Sensact.Evaluation.Reporting;

/// <summary>
/// Replaces one application's generated section of docs/benchmarks.md, between
/// <c>&lt;!-- evaluation:{app}:begin --&gt;</c> and <c>&lt;!-- evaluation:{app}:end --&gt;</c>; appends the
/// section with its markers when the file has none yet.
/// </summary>
internal static class DocsSection
{
    public static void Write(string path, string app, string markdown)
    {
        var begin = $"<!-- evaluation:{app}:begin -->";
        var end = $"<!-- evaluation:{app}:end -->";
        var text = File.Exists(path) ? File.ReadAllText(path) : "# Benchmarks\n";
        var block = $"{begin}\n{markdown.TrimEnd()}\n{end}";
        var at = text.IndexOf(begin, StringComparison.Ordinal);
        var until = text.IndexOf(end, StringComparison.Ordinal);
        text = at >= 0 && until > at
            ? string.Concat(text.AsSpan(0, at), block, text.AsSpan(until + end.Length))
            : $"{text.TrimEnd()}\n\n{block}\n";
        File.WriteAllText(path, text);
    }
}
