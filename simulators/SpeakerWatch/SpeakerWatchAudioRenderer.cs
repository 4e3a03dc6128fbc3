using Sensact.Devices.Audio;
using Sensact.Devices.Buffers;
using Sensact.Simulators.Scenes;

namespace Sensact.Simulators.SpeakerWatch;

/// <summary>The <c>speaker-watch</c> microphone: period <c>k</c> holds scene samples <c>k·period</c> onwards, in a pooled buffer.</summary>
internal sealed class SpeakerWatchAudioRenderer(SpeakerWatchScript script, int period, BufferPool<float> pool) : ISceneRenderer<AudioChunk>
{
    public AudioChunk Render(long index, DateTimeOffset sceneTime)
    {
        var buffer = pool.Rent(period);
        script.FillAudio(index * period, buffer.Span);
        return new AudioChunk(buffer, SpeakerWatchScript.SampleRate);
    }

    public string? LabelAt(DateTimeOffset sceneTime) => script.WindowAt(sceneTime).Label;

    public void Dispose()
    {
    }
}
