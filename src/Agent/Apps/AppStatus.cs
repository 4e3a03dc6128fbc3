namespace Sensact.Agent.Apps;

/// <summary>One application's state as the retained status shows it.</summary>
/// <param name="Kind">The application's kind.</param>
/// <param name="State">Where it is in its life.</param>
/// <param name="Restarts">How many times it was restarted since the agent started.</param>
/// <param name="Error">The last failure's message while restarting or failed; <c>null</c> otherwise.</param>
public sealed record AppStatus(string Kind, AppState State, int Restarts, string? Error);
