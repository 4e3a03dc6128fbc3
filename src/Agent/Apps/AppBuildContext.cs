using System.Reactive.Concurrency;
using Microsoft.Extensions.Logging;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Apps;

/// <summary>What an application is built from: the shared sensors, its scheduler, the clock and logging.</summary>
/// <param name="Sensors">The hub of shared sensors.</param>
/// <param name="Scheduler">
/// The application's scheduler: its thread in the agent, a virtual-time scheduler in tests. Frames
/// are delivered and models run here.
/// </param>
/// <param name="Time">The clock for anything outside Rx.</param>
/// <param name="Logging">Where the application logs.</param>
/// <param name="Rates">Changes sensors' rates (actions on sensing); null where the host offers none (tests).</param>
public sealed record AppBuildContext(SensorHub Sensors, IScheduler Scheduler, TimeProvider Time, ILoggerFactory Logging, ISensorRates? Rates = null);
