namespace Sensact.Agent.Apps;

/// <summary>How an <see cref="AppState"/> is written in the status, replies and logs: <c>running</c>, <c>restarting</c>, ...</summary>
internal static class AppStateNames
{
    public static string ToWire(this AppState state) => state switch
    {
        AppState.Starting => "starting",
        AppState.Running => "running",
        AppState.Restarting => "restarting",
        AppState.Failed => "failed",
        AppState.Completed => "completed",
        AppState.Stopped => "stopped",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not an application state"),
    };
}
