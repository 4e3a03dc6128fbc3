namespace Sensact.Simulators.Scenes;

/// <summary>One subscription's renderer of a scene stream: frame <c>k</c> from the script, nothing else.</summary>
/// <typeparam name="T">The payload type.</typeparam>
internal interface ISceneRenderer<out T> : IDisposable
{
    /// <summary>Renders frame <paramref name="index"/>, which lies at <paramref name="sceneTime"/>; a pooled payload is the caller's.</summary>
    T Render(long index, DateTimeOffset sceneTime);

    /// <summary>The scene's ground-truth label at <paramref name="sceneTime"/>.</summary>
    string? LabelAt(DateTimeOffset sceneTime);
}
