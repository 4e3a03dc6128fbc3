namespace Sensact.Evaluation.TrajectoryWatch;

/// <summary>The area under the ROC curve, as the Mann-Whitney statistic (ties count half).</summary>
internal static class Roc
{
    /// <summary>Gets the AUC of scores of positives against negatives; NaN when either is empty.</summary>
    public static double Auc(IReadOnlyCollection<double> positives, IReadOnlyCollection<double> negatives)
    {
        if (positives.Count == 0 || negatives.Count == 0)
        {
            return double.NaN;
        }

        var all = positives.Select(s => (Score: s, Positive: true)).Concat(negatives.Select(s => (Score: s, Positive: false))).OrderBy(p => p.Score).ToArray();
        double rankSum = 0;
        var i = 0;
        while (i < all.Length)
        {
            var j = i;
            while (j + 1 < all.Length && all[j + 1].Score.Equals(all[i].Score))
            {
                j++;
            }

            var rank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                rankSum += all[k].Positive ? rank : 0;
            }

            i = j + 1;
        }

        var p = positives.Count;
        return (rankSum - (p * (p + 1) / 2.0)) / ((double)p * negatives.Count);
    }
}
