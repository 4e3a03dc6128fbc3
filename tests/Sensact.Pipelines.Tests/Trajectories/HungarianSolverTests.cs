using Sensact.Pipelines.Trajectories.Tracking;

namespace Sensact.Pipelines.Tests.Trajectories;

public class HungarianSolverTests
{
    [Fact]
    public void Solve_RandomSmallMatrices_MatchesBruteForce()
    {
        var random = new Random(42);
        var solver = new HungarianSolver();
        for (var trial = 0; trial < 2000; trial++)
        {
            var rows = random.Next(0, 6);
            var cols = random.Next(0, 6);
            var gate = 0.2 + random.NextDouble();
            var cost = new double[rows * cols];
            for (var i = 0; i < cost.Length; i++)
            {
                cost[i] = random.Next(4) == 0 ? double.NaN : random.NextDouble() * 1.5;
            }

            var assignment = new int[rows];
            var total = solver.Solve(cost, rows, cols, gate, assignment);

            Assert.Equal(BruteForce(cost, rows, cols, gate, 0, new bool[cols]), total, 9);
            var used = new HashSet<int>();
            var check = 0.0;
            for (var r = 0; r < rows; r++)
            {
                if (assignment[r] < 0)
                {
                    check += gate;
                    continue;
                }

                Assert.True(used.Add(assignment[r]), "a column assigned twice");
                Assert.True(cost[(r * cols) + assignment[r]] <= gate, "a pair above the gate");
                check += cost[(r * cols) + assignment[r]];
            }

            Assert.Equal(total, check, 9);
        }
    }

    [Fact]
    public void Solve_GreedyWouldBeWrong_FindsTheOptimum()
    {
        // Greedy takes (0,0) = 1 and leaves row 1 with 10; the optimum is (0,1) + (1,0) = 2 + 2.
        double[] cost = [1, 2, 2, 10];
        var assignment = new int[2];

        var total = new HungarianSolver().Solve(cost, 2, 2, 100, assignment);

        Assert.Equal(4, total);
        Assert.Equal([1, 0], assignment);
    }

    [Fact]
    public void Solve_BadArguments_Throw()
    {
        var solver = new HungarianSolver();
        Assert.Throws<ArgumentException>(() => solver.Solve(new double[3], 2, 2, 1, new int[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => solver.Solve(new double[4], 2, 2, double.NaN, new int[2]));
    }

    private static double BruteForce(double[] cost, int rows, int cols, double gate, int row, bool[] used)
    {
        if (row == rows)
        {
            return 0;
        }

        var best = gate + BruteForce(cost, rows, cols, gate, row + 1, used);
        for (var c = 0; c < cols; c++)
        {
            var value = cost[(row * cols) + c];
            if (!used[c] && value <= gate)
            {
                used[c] = true;
                best = Math.Min(best, value + BruteForce(cost, rows, cols, gate, row + 1, used));
                used[c] = false;
            }
        }

        return best;
    }
}
