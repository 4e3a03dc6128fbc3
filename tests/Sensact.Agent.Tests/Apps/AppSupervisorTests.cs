using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Sensact.Agent.Apps;
using Sensact.Pipelines.Events;
using Sensact.Pipelines.Sensors;

namespace Sensact.Agent.Tests.Apps;

public sealed class AppSupervisorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Start_AppFailsThenRecovers_RestartsAfterMinDelayAndNumbersEventsOnAcrossRestarts()
    {
        var clock = new HistoricalScheduler(T0);
        var app = new ScriptedApp(
            c => Emit(c, 2).Concat(Observable.Throw<AppEvent>(new IOException("boom"))),
            c => Emit(c, 2).Concat(Observable.Never<AppEvent>()));
        var published = new List<AppEvent>();
        var states = new AppStates();
        using var supervisor = Supervise(app, clock, published.Add, states);

        supervisor.Start();
        clock.AdvanceBy(TimeSpan.FromMilliseconds(250));
        var restarting = states.Snapshot()["scripted"];
        clock.AdvanceBy(TimeSpan.FromSeconds(2));

        Assert.Equal(AppState.Restarting, restarting.State);
        Assert.Equal("boom", restarting.Error);
        Assert.Equal([0L, 1, 2, 3], published.Select(e => e.Sequence));
        Assert.Equal([T0.AddMilliseconds(100), T0.AddMilliseconds(200), T0.AddMilliseconds(1300), T0.AddMilliseconds(1400)], published.Select(e => e.OriginatingTime));
        Assert.Equal(new AppStatus("scripted", AppState.Running, 1, null), states.Snapshot()["scripted"]);
    }

    [Fact]
    public void Start_AppKeepsFailing_BacksOffDoublingThenFailsForGood()
    {
        var clock = new HistoricalScheduler(T0);
        var builds = new List<DateTimeOffset>();
        var app = new ScriptedApp(c =>
        {
            builds.Add(clock.Now);
            return Observable.Throw<AppEvent>(new InvalidOperationException("model crashed"));
        });
        var states = new AppStates();
        using var supervisor = Supervise(app, clock, _ => { }, states, new RestartOptions { MinDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(4), MaxAttempts = 4 });

        supervisor.Start();
        clock.AdvanceBy(TimeSpan.FromMinutes(1));

        Assert.Equal([T0, T0.AddSeconds(1), T0.AddSeconds(3), T0.AddSeconds(7), T0.AddSeconds(11)], builds);
        Assert.True(supervisor.Ended.IsCompletedSuccessfully);
        Assert.Equal(AppState.Failed, supervisor.State);
        Assert.Equal(new AppStatus("scripted", AppState.Failed, 4, "model crashed"), states.Snapshot()["scripted"]);
    }

    [Fact]
    public void Start_SinkThrows_CountsAsAFailureOfTheApp()
    {
        var clock = new HistoricalScheduler(T0);
        var app = new ScriptedApp(c => Emit(c, 5));
        var states = new AppStates();
        using var supervisor = Supervise(app, clock, _ => throw new IOException("console gone"), states, new RestartOptions { MaxAttempts = 0 });

        supervisor.Start();
        clock.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.Equal(AppState.Failed, supervisor.State);
        Assert.Equal("console gone", states.Snapshot()["scripted"].Error);
    }

    [Fact]
    public void Start_SourcesEnd_CompletesWithoutRestart()
    {
        var clock = new HistoricalScheduler(T0);
        var published = new List<AppEvent>();
        using var supervisor = Supervise(new ScriptedApp(c => Emit(c, 3)), clock, published.Add, new AppStates());

        supervisor.Start();
        clock.AdvanceBy(TimeSpan.FromMinutes(1));

        Assert.Equal(3, published.Count);
        Assert.True(supervisor.Ended.IsCompletedSuccessfully);
        Assert.Equal(AppState.Completed, supervisor.State);
    }

    [Fact]
    public void Start_OneAppFailing_TheOtherKeepsRunning()
    {
        var clock = new HistoricalScheduler(T0);
        var states = new AppStates();
        var healthy = new List<AppEvent>();
        using var failing = Supervise(new ScriptedApp(_ => Observable.Throw<AppEvent>(new IOException("unplugged"))) { Name = "failing" }, clock, _ => { }, states);
        using var running = Supervise(new ScriptedApp(c => Emit(c, 1000)) { Name = "healthy" }, clock, healthy.Add, states);

        failing.Start();
        running.Start();
        clock.AdvanceBy(TimeSpan.FromSeconds(10));

        Assert.Equal(AppState.Restarting, states.Snapshot()["failing"].State);
        Assert.Equal(AppState.Running, states.Snapshot()["healthy"].State);
        Assert.Equal(100, healthy.Count);
    }

    [Fact]
    public void Dispose_WhileWaitingToRestart_StopsForGood()
    {
        var clock = new HistoricalScheduler(T0);
        var builds = 0;
        var app = new ScriptedApp(_ =>
        {
            builds++;
            return Observable.Throw<AppEvent>(new IOException("boom"));
        });
        var states = new AppStates();
        var supervisor = Supervise(app, clock, _ => { }, states);

        supervisor.Start();
        supervisor.Dispose();
        clock.AdvanceBy(TimeSpan.FromMinutes(1));

        Assert.Equal(1, builds);
        Assert.Equal(AppState.Stopped, states.Snapshot()["scripted"].State);
    }

    [Fact]
    public void StopThenResume_StopsEventsAndGoesOnNumberingThem()
    {
        var clock = new HistoricalScheduler(T0);
        var published = new List<AppEvent>();
        var states = new AppStates();
        using var supervisor = Supervise(new ScriptedApp(c => Emit(c, 1000)), clock, published.Add, states);
        supervisor.Start();
        clock.AdvanceBy(TimeSpan.FromSeconds(1));

        var stopped = supervisor.Stop();
        clock.AdvanceBy(TimeSpan.FromSeconds(5));
        var whileStopped = published.Count;
        var resumed = supervisor.Resume();
        clock.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.Equal((AppState.Stopped, AppState.Running), (stopped, resumed));
        Assert.Equal(10, whileStopped);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), published.Select(e => e.Sequence));
        Assert.Equal(AppState.Running, states.Snapshot()["scripted"].State);
        Assert.False(supervisor.Ended.IsCompleted);
    }

    [Fact]
    public void Resume_AfterFailingForGood_StartsAgainWithAFreshCount()
    {
        var clock = new HistoricalScheduler(T0);
        var builds = 0;
        var app = new ScriptedApp(c => ++builds <= 2 ? Observable.Throw<AppEvent>(new IOException("boom")) : Emit(c, 3));
        using var supervisor = Supervise(app, clock, _ => { }, new AppStates(), new RestartOptions { MaxAttempts = 1 });
        supervisor.Start();
        clock.AdvanceBy(TimeSpan.FromSeconds(10));
        var failed = supervisor.State;

        supervisor.Resume();
        clock.AdvanceBy(TimeSpan.FromSeconds(1));

        Assert.Equal(AppState.Failed, failed);
        Assert.Equal(AppState.Completed, supervisor.State);
    }

    [Fact]
    public void Start_EventsAndRestarts_AreMeasured()
    {
        var clock = new HistoricalScheduler(T0);
        using var metrics = new AppMetrics();
        using var events = new MetricCollector<long>(metrics.Meter, "sensact.app.events");
        using var latency = new MetricCollector<double>(metrics.Meter, "sensact.app.latency");
        using var restarts = new MetricCollector<long>(metrics.Meter, "sensact.app.restarts");
        var app = new ScriptedApp(c => Emit(c, 2, "measured").Concat(Observable.Throw<AppEvent>(new IOException("boom"))), c => Emit(c, 3, "measured")) { Name = "measured" };
        using var supervisor = new AppSupervisor(app, new RestartOptions(), new AppBuildContext(new SensorHub(), clock, TimeProvider.System, NullLoggerFactory.Instance), _ => { }, new AppStates(), metrics);

        supervisor.Start();
        clock.AdvanceBy(TimeSpan.FromSeconds(5));

        Assert.Equal(5, events.GetMeasurementSnapshot().Where(m => Equals(m.Tags["app"], "measured")).Sum(m => m.Value));
        Assert.Equal(5, latency.GetMeasurementSnapshot().Count(m => Equals(m.Tags["app"], "measured")));
        Assert.Equal(1, restarts.GetMeasurementSnapshot().Where(m => Equals(m.Tags["app"], "measured")).Sum(m => m.Value));
    }

    private static AppSupervisor Supervise(IApplication app, IScheduler clock, Action<AppEvent> publish, AppStates states, RestartOptions? restart = null) =>
        new(app, restart ?? new RestartOptions(), new AppBuildContext(new SensorHub(), clock, TimeProvider.System, NullLoggerFactory.Instance), publish, states, new AppMetrics());

    // Events every 100 ms of virtual time, numbered from 0 within the build (the supervisor renumbers them).
    private static IObservable<AppEvent> Emit(AppBuildContext context, int count, string app = "scripted") =>
        Observable.Interval(TimeSpan.FromMilliseconds(100), context.Scheduler).Take(count)
            .Select(i => (AppEvent)new Decision(app, "x", 1, TimeSpan.Zero, context.Scheduler.Now, "s", i, new Dictionary<string, float>()));

    private sealed class ScriptedApp(params Func<AppBuildContext, IObservable<AppEvent>>[] builds) : IApplication
    {
        private int _build;

        public string Name { get; init; } = "scripted";

        public string Kind => "scripted";

        public IReadOnlyDictionary<string, Sensact.Pipelines.Models.ModelCard> Models { get; } = new Dictionary<string, Sensact.Pipelines.Models.ModelCard>();

        public IReadOnlyCollection<string> LiveKeys { get; } = [];

        public IObservable<AppEvent> Build(AppBuildContext context) => builds[Math.Min(_build++, builds.Length - 1)](context);

        public void Reconfigure(AppOptions options, ICollection<string> problems) => problems.Add("nothing is live");

        public void CheckSource(string sensor, object source, ICollection<string> problems)
        {
        }

        public void Dispose()
        {
        }
    }
}
