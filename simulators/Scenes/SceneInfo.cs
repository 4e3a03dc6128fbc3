namespace Sensact.Simulators.Scenes;

/// <summary>A scene the <c>simulated</c> driver knows: its name, its streams (the first is the default) and what it shows.</summary>
/// <param name="Name">The name in configuration (<c>Sensors:{name}:Scene</c>).</param>
/// <param name="Streams">The modalities it can be sensed in.</param>
/// <param name="Description">One line on what it shows and its ground truth.</param>
public sealed record SceneInfo(string Name, IReadOnlyList<SceneModality> Streams, string Description);
