using System.Text.Json;
using Sensact.Pipelines.Models;

namespace Sensact.Pipelines.Tests.Models;

public sealed class ModelCardTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sensact-card-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ModelCard Detector() => new(
        [],
        null,
        null,
        null,
        [new TensorSpec("image", "uint8", [1, 3, 4, 4])],
        [new TensorSpec("boxes", "float", [1, -1, 4], ElementNames: ["x", "y", "w", "h"])],
        new Dictionary<string, JsonElement> { ["Trainer"] = JsonSerializer.SerializeToElement("none"), ["Epochs"] = JsonSerializer.SerializeToElement(3) });

    private string Write(string json)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private string Problem(ModelCard card)
    {
        var path = ShippedModel.Save(_folder, card);
        var error = Assert.Throws<ModelLoadException>(() => ModelCard.Load(path));
        Assert.StartsWith($"Cannot load model card '{path}': ", error.Message, StringComparison.Ordinal);
        return error.Message;
    }

    [Fact]
    public void Save_ThenLoad_SameValues()
    {
        var path = ShippedModel.Save(_folder, Detector());

        var loaded = ModelCard.Load(path);

        Assert.Empty(loaded.Labels);
        Assert.Equal((null, null, null), (loaded.SampleRateHz, loaded.WindowSize, loaded.Hop));
        Assert.Equal([1L, 3, 4, 4], Assert.Single(loaded.Inputs).Shape);
        Assert.Equal(["x", "y", "w", "h"], Assert.Single(loaded.Outputs).ElementNames);
        Assert.Equal(3, loaded.Provenance["Epochs"].GetInt32());
        Assert.Equal("none", loaded.Provenance["Trainer"].GetString());
    }

    [Fact]
    public void Save_Card_OmitsNullsAndFalseConstant()
    {
        var path = ShippedModel.Save(_folder, Detector());

        var json = File.ReadAllText(path);

        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Constant", json, StringComparison.Ordinal);
        Assert.DoesNotContain("ElementCount", json, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"Labels\": []", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedCard_TensorsLabelsWindowAndProvenance()
    {
        var card = ShippedModel.Card();

        Assert.Equal(["running", "stationary", "walking"], card.Labels);
        Assert.Equal((26.0, 52, 26), (card.SampleRateHz, card.WindowSize, card.Hop));
        Assert.Equal("'Features' float [-1, 18]", card.Input("Features")!.ToString());
        Assert.True(card.Input("Label")!.Constant);
        Assert.Equal("'Score.output' float [-1, 3]", Assert.Single(card.Outputs).ToString());
        Assert.True(card.Provenance["HeldOutAccuracy"].GetDouble() >= 0.9);
    }

    [Fact]
    public void Load_NoLabelsNoProvenance_Empty()
    {
        var path = Write("""{ "Inputs": [ { "Name": "x", "ElementType": "float", "Shape": [1] } ], "Outputs": [ { "Name": "y", "ElementType": "float", "Shape": [1] } ] }""");

        var card = ModelCard.Load(path);

        Assert.Empty(card.Labels);
        Assert.Empty(card.Provenance);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingPath()
    {
        var path = Path.Combine(_folder, "missing.json");

        var error = Assert.Throws<ModelLoadException>(() => ModelCard.Load(path));

        Assert.Equal($"Cannot load model card '{path}': file not found.", error.Message);
    }

    [Fact]
    public void Load_CorruptFile_ThrowsNamingPath()
    {
        var path = Write("{ \"Labels\": [ broken");

        var error = Assert.Throws<ModelLoadException>(() => ModelCard.Load(path));

        Assert.StartsWith($"Cannot load model card '{path}': not a valid model card (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoInputs_Refused() =>
        Assert.EndsWith("Inputs must name at least one tensor.", Problem(Detector() with { Inputs = [] }), StringComparison.Ordinal);

    [Fact]
    public void Load_MissingOutputsField_Refused() =>
        Assert.EndsWith("Outputs must name at least one tensor.", Problem(Detector() with { Outputs = null! }), StringComparison.Ordinal);

    [Fact]
    public void Load_DuplicateLabel_Refused() =>
        Assert.Contains("Labels names a label twice", Problem(Detector() with { Labels = ["a", "a"] }), StringComparison.Ordinal);

    [Fact]
    public void Load_ZeroHop_Refused() =>
        Assert.Contains("WindowSize and Hop must be at least 1", Problem(Detector() with { WindowSize = 4, Hop = 0 }), StringComparison.Ordinal);

    [Fact]
    public void Load_NegativeSampleRate_Refused() =>
        Assert.Contains("SampleRateHz must be positive (got -1)", Problem(Detector() with { SampleRateHz = -1 }), StringComparison.Ordinal);

    [Fact]
    public void Load_UnknownElementType_RefusedNamingTensor() =>
        Assert.Contains("Inputs 'image': ElementType must be one of", Problem(Detector() with { Inputs = [new TensorSpec("image", "complex64", [1])] }), StringComparison.Ordinal);

    [Fact]
    public void Load_ZeroDimension_RefusedNamingTensor() =>
        Assert.Contains("Outputs 'boxes': Shape must have", Problem(Detector() with { Outputs = [new TensorSpec("boxes", "float", [1, 0])] }), StringComparison.Ordinal);

    [Fact]
    public void Load_ConstantOutput_Refused() =>
        Assert.Contains("an output cannot be Constant", Problem(Detector() with { Outputs = [new TensorSpec("boxes", "float", [1], Constant: true)] }), StringComparison.Ordinal);

    [Fact]
    public void Load_FedStringInput_Refused() =>
        Assert.Contains("string tensors can only be Constant inputs", Problem(Detector() with { Inputs = [new TensorSpec("text", "string", [1])] }), StringComparison.Ordinal);

    [Fact]
    public void Load_ElementNamesOfWrongCount_Refused() =>
        Assert.Contains("ElementNames names 2 elements; the last dimension holds 4",
            Problem(Detector() with { Outputs = [new TensorSpec("boxes", "float", [1, 4], ElementNames: ["x", "y"])] }), StringComparison.Ordinal);

    [Fact]
    public void Load_TensorNamedTwice_Refused() =>
        Assert.Contains("Inputs names 'image' twice", Problem(Detector() with { Inputs = [.. Detector().Inputs, .. Detector().Inputs] }), StringComparison.Ordinal);

    [Fact]
    public void Load_EmptyPath_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("path", () => ModelCard.Load(""));

    [Fact]
    public void PathFor_ModelPath_SameNameWithJson() =>
        Assert.Equal(Path.Combine("models", "m.json"), ModelCard.PathFor(Path.Combine("models", "m.onnx")));
}
