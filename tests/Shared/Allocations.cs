namespace Sensact.Testing;

/// <summary>
/// Measures what a piece of work allocates on the calling thread once it is warm.
/// </summary>
/// <remarks>
/// A single measurement can catch a one-off allocation that is not the work's own: the runtime
/// charges tier-up bookkeeping (call counting, on-stack replacement) to the thread that crosses
/// the threshold, and on a loaded machine that moment moves. Work that allocates per call
/// allocates in every repeat, so the least of a few repeats tells the two apart.
/// </remarks>
public static class Allocations
{
    /// <summary>Gets the fewest bytes <paramref name="work"/> allocated in any of <paramref name="repeats"/> runs.</summary>
    public static long SteadyState(Action work, int repeats = 5)
    {
        work();
        var least = long.MaxValue;
        for (var i = 0; i < repeats && least > 0; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            work();
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        return least;
    }
}
