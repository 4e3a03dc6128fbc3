using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using Sensact.Pipelines.Aggregation;
using Sensact.Pipelines.Exits;

namespace Sensact.Pipelines.Multimodal;

/// <summary>
/// Pipelined multimodal inference, the entry point for applications and the evaluation runner:
/// each modality's frames are cut into units inside decision windows (on originating time), each
/// unit is encoded as the strategy says, the evidence rule fuses the modalities' scores per window,
/// and one <see cref="WindowResult"/> per window comes out.
/// </summary>
/// <remarks>
/// <para>
/// Strategies (<see cref="InferenceStrategy"/>): wait-for-complete holds a window's units and encodes
/// them after the window ends; pipelined encodes each unit the moment it is complete; early exit
/// decides as soon as the confidence passes <see cref="MultimodalPipelineOptions.ExitThreshold"/>
/// after <see cref="MultimodalPipelineOptions.MinUnitsBeforeExit"/> units and encodes none of the
/// window's later units; full adds speculative skipping (after each fast unit the
/// <see cref="ISkipGate"/> may stop the slow modalities' encoding for the rest of the window) and
/// the optional audit of a seeded sample of skipped units after the decision.
/// </para>
/// <para>
/// A window is complete for a modality at its last frame (one whose successor, a frame period later,
/// falls in a later window), when a frame of a later window arrives, when its stream completes,
/// or the close tolerance passes; it is decided when every modality is done with it (or on early
/// exit). An encoder that throws fails only its window (<see cref="WindowOutcome.Failed"/>,
/// counted); a NaN or infinite score makes the unit invalid (counted, no evidence). An error of a
/// frame stream ends <see cref="Results"/> with that error.
/// </para>
/// <para>
/// Threading: the encoders run on the threads that deliver the frames, one at a time under one
/// lock; give every modality a <see cref="Sensors.SensorConsumer{T}"/> with a named delivery
/// policy on the application's scheduler, so encoding stays off the sensor thread. Per frame the
/// pipeline allocates nothing; per window it allocates the result.
/// </para>
/// </remarks>
public sealed class MultimodalPipeline
{
    private MultimodalPipeline(MultimodalPipelineOptions options, IReadOnlyList<Modality> modalities, IEvidenceRule rule, ISkipGate gate, IScheduler scheduler)
    {
        Options = options;
        Modalities = modalities;
        Rule = rule;
        Gate = gate;
        Scheduler = scheduler;
        Descriptors = [.. modalities.Select(m => new ModalityDescriptor(m.Name, m.Scores, m.UnitsPerWindow(options.Window.Length)))];
        HasSlow = modalities.Any(m => m.Role == ModalityRole.Slow);
        Counters = new PipelineCounters(modalities.Select(m => m.Name));
        Results = Observable.Create<WindowResult>(observer =>
        {
            var engine = new WindowEngine(this, observer);
            engine.Start();
            return Disposable.Create(engine.Dispose);
        });
    }

    /// <summary>Gets one result per window, in the order windows are decided; subscribe once at a time (it subscribes to every modality's frames).</summary>
    public IObservable<WindowResult> Results { get; }

    /// <summary>Gets the running totals, over every subscription.</summary>
    public PipelineCounters Counters { get; }

    /// <summary>Gets the modalities, in pipeline order.</summary>
    public IReadOnlyList<Modality> Modalities { get; }

    /// <summary>Gets what the evidence rule is told about each modality (units per window among it).</summary>
    public IReadOnlyList<ModalityDescriptor> Descriptors { get; }

    /// <summary>Gets the labels a decision is over.</summary>
    public IReadOnlyList<string> Labels => Rule.Labels;

    internal MultimodalPipelineOptions Options { get; }

    internal IEvidenceRule Rule { get; }

    internal ISkipGate Gate { get; }

    internal IScheduler Scheduler { get; }

    internal bool HasSlow { get; }

    /// <summary>Builds a pipeline.</summary>
    /// <param name="options">The window plan, the strategy and the exit, skip and audit settings; read now, do not change them later.</param>
    /// <param name="modalities">The modalities, fast ones first by convention; at least one, names unique.</param>
    /// <param name="rule">The evidence rule, for example <see cref="PresenceRule"/>.</param>
    /// <param name="gate">The skip gate; by default a <see cref="ThresholdSkipGate"/> with the options' threshold and minimum.</param>
    /// <param name="scheduler">The clock of decisions and of the close tolerance; by default <see cref="System.Reactive.Concurrency.Scheduler.Default"/>.</param>
    /// <returns>The pipeline.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/>, <paramref name="modalities"/> or <paramref name="rule"/> is <c>null</c>.</exception>
    /// <exception cref="ArgumentException">
    /// The options are not valid (the message names each key), there is no modality, two share a
    /// name, or the rule does not fit the modalities.
    /// </exception>
    public static MultimodalPipeline Create(
        MultimodalPipelineOptions options,
        IReadOnlyList<Modality> modalities,
        IEvidenceRule rule,
        ISkipGate? gate = null,
        IScheduler? scheduler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(modalities);
        ArgumentNullException.ThrowIfNull(rule);
        var errors = options.Validate().ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Pipeline: " + string.Join(" ", errors), nameof(options));
        }

        if (modalities.Count == 0 || modalities.Any(m => m is null))
        {
            throw new ArgumentException("A pipeline needs at least one modality, and no null one.", nameof(modalities));
        }

        var duplicate = modalities.GroupBy(m => m.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two modalities are named '{duplicate.Key}'; names must be unique.", nameof(modalities));
        }

        if (rule.Labels.Count < 1)
        {
            throw new ArgumentException("The evidence rule has no label.", nameof(rule));
        }

        var pipeline = new MultimodalPipeline(
            options,
            [.. modalities],
            rule,
            gate ?? new ThresholdSkipGate(options.SkipThreshold, options.MinFastUnitsBeforeSkip),
            scheduler ?? System.Reactive.Concurrency.Scheduler.Default);

        // Fails now, naming the modality or score, rather than at the first frame.
        _ = rule.CreateEvidence(pipeline.Descriptors);
        return pipeline;
    }
}
