using Sensact.Pipelines.Trajectories.Scoring;

namespace Sensact.Pipelines.Tests.Trajectories;

public sealed class MediansTests
{
    [Fact]
    public void Of_AgreesWithSorting_OddEvenDuplicatesAndSortedInput()
    {
        var random = new Random(5);
        for (var trial = 0; trial < 500; trial++)
        {
            var n = random.Next(1, 60);
            var values = Enumerable.Range(0, n).Select(_ => trial % 3 == 0 ? random.Next(4) : random.NextDouble() * 100).ToArray();
            if (trial % 5 == 0)
            {
                Array.Sort(values);
            }

            var sorted = values.OrderBy(v => v).ToArray();
            var expected = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;

            Assert.Equal(expected, Medians.Of(values));
        }

        Assert.Equal(0, Medians.Of([]));
    }
}
