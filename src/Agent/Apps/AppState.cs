namespace Sensact.Agent.Apps;

/// <summary>Where an application is in its life; shown per application in the retained status.</summary>
public enum AppState
{
    /// <summary>Being built and subscribed.</summary>
    Starting,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Failed; waiting to be restarted.</summary>
    Restarting,

    /// <summary>Failed more often in a row than its restart options allow; stopped for good.</summary>
    Failed,

    /// <summary>Its sources ended (a replay without looping); stopped without failing.</summary>
    Completed,

    /// <summary>Stopped with the agent.</summary>
    Stopped,
}
