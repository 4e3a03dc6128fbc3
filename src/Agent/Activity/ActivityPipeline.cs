using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sensact.Agent.ConsoleView;
using Sensact.Agent.Hosting;
using Sensact.Agent.Mqtt;
using Sensact.Devices.Replay;
using Sensact.Pipelines;
using Sensact.Pipelines.Activity;
using Sensact.Pipelines.Delivery;
using Sensact.Pipelines.Models;

namespace Sensact.Agent.Activity;

/// <summary>
/// The first vertical slice: replayed IMU frames -> delivery policy -> sliding windows ->
/// features -> ONNX activity classifier -> decisions, published as events and shown on the
/// console. The model is loaded at start, so a missing or corrupt model stops the agent before it
/// runs; a failure while running ends the process with a non-zero exit code.
/// </summary>
internal sealed partial class ActivityPipeline(
    IOptions<ActivityOptions> activityOptions,
    IOptions<ImuReplayOptions> replayOptions,
    EventPublisher publisher,
    DecisionConsoleView view,
    AgentExitCode exitCode,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory,
    ILogger<ActivityPipeline> logger) : BackgroundService
{
    // A sensor that fails is opened again after a pause that doubles up to a limit, while the
    // rest of the agent keeps running; a failure after the sensor (windows, model) is a crash.
    private static readonly TimeSpan SensorRetryFirstDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SensorRetryMaxDelay = TimeSpan.FromSeconds(30);

    private readonly ActivityOptions _options = activityOptions.Value;

    // Loaded when the service is constructed, before anything starts: a missing or corrupt model
    // stops the agent with the key, the path and the reason.
    private readonly OnnxActivityClassifier? _classifier = activityOptions.Value.Enabled ? LoadModel(activityOptions.Value.Model) : null;

    /// <summary>Gets what the delivery policy between the sensor and the classifier dropped.</summary>
    public DropCounter Dropped { get; } = new("activity-imu");

    public override Task StartAsync(CancellationToken cancellationToken) =>
        _classifier is null ? Task.CompletedTask : base.StartAsync(cancellationToken);

    public override void Dispose()
    {
        _classifier?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var classifier = _classifier!;
        using var sensorThread = new EventLoopScheduler(start => new Thread(start) { Name = "imu-replay", IsBackground = true });
        using var inferenceThread = new EventLoopScheduler(start => new Thread(start) { Name = "activity", IsBackground = true });
        var source = new ImuReplaySource(replayOptions.Value, sensorThread, loggerFactory.CreateLogger<ImuReplaySource>());
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using var subscription = source.Frames
            .RetryWithBackoff(SensorRetryFirstDelay, SensorRetryMaxDelay, (error, attempt, delay) => LogSensorFailed(error, source.Id, attempt, delay), sensorThread)
            .Deliver(_options.Delivery, Dropped, inferenceThread)
            .SlidingWindows(classifier.Card.WindowSize, classifier.Card.Hop)
            .ClassifyActivity(classifier, inferenceThread)

            // Do, not Subscribe's OnNext: an action that throws (say, a closed console) becomes
            // OnError and so a clean crash, instead of an exception on the pipeline's thread.
            .Do(decision =>
            {
                publisher.Publish(decision);
                view.Show(decision, source.CurrentLabel);
            })
            .Subscribe(
                _ => { },
                error => finished.TrySetException(error),
                () => finished.TrySetResult());
        LogStarted(replayOptions.Value.Path, _options.Model, classifier.Card.WindowSize, classifier.Card.Hop, _options.Delivery.ToString());

        try
        {
            await finished.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
            LogReplayFinished(source.MalformedLines, Dropped.Dropped);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogStopped(Dropped.Delivered, Dropped.Dropped, source.MalformedLines);
        }
#pragma warning disable CA1031 // A crashed pipeline ends the agent with a non-zero exit code instead of vanishing.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogCrashed(ex);
            exitCode.Fail(ExitCodes.RuntimeFailure);
            lifetime.StopApplication();
        }
    }

    private static OnnxActivityClassifier LoadModel(string path)
    {
        try
        {
            return OnnxActivityClassifier.Load(path);
        }
        catch (ModelLoadException ex)
        {
            throw new AgentStartupException($"Activity:Model: {ex.Message}", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity pipeline started: replay {Replay}, model {Model}, window {Window} samples, hop {Hop}, delivery {Delivery}")]
    private partial void LogStarted(string replay, string model, int window, int hop, string delivery);

    [LoggerMessage(Level = LogLevel.Information, Message = "IMU replay finished; {Malformed} malformed line(s) skipped, {Dropped} frame(s) dropped")]
    private partial void LogReplayFinished(long malformed, long dropped);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity pipeline stopped: {Delivered} frame(s) delivered, {Dropped} dropped, {Malformed} malformed line(s) skipped")]
    private partial void LogStopped(long delivered, long dropped, long malformed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sensor {Source} failed (attempt {Attempt}); opening it again in {Delay}")]
    private partial void LogSensorFailed(Exception exception, string source, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Activity pipeline crashed; stopping the agent")]
    private partial void LogCrashed(Exception exception);
}
