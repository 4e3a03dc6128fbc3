namespace Sensact.Devices.Audio.Wav;

/// <summary>
/// A file that is not 16-bit PCM RIFF/WAVE, or is damaged; the message names the file and what to do.
/// An <see cref="IOException"/>, so replays treat it as any other read error.
/// </summary>
public sealed class WavFormatException : IOException
{
    /// <summary>Creates the exception.</summary>
    public WavFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    public WavFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What is wrong, naming the file.</param>
    /// <param name="innerException">The cause.</param>
    public WavFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
