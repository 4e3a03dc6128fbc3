namespace Sensact.Pipelines.Models;

/// <summary>
/// A model or its card could not be loaded: the file is missing, is not what it claims to be, or
/// does not fit the code that would run it. The message names the file and the reason.
/// </summary>
public sealed class ModelLoadException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="ModelLoadException"/> class.</summary>
    public ModelLoadException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ModelLoadException"/> class with a message.</summary>
    /// <param name="message">What could not be loaded and why.</param>
    public ModelLoadException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="ModelLoadException"/> class with a message and a cause.</summary>
    /// <param name="message">What could not be loaded and why.</param>
    /// <param name="innerException">The error that made loading fail.</param>
    public ModelLoadException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
