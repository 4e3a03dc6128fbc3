using System.Text.Json.Nodes;

namespace Sensact.Agent.Commands;

/// <summary>One command on <c>{agent}/cmd/{name}</c>.</summary>
internal interface ICommand
{
    /// <summary>Gets the command's name, the last topic level (for example <c>apps.list</c>).</summary>
    string Name { get; }

    /// <summary>Carries the command out; throws <see cref="CommandException"/> for an error reply.</summary>
    /// <param name="arguments">The request's JSON object (empty for <c>{}</c> or an empty payload).</param>
    /// <returns>The reply's <c>result</c>.</returns>
    JsonNode? Execute(JsonObject arguments);
}
