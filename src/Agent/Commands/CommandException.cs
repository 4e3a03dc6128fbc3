namespace Sensact.Agent.Commands;

/// <summary>
/// A command could not be carried out; becomes the reply <c>{"ok":false,"error":{"code","message"}}</c>.
/// The codes are part of the command protocol (docs/mqtt.md).
/// </summary>
public sealed class CommandException : Exception
{
    /// <summary>The request is not a JSON object, or an argument is missing, of the wrong type or out of range.</summary>
    public const string BadRequest = "bad_request";

    /// <summary>No command of that name.</summary>
    public const string UnknownCommand = "unknown_command";

    /// <summary>The command names an application the agent does not have.</summary>
    public const string UnknownApp = "unknown_app";

    /// <summary>The command names a sensor the agent does not have.</summary>
    public const string UnknownSensor = "unknown_sensor";

    /// <summary>A new setting breaks the rules the agent checks at start (the message names the key and the rule); nothing changed.</summary>
    public const string InvalidValue = "invalid_value";

    /// <summary>The setting cannot change while the agent runs (the message lists those that can).</summary>
    public const string NotLive = "not_live";

    /// <summary>The agent has too many commands waiting; try again.</summary>
    public const string Busy = "busy";

    /// <summary>The command failed inside the agent.</summary>
    public const string Internal = "internal";

    /// <summary>Creates the exception.</summary>
    public CommandException()
        : this(Internal, "the command failed")
    {
    }

    /// <summary>Creates the exception with a message, as an internal error.</summary>
    public CommandException(string message)
        : this(Internal, message)
    {
    }

    /// <summary>Creates the exception with a message and the failure behind it, as an internal error.</summary>
    public CommandException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = Internal;
    }

    /// <summary>Creates the exception with a protocol error code and a message for the operator.</summary>
    public CommandException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    /// <summary>Gets the error code of the reply.</summary>
    public string Code { get; }
}
