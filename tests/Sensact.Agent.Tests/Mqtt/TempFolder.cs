namespace Sensact.Agent.Tests.Mqtt;

/// <summary>A fresh folder under the system's temporary folder, deleted with what it holds.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("sensact-test-").FullName;

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
