using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sensact.Pipelines.Models;

/// <summary>
/// What a model reads and writes and where it came from. It is stored beside the model as JSON
/// (<c>model.onnx</c> has <c>model.json</c>), and <see cref="OnnxModel.Load"/> checks the model
/// against it.
/// </summary>
/// <param name="Labels">The classes, in the order of the model's scores; empty for a model that does not classify.</param>
/// <param name="SampleRateHz">The sample rate of the signal the model was trained on; null where it does not apply.</param>
/// <param name="WindowSize">Samples per window the model reads; null where it does not apply.</param>
/// <param name="Hop">Samples between the starts of consecutive windows; null where it does not apply.</param>
/// <param name="Inputs">Every input of the model.</param>
/// <param name="Outputs">The outputs the application reads (a model may have more).</param>
/// <param name="Provenance">Free-form facts about how the model was made: trainer, held-out accuracy, data.</param>
public sealed record ModelCard(
    IReadOnlyList<string> Labels,
    double? SampleRateHz,
    int? WindowSize,
    int? Hop,
    IReadOnlyList<TensorSpec> Inputs,
    IReadOnlyList<TensorSpec> Outputs,
    IReadOnlyDictionary<string, JsonElement> Provenance)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,

        // The card is a file people read: keep apostrophes and non-ASCII letters as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Gets the classes, in the order of the model's scores; empty when the card names none.</summary>
    [JsonPropertyOrder(-1)]
    public IReadOnlyList<string> Labels { get; init; } = Labels ?? [];

    /// <summary>Gets the free-form facts about how the model was made; empty when the card names none.</summary>
    [JsonPropertyOrder(1)]
    public IReadOnlyDictionary<string, JsonElement> Provenance { get; init; } = Provenance ?? new Dictionary<string, JsonElement>();

    /// <summary>Gets the card's path for a model: the model's path with the extension <c>.json</c>.</summary>
    /// <param name="modelPath">The model's file.</param>
    /// <returns>The card's file.</returns>
    /// <exception cref="ArgumentException"><paramref name="modelPath"/> is null or empty.</exception>
    public static string PathFor(string modelPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        return Path.ChangeExtension(modelPath, ".json");
    }

    /// <summary>Reads a card and checks that it is complete and consistent.</summary>
    /// <param name="path">The card's JSON file.</param>
    /// <returns>The card.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="ModelLoadException">
    /// The file is missing or unreadable, is not a card, or the card contradicts itself (the message
    /// names the file and the field).
    /// </exception>
    public static ModelCard Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw Fail(path, "file not found.");
        }

        ModelCard? card;
        try
        {
            card = JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), JsonOptions);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw Fail(path, $"not a valid model card ({ex.Message}).", ex);
        }

        if (card is null)
        {
            throw Fail(path, "not a valid model card (the file holds null).");
        }

        var problem = ModelCardRules.FirstProblem(card);
        return problem is null ? card : throw Fail(path, problem);
    }

    /// <summary>Writes the card as indented JSON, replacing the file.</summary>
    /// <param name="path">The card's JSON file.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllText(path, JsonSerializer.Serialize(this, JsonOptions) + "\n");
    }

    /// <summary>Finds an input by name.</summary>
    /// <param name="name">The input's name.</param>
    /// <returns>The input, or null when the card names none of that name.</returns>
    public TensorSpec? Input(string name) => Inputs.FirstOrDefault(i => string.Equals(i.Name, name, StringComparison.Ordinal));

    /// <summary>Finds an output by name.</summary>
    /// <param name="name">The output's name.</param>
    /// <returns>The output, or null when the card names none of that name.</returns>
    public TensorSpec? Output(string name) => Outputs.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal));

    private static ModelLoadException Fail(string path, string reason, Exception? inner = null) =>
        new($"Cannot load model card '{path}': {reason}", inner);
}
