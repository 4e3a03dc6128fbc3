using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sensact.Pipelines.Models;
using Sensact.Testing;

namespace Sensact.Pipelines.Tests.Models;

public sealed class OnnxModelBatchTests
{
    private const string Features = "Features";
    private const string Scores = "Score.output";

    [Fact]
    public void RunBatch_ShippedModel_EachRowAsARunOfItsOwn()
    {
        using var model = OnnxModel.Load(ShippedModel.ModelPath);
        Assert.True(model.CanBatch);
        var random = new Random(3);
        var rows = Enumerable.Range(0, 37).Select(_ => Enumerable.Range(0, 18).Select(_ => (float)random.NextDouble()).ToArray()).ToArray();

        // 37 rows run in a buffer of 64; a later batch of 5 reuses the buffer of 8 and must not see the rest.
        foreach (var count in new[] { 37, 5, 1, 37 })
        {
            var input = model.BatchInput(Features, count);
            Assert.Equal(count * 18, input.Length);
            for (var r = 0; r < count; r++)
            {
                rows[r].CopyTo(input.Slice(r * 18, 18));
            }

            model.RunBatch(count);
            var batch = model.BatchOutput(Scores, count).ToArray();
            Assert.Equal(count * 3, batch.Length);
            for (var r = 0; r < count; r++)
            {
                rows[r].CopyTo(model.Input(Features));
                model.Run();
                var single = model.Output(Scores);
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(single[c], batch[(r * 3) + c], 5);
                }
            }
        }
    }

    [Fact]
    public void BatchInput_SameSizeClass_SameMemory_OtherClassOther()
    {
        using var model = OnnxModel.Load(ShippedModel.ModelPath);

        var three = model.BatchInput(Features, 3);
        var four = model.BatchInput(Features, 4);
        var five = model.BatchInput(Features, 5);

        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(three), ref MemoryMarshal.GetReference(four)));
        Assert.False(Unsafe.AreSame(ref MemoryMarshal.GetReference(four), ref MemoryMarshal.GetReference(five)));
        Assert.False(Unsafe.AreSame(ref MemoryMarshal.GetReference(model.Input(Features)), ref MemoryMarshal.GetReference(model.BatchInput(Features, 1))));
    }

    [Fact]
    public void RunBatch_Warm_AllocatesNothing()
    {
        using var model = OnnxModel.Load(ShippedModel.ModelPath);

        var bytes = Allocations.SteadyState(() =>
        {
            model.BatchInput(Features, 91).Fill(0.25f);
            model.RunBatch(91);
            _ = model.BatchOutput(Scores, 91);
        });

        Assert.Equal(0, bytes);
    }

    [Fact]
    public void Batch_BadRowsOrNames_ThrowsNamingThem()
    {
        using var model = OnnxModel.Load(ShippedModel.ModelPath);

        Assert.Throws<ArgumentOutOfRangeException>("rows", () => model.RunBatch(0));
        Assert.Throws<ArgumentOutOfRangeException>("rows", () => model.BatchInput(Features, -1));
        var error = Assert.Throws<ArgumentException>("name", () => model.BatchInput("Label", 2));
        Assert.Contains("no input 'Label' to write (inputs: Features)", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>("name", () => model.BatchOutput("PredictedLabel.output", 2));
        Assert.Throws<ArgumentException>(() => model.BatchInput<long>(Features, 2));
    }

    [Fact]
    public void Batch_FixedFirstDimension_RefusedNamingTheTensor()
    {
        using var model = OnnxModel.Load(Path.Combine(AppContext.BaseDirectory, "models", "ultraface", "version-slim-320.onnx"));

        Assert.False(model.CanBatch);
        var error = Assert.Throws<InvalidOperationException>(() => model.RunBatch(2));
        Assert.Contains("[1, 3, 240, 320]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_AfterDispose_ThrowsObjectDisposedException()
    {
        var model = OnnxModel.Load(ShippedModel.ModelPath);
        model.RunBatch(2);
        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => model.RunBatch(2));
        Assert.Throws<ObjectDisposedException>(() => model.BatchInput(Features, 2));
    }
}
