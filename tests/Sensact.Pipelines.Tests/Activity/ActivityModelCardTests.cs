using Sensact.Pipelines.Activity;
using Sensact.Pipelines.Models;
using Sensact.Pipelines.Tests.Models;

namespace Sensact.Pipelines.Tests.Activity;

public class ActivityModelCardTests
{
    private const string CardPath = "card.json";

    private static ModelCard Shipped() => ShippedModel.Card();

    private static ModelCard WithFeatures(Func<TensorSpec, TensorSpec> change)
    {
        var card = Shipped();
        return card with { Inputs = [.. card.Inputs.Select(t => t.Name == ActivityModelCard.FeaturesInput ? change(t) : t)] };
    }

    private static string Problem(ModelCard card)
    {
        var error = Assert.Throws<ModelLoadException>(() => ActivityModelCard.From(card, CardPath));
        Assert.StartsWith($"Cannot load activity model card '{CardPath}': ", error.Message, StringComparison.Ordinal);
        return error.Message;
    }

    [Fact]
    public void From_ShippedCard_LabelsWindowHopAndRate()
    {
        var card = ActivityModelCard.From(Shipped(), CardPath);

        Assert.Equal(["running", "stationary", "walking"], card.Labels);
        Assert.Equal((52, 26, 26.0), (card.WindowSize, card.Hop, card.SampleRateHz));
    }

    [Fact]
    public void From_ShippedCard_FeatureNamesAreTheCodesFeatures() =>
        Assert.Equal(ActivityFeatures.Names, Shipped().Input(ActivityModelCard.FeaturesInput)!.ElementNames);

    [Fact]
    public void From_OtherFeatures_ThrowsAskingToRetrain()
    {
        var message = Problem(WithFeatures(t => t with { ElementNames = [.. ActivityFeatures.Names.Reverse()] }));

        Assert.Contains("other features", message, StringComparison.Ordinal);
        Assert.Contains("train-activity", message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_NoFeatureNames_ThrowsSayingNone() =>
        Assert.Contains("other features (none)", Problem(WithFeatures(t => t with { ElementNames = null })), StringComparison.Ordinal);

    [Fact]
    public void From_FeaturesOfOtherLength_ThrowsNamingInput() =>
        Assert.Contains("input 'Features' float [1, 18] (got 'Features' float [-1, 17])", Problem(WithFeatures(t => t with { Shape = [-1, 17], ElementNames = null })), StringComparison.Ordinal);

    [Fact]
    public void From_NoWindow_ThrowsNamingWindow() =>
        Assert.Contains("window size () must be at least 2", Problem(Shipped() with { WindowSize = null }), StringComparison.Ordinal);

    [Fact]
    public void From_OneLabel_ThrowsModelLoadException() =>
        Assert.Contains("at least two labels", Problem(Shipped() with { Labels = ["walking"] }), StringComparison.Ordinal);

    [Fact]
    public void From_MoreLabelsThanScores_ThrowsNamingScoreOutput() =>
        Assert.Contains("output 'Score.output' float [1, 4]", Problem(Shipped() with { Labels = ["a", "b", "c", "d"] }), StringComparison.Ordinal);

    [Fact]
    public void From_SecondFedInput_ThrowsAskingForConstant()
    {
        var card = Shipped();

        var message = Problem(card with { Inputs = [.. card.Inputs.Select(t => t with { Constant = false, ElementType = t.ElementType == "string" ? "float" : t.ElementType })] });

        Assert.Contains("input 'Label' float [-1, 1] must be marked Constant", message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_EmptyPath_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("cardPath", () => ActivityModelCard.From(Shipped(), ""));
}
