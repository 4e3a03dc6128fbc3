using Sensact.Pipelines.Models;

namespace Sensact.Pipelines.Tests.Models;

public class InferenceOptionsTests
{
    [Fact]
    public void Defaults_Always_OneThreadNoSpinningOnCpuAndValid()
    {
        var options = new InferenceOptions();

        Assert.Equal((1, 1, false, "CPU"), (options.IntraOpThreads, options.InterOpThreads, options.AllowSpinning, options.ExecutionProvider));
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("CPU")]
    [InlineData("cpu")]
    [InlineData("CUDA")]
    [InlineData("cuda")]
    public void Validate_KnownProvider_NoProblem(string provider) =>
        Assert.Empty(new InferenceOptions { ExecutionProvider = provider }.Validate());

    [Fact]
    public void Validate_ZeroIntraOpThreads_NamesKeyAndValue() =>
        Assert.Equal(["IntraOpThreads must be at least 1 (got 0)."], new InferenceOptions { IntraOpThreads = 0 }.Validate());

    [Fact]
    public void Validate_NegativeInterOpThreads_NamesKeyAndValue() =>
        Assert.Equal(["InterOpThreads must be at least 1 (got -2)."], new InferenceOptions { InterOpThreads = -2 }.Validate());

    [Theory]
    [InlineData("TensorRT", "'TensorRT'")]
    [InlineData("", "''")]
    [InlineData(null, "null")]
    public void Validate_OtherProvider_Refused(string? provider, string shown) =>
        Assert.Equal([$"ExecutionProvider must be CPU or CUDA (got {shown})."], new InferenceOptions { ExecutionProvider = provider! }.Validate());

    [Fact]
    public void Validate_SeveralBadValues_OneProblemEach()
    {
        var problems = new InferenceOptions { IntraOpThreads = 0, InterOpThreads = 0, ExecutionProvider = "DirectML" }.Validate().ToList();

        Assert.Equal(3, problems.Count);
        Assert.StartsWith("IntraOpThreads", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("InterOpThreads", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("ExecutionProvider", problems[2], StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Defaults_DescribesThreadsAndSpinning() =>
        Assert.Equal("CPU, 1 intra-op thread(s), 1 inter-op thread(s), no spinning", new InferenceOptions().ToString());
}
