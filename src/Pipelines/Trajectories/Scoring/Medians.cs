namespace Sensact.Pipelines.Trajectories.Scoring;

/// <summary>Medians of scratch spans without a full sort.</summary>
internal static class Medians
{
    /// <summary>The median, found by selection (linear on average) rather than a full sort; reorders <paramref name="values"/>.</summary>
    internal static double Of(Span<double> values)
    {
        var n = values.Length;
        if (n == 0)
        {
            return 0;
        }

        var k = n / 2;
        Select(values, k);
        if (n % 2 == 1)
        {
            return values[k];
        }

        // Everything before k is at most values[k]: the lower middle is the largest of them.
        var lower = values[0];
        for (var i = 1; i < k; i++)
        {
            lower = Math.Max(lower, values[i]);
        }

        return (lower + values[k]) / 2;
    }

    // Reorders values so that values[k] is the k-th smallest, with nothing larger before it and nothing smaller after (Hoare's selection, median-of-three pivots).
    private static void Select(Span<double> values, int k)
    {
        var (left, right) = (0, values.Length - 1);
        while (right > left)
        {
            var middle = left + ((right - left) / 2);
            var pivot = MedianOfThree(values[left], values[middle], values[right]);
            var (i, j) = (left, right);
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return;
            }
        }
    }

    private static double MedianOfThree(double a, double b, double c) => Math.Max(Math.Min(a, b), Math.Min(Math.Max(a, b), c));
}
