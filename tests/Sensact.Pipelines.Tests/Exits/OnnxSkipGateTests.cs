using Sensact.Pipelines.Exits;
using Sensact.Pipelines.Models;

namespace Sensact.Pipelines.Tests.Exits;

public sealed class OnnxSkipGateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("sensact-gate-").FullName;

    [Fact]
    public void ShouldSkip_TinySigmoidModel_SkipsOnTheModelsProbability()
    {
        using var model = Load(width: 4);
        var gate = new OnnxSkipGate(model, "x", "y", threshold: 0.5f, minFastUnits: 1);

        // y[0] = sigmoid(first feature): 0.73 for 1, 0.27 for -1.
        Assert.True(gate.ShouldSkip(new SkipGateInput([1f, 0f, 0f], 0.5f, 3)));
        Assert.False(gate.ShouldSkip(new SkipGateInput([-1f, 0f, 0f], 0.5f, 3)));
        Assert.False(gate.ShouldSkip(new SkipGateInput([1f, 0f, 0f], 0.5f, 0)));
    }

    [Fact]
    public void ShouldSkip_FeaturesDoNotFitTheInput_ThrowsNamingIt()
    {
        using var model = Load(width: 4);
        var gate = new OnnxSkipGate(model, "x", "y");

        var error = Assert.Throws<ArgumentException>(() => gate.ShouldSkip(new SkipGateInput([1f, 0f], 0.5f, 3)));

        Assert.Contains("input 'x' holds 4 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownTensor_Throws()
    {
        using var model = Load(width: 4);

        Assert.Throws<ArgumentException>(() => new OnnxSkipGate(model, "features", "y"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private OnnxModel Load(int width)
    {
        var path = Path.Combine(_directory, "gate.onnx");
        File.WriteAllBytes(path, TinyOnnx.Sigmoid("x", "y", width));
        new ModelCard([], null, null, null, [new TensorSpec("x", "float", [1, width])], [new TensorSpec("y", "float", [1, width])], null!)
            .Save(ModelCard.PathFor(path));
        return OnnxModel.Load(path);
    }
}
