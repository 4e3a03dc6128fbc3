namespace Sensact.Devices.Audio.Alsa;

/// <summary>An ALSA call failed: a capture device could not be opened or configured, or failed while capturing.</summary>
/// <remarks>The message names the device, the call, ALSA's wording of the error and what to check.</remarks>
public sealed class AlsaException : IOException
{
    /// <summary>Initializes an exception for ALSA error <paramref name="errorCode"/> on <paramref name="device"/>.</summary>
    /// <param name="device">The ALSA device name (for example <c>plughw:1,0</c>).</param>
    /// <param name="errorCode">The negative errno libasound returned.</param>
    /// <param name="message">What failed, on which device, and what to check.</param>
    public AlsaException(string device, int errorCode, string message)
        : base(message)
    {
        Device = device;
        ErrorCode = errorCode;
    }

    /// <summary>Gets the ALSA device name the error is about.</summary>
    public string Device { get; }

    /// <summary>Gets the negative errno libasound returned (for example -2 for a device that does not exist).</summary>
    public int ErrorCode { get; }
}
