namespace Sensact.Pipelines.Encoding;

/// <summary>Where a stateful encoder's state is reset (<c>Apps:{name}:...:Reset</c>).</summary>
public enum EncoderReset
{
    /// <summary>At the start of every decision window: windows are independent.</summary>
    Window,

    /// <summary>Only when the stream starts again (a new segment of the sensor): state runs across windows.</summary>
    Stream,
}
