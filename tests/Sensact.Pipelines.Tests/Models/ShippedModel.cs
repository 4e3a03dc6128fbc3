using Sensact.Pipelines.Models;

namespace Sensact.Pipelines.Tests.Models;

/// <summary>The shipped activity model, copied next to the tests, and cards derived from its card.</summary>
internal static class ShippedModel
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "models", "activity");

    public static string ModelPath { get; } = Path.Combine(Folder, "activity-classifier.onnx");

    public static string CardPath { get; } = Path.Combine(Folder, "activity-classifier.json");

    public static ModelCard Card() => ModelCard.Load(CardPath);

    /// <summary>The shipped card with one tensor changed, saved in <paramref name="folder"/>.</summary>
    public static string CardWith(string folder, string tensor, Func<TensorSpec, TensorSpec> change)
    {
        var card = Card();
        var changed = card with
        {
            Inputs = [.. card.Inputs.Select(t => t.Name == tensor ? change(t) : t)],
            Outputs = [.. card.Outputs.Select(t => t.Name == tensor ? change(t) : t)],
        };
        return Save(folder, changed);
    }

    public static string Save(string folder, ModelCard card)
    {
        var path = Path.Combine(folder, $"card-{Guid.NewGuid():N}.json");
        card.Save(path);
        return path;
    }
}
