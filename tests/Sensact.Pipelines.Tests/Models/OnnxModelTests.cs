using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sensact.Pipelines.Models;

namespace Sensact.Pipelines.Tests.Models;

public sealed class OnnxModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sensact-model-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ModelPath => ShippedModel.ModelPath;

    private static ModelLoadException LoadFails(string cardPath) =>
        Assert.Throws<ModelLoadException>(() => OnnxModel.Load(ModelPath, cardPath: cardPath));

    [Fact]
    public void Load_ShippedActivityModel_CardAndBuffersFromCard()
    {
        using var model = OnnxModel.Load(ModelPath);

        Assert.Equal(ModelPath, model.ModelPath);
        Assert.Equal(["running", "stationary", "walking"], model.Card.Labels);
        Assert.Equal(18, model.Input("Features").Length);
        Assert.Equal(3, model.Output("Score.output").Length);
    }

    [Fact]
    public void Run_ShippedModel_WritesProbabilitiesThatSumToOne()
    {
        using var model = OnnxModel.Load(ModelPath, new InferenceOptions { IntraOpThreads = 2, InterOpThreads = 2, AllowSpinning = true });
        model.Input("Features").Fill(0.5f);

        model.Run();

        var scores = model.Output("Score.output");
        Assert.Equal(1f, scores[0] + scores[1] + scores[2], 4);
        Assert.All(scores.ToArray(), p => Assert.InRange(p, 0f, 1f));
    }

    [Fact]
    public void Run_Twice_SameBuffersRewritten()
    {
        using var model = OnnxModel.Load(ModelPath);
        var input = model.Input("Features");
        input.Clear();
        model.Run();
        var first = model.Output("Score.output");
        var firstScores = first.ToArray();

        model.Input("Features")[0] = 1.4f;
        model.Input("Features")[1] = 0.6f;
        model.Run();
        var second = model.Output("Score.output");

        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(first), ref MemoryMarshal.GetReference(second)));
        Assert.True(Unsafe.AreSame(ref MemoryMarshal.GetReference(input), ref MemoryMarshal.GetReference(model.Input("Features"))));
        Assert.NotEqual(firstScores, second.ToArray());
    }

    [Fact]
    public void Run_WarmCall_AllocatesNothing()
    {
        using var model = OnnxModel.Load(ModelPath);
        model.Run();

        var before = GC.GetAllocatedBytesForCurrentThread();
        model.Run();
        _ = model.Input("Features");
        _ = model.Output("Score.output");
        var after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
    }

    [Fact]
    public void Input_ConstantInput_ThrowsNamingWritableInputs()
    {
        using var model = OnnxModel.Load(ModelPath);

        var error = Assert.Throws<ArgumentException>("name", () => model.Input("Label"));

        Assert.Contains("no input 'Label' to write (inputs: Features)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_WrongElementType_ThrowsArgumentException()
    {
        using var model = OnnxModel.Load(ModelPath);

        var error = Assert.Throws<ArgumentException>(() => model.Input<long>("Features"));

        Assert.Contains("holds float, not Int64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_NotOnCard_ThrowsArgumentException()
    {
        using var model = OnnxModel.Load(ModelPath);

        Assert.Throws<ArgumentException>("name", () => model.Output("PredictedLabel.output"));
    }

    [Fact]
    public void Run_AfterDispose_ThrowsObjectDisposedException()
    {
        var model = OnnxModel.Load(ModelPath);
        model.Dispose();
        model.Dispose();

        Assert.Throws<ObjectDisposedException>(model.Run);
        Assert.Throws<ObjectDisposedException>(() => model.Input("Features"));
    }

    [Fact]
    public void Load_CardNamesMissingInput_ThrowsNamingTensor()
    {
        var card = ShippedModel.CardWith(_folder, "Features", t => t with { Name = "Accel" });

        var error = LoadFails(card);

        Assert.Contains(ModelPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("input 'Features', which the card", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CardNamesMissingOutput_ThrowsNamingTensor()
    {
        var card = ShippedModel.CardWith(_folder, "Score.output", t => t with { Name = "Probabilities" });

        var error = LoadFails(card);

        Assert.Contains($"the card '{card}' names output 'Probabilities', which the model lacks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongElementType_ThrowsNamingTensorAndTypes()
    {
        var card = ShippedModel.CardWith(_folder, "Features", t => t with { ElementType = "double" });

        var error = LoadFails(card);

        Assert.Equal($"Cannot load model '{ModelPath}': input 'Features' has element type float in the model; the card '{card}' says double.", error.Message);
    }

    [Fact]
    public void Load_WrongShape_ThrowsNamingTensorAndShapes()
    {
        var card = ShippedModel.CardWith(_folder, "Score.output", t => t with { Shape = [-1, 4] });

        var error = LoadFails(card);

        Assert.Contains("output 'Score.output' has shape [-1, 3] in the model; the card", error.Message, StringComparison.Ordinal);
        Assert.Contains("says [-1, 4]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FixedDimensionWhereModelIsSymbolic_Refused()
    {
        var card = ShippedModel.CardWith(_folder, "Features", t => t with { Shape = [1, 18] });

        var error = LoadFails(card);

        Assert.Contains("input 'Features' has shape [-1, 18] in the model", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CardLacksAModelInput_ThrowsAskingToMarkItConstant()
    {
        var shipped = ShippedModel.Card();
        var card = ShippedModel.Save(_folder, shipped with { Inputs = [shipped.Input("Features")!] });

        var error = LoadFails(card);

        Assert.Contains("the model has input 'Label', which the card", error.Message, StringComparison.Ordinal);
        Assert.Contains("Constant", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CudaOnCpuOnlyRuntime_ThrowsSayingTheBuildLacksIt()
    {
        var error = Assert.Throws<ModelLoadException>(() => OnnxModel.Load(ModelPath, new InferenceOptions { ExecutionProvider = "CUDA" }));

        Assert.StartsWith($"Cannot load model '{ModelPath}': ExecutionProvider is CUDA, but this ONNX Runtime is the CPU-only build", error.Message, StringComparison.Ordinal);
        Assert.Contains("lacks the CUDA execution provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadOptions_ThrowsArgumentExceptionNamingKeys()
    {
        var error = Assert.Throws<ArgumentException>("options", () => OnnxModel.Load(ModelPath, new InferenceOptions { IntraOpThreads = 0, ExecutionProvider = "TPU" }));

        Assert.Contains("IntraOpThreads must be at least 1 (got 0).", error.Message, StringComparison.Ordinal);
        Assert.Contains("ExecutionProvider must be CPU or CUDA (got 'TPU').", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingModel_ThrowsNamingPath()
    {
        var path = Path.Combine(_folder, "x.onnx");

        var error = Assert.Throws<ModelLoadException>(() => OnnxModel.Load(path));

        Assert.Equal($"Cannot load model '{path}': file not found.", error.Message);
    }

    [Fact]
    public void Load_CorruptModel_ThrowsNamingPath()
    {
        var path = Path.Combine(_folder, "corrupt.onnx");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8]);
        File.Copy(ShippedModel.CardPath, Path.Combine(_folder, "corrupt.json"));

        var error = Assert.Throws<ModelLoadException>(() => OnnxModel.Load(path));

        Assert.StartsWith($"Cannot load model '{path}': not a valid ONNX model (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingCard_ThrowsNamingCardPath()
    {
        var path = Path.Combine(_folder, "x.onnx");
        File.Copy(ModelPath, path);

        var error = Assert.Throws<ModelLoadException>(() => OnnxModel.Load(path));

        Assert.Equal($"Cannot load model card '{Path.Combine(_folder, "x.json")}': file not found.", error.Message);
    }

    [Fact]
    public void Load_EmptyPath_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("modelPath", () => OnnxModel.Load(""));
}
