namespace Sensact.Simulators.Activity;

/// <summary>One segment of the <c>activity</c> scene: one activity, one way of wearing the sensor.</summary>
/// <param name="Index">The segment's number since the scene epoch.</param>
/// <param name="Start">When it starts (scene time).</param>
/// <param name="Duration">How long it lasts.</param>
/// <param name="Label">The activity: <c>running</c>, <c>stationary</c> or <c>walking</c> (the activity model's labels).</param>
/// <param name="StepHz">The step frequency, in hertz (0 when stationary).</param>
public readonly record struct ActivitySegment(long Index, DateTimeOffset Start, TimeSpan Duration, string Label, double StepHz);
