using Sensact.Pipelines.Activity;

namespace Sensact.Pipelines.Tests.Activity;

public sealed class ActivityModelCardTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sensact-card-").FullName;

    internal static ActivityModelCard Sample(params string[] labels) =>
        new(labels.Length == 0 ? ["running", "stationary", "walking"] : labels, 52, 26, 26, ActivityFeatures.Names.ToList(), 0.95, 69, 23, "test");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Save_ThenLoad_SameValues()
    {
        var path = Path.Combine(_folder, "card.json");
        var card = Sample();

        card.Save(path);
        var loaded = ActivityModelCard.Load(path);

        Assert.Equal(card.Labels, loaded.Labels);
        Assert.Equal(card.FeatureNames, loaded.FeatureNames);
        Assert.Equal((card.WindowSize, card.Hop, card.SampleRateHz, card.HeldOutAccuracy, card.TrainRecordings, card.TestRecordings, card.Trainer),
            (loaded.WindowSize, loaded.Hop, loaded.SampleRateHz, loaded.HeldOutAccuracy, loaded.TrainRecordings, loaded.TestRecordings, loaded.Trainer));
        Assert.Contains("\n  \"Labels\"", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedCard_FitsTheFeatures()
    {
        var card = ActivityModelCard.Load(Path.Combine(AppContext.BaseDirectory, "models", "activity", ActivityModelCard.FileName));

        Assert.Equal(["running", "stationary", "walking"], card.Labels);
        Assert.True(card.HeldOutAccuracy >= 0.9);
        Assert.Equal(52, card.WindowSize);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingPath()
    {
        var path = Path.Combine(_folder, "missing.json");

        var error = Assert.Throws<ModelLoadException>(() => ActivityModelCard.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorruptFile_ThrowsNamingPath()
    {
        var path = Path.Combine(_folder, "corrupt.json");
        File.WriteAllText(path, "{ \"Labels\": [ broken");

        var error = Assert.Throws<ModelLoadException>(() => ActivityModelCard.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("not a valid model card", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OtherFeatures_ThrowsAskingToRetrain()
    {
        var path = Path.Combine(_folder, "other.json");
        (Sample() with { FeatureNames = ["mean_x", "mean_y"] }).Save(path);

        var error = Assert.Throws<ModelLoadException>(() => ActivityModelCard.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("other features", error.Message, StringComparison.Ordinal);
        Assert.Contains("train-activity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ZeroWindow_ThrowsModelLoadException()
    {
        var path = Path.Combine(_folder, "zero.json");
        (Sample() with { WindowSize = 0 }).Save(path);

        Assert.Throws<ModelLoadException>(() => ActivityModelCard.Load(path));
    }

    [Fact]
    public void Load_DuplicateLabel_ThrowsModelLoadException()
    {
        var path = Path.Combine(_folder, "twice.json");
        Sample("walking", "walking").Save(path);

        var error = Assert.Throws<ModelLoadException>(() => ActivityModelCard.Load(path));

        Assert.Contains("label twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyPath_ThrowsArgumentException() =>
        Assert.Throws<ArgumentException>("path", () => ActivityModelCard.Load(""));
}
