using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Sensact.Agent.Hosting;

namespace Sensact.Agent.Configuration;

/// <summary>Adds a JSON configuration file so that a malformed one stops the agent with its name, line and reason.</summary>
internal static class ConfigurationFileProblem
{
    /// <summary>Adds the JSON file at <paramref name="path"/>; the messages call it <paramref name="name"/>.</summary>
    /// <exception cref="AgentStartupException">The file is not valid JSON, or holds a key twice.</exception>
    public static void AddJsonFile(IConfigurationBuilder configuration, string path, string name)
    {
        try
        {
            configuration.AddJsonFile(path, optional: false, reloadOnChange: false);
        }
        catch (InvalidDataException ex)
        {
            throw new AgentStartupException(Describe(name, ex), ex);
        }
    }

    /// <summary>
    /// Describes why the JSON provider refused a file: <c>configs/x.json: line 3, position 5: reason</c>
    /// (both 1-based; the position counts bytes), or <c>configs/x.json: reason</c> without a position.
    /// </summary>
    public static string Describe(string name, InvalidDataException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { LineNumber: { } line, BytePositionInLine: { } position } json)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{name}: line {line + 1}, position {position + 1}: {Reason(json, line, position)}");
            }
        }

        return $"{name}: {exception.GetBaseException().Message}";
    }

    // System.Text.Json appends "[Path: $.x |] LineNumber: n | BytePositionInLine: m." to its message
    // and has no property for the reason alone: the suffix is rebuilt from the exception's own
    // properties and removed, and the whole message is kept if it does not end that way.
    private static string Reason(JsonException json, long line, long position)
    {
        var reason = json.Message;
        var location = string.Create(CultureInfo.InvariantCulture, $" LineNumber: {line} | BytePositionInLine: {position}.");
        if (!reason.EndsWith(location, StringComparison.Ordinal))
        {
            return reason;
        }

        reason = reason[..^location.Length];
        var path = $" Path: {json.Path} |";
        return json.Path is not null && reason.EndsWith(path, StringComparison.Ordinal) ? reason[..^path.Length] : reason;
    }
}
