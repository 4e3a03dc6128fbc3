namespace Sensact.Pipelines.Units;

/// <summary>What a <see cref="SensingUnit{T}"/> announces.</summary>
public enum UnitKind
{
    /// <summary>A complete unit: <see cref="SensingUnit{T}.Frames"/> holds its frames.</summary>
    Unit,

    /// <summary>The window is complete: no more units of it will come; the frames are empty.</summary>
    WindowComplete,
}
