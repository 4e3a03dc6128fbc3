namespace Sensact.Devices.Sensors;

/// <summary>
/// A source whose frames carry sequence numbers and segments of their own, such as a replay of a
/// recording that reproduces the recorded ones: a shared sensor passes them on instead of renumbering.
/// </summary>
/// <remarks>
/// Such a source keeps the promises the shared sensor otherwise keeps for it: sequence numbers grow,
/// also across its subscriptions, and every subscription starts a new segment.
/// </remarks>
public interface INumberedSource
{
}
