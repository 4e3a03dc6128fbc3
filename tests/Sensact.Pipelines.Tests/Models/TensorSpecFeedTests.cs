using Sensact.Pipelines.Models;

namespace Sensact.Pipelines.Tests.Models;

/// <summary>Scalars, fed shapes for symbolic dimensions, and constant values on a card (what Silero VAD needs).</summary>
public sealed class TensorSpecFeedTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sensact-feed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ModelCard Card(params TensorSpec[] inputs) =>
        new([], null, null, null, inputs, [new TensorSpec("y", "float", [-1, 1])], null!);

    private string? Problem(ModelCard card)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        card.Save(path);
        try
        {
            ModelCard.Load(path);
            return null;
        }
        catch (ModelLoadException ex)
        {
            return ex.Message;
        }
    }

    [Fact]
    public void Load_ScalarConstantWithValueAndFedShape_RoundTrips()
    {
        var card = Card(new TensorSpec("x", "float", [-1, -1], Feed: [1, 576]), new TensorSpec("sr", "int64", [], Constant: true, Value: 16000));
        var path = Path.Combine(_folder, "card.json");
        card.Save(path);

        var loaded = ModelCard.Load(path);

        Assert.Equal([1L, 576], loaded.Input("x")!.Feed);
        Assert.Empty(loaded.Input("sr")!.Shape);
        Assert.Equal(16000, loaded.Input("sr")!.Value);
        Assert.DoesNotContain("Feed", File.ReadAllText(path).Split("\"sr\"")[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new long[] { 1 }, "Feed [1] must have Shape's rank")]
    [InlineData(new long[] { 1, 0 }, "Feed [1, 0] must have Shape's rank, each dimension at least 1")]
    [InlineData(new long[] { 2, 17 }, "Feed [2, 17] must have Shape's rank, each dimension at least 1 and equal to Shape's where that is not -1 (Shape [-1, 18])")]
    public void Load_FeedNotFittingShape_RefusedNamingTensor(long[] feed, string expected)
    {
        var problem = Problem(Card(new TensorSpec("x", "float", [-1, 18], Feed: feed)));

        Assert.Contains($"Inputs 'x': {expected}", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValueOnFedInput_Refused() =>
        Assert.Contains("Inputs 'sr': Value (16000) is only for Constant inputs", Problem(Card(new TensorSpec("sr", "int64", [], Value: 16000))), StringComparison.Ordinal);

    [Fact]
    public void Load_FractionalValueOnIntegerTensor_Refused() =>
        Assert.Contains("Value must be a whole number for a int64 tensor (got 0.5)", Problem(Card(new TensorSpec("sr", "int64", [], Constant: true, Value: 0.5))), StringComparison.Ordinal);

    [Fact]
    public void Load_ValueOnStringTensor_Refused() =>
        Assert.Contains("Value cannot fill a string tensor", Problem(Card(new TensorSpec("t", "string", [1], Constant: true, Value: 1))), StringComparison.Ordinal);

    [Fact]
    public void Load_ElementNamesOnScalar_Refused() =>
        Assert.Contains("ElementNames cannot name the elements of a scalar", Problem(Card(new TensorSpec("s", "float", [], ElementNames: ["a"]))), StringComparison.Ordinal);

    [Fact]
    public void Create_FedShapeAndValue_BufferOfThatSizeFilled()
    {
        using var fed = TensorBuffer.Create(new TensorSpec("x", "float", [-1, -1], Feed: [1, 576]));
        using var scalar = TensorBuffer.Create(new TensorSpec("sr", "int64", [], Constant: true, Value: 16000));
        using var symbolic = TensorBuffer.Create(new TensorSpec("s", "float", [2, -1, 128]));

        Assert.Equal(576, fed.As<float>("x").Length);
        Assert.Equal([1L, 576], fed.Value.GetTensorTypeAndShape().Shape);
        Assert.Equal([16000L], scalar.As<long>("sr"));
        Assert.Empty(scalar.Value.GetTensorTypeAndShape().Shape);
        Assert.Equal([2L, 1, 128], symbolic.Value.GetTensorTypeAndShape().Shape);
    }
}
