using BenchmarkDotNet.Attributes;
using Microsoft.ML.OnnxRuntime;
using Sensact.Devices;
using Sensact.Devices.Audio;
using Sensact.Devices.Buffers;
using Sensact.Devices.Camera;
using Sensact.Pipelines.Detections;
using Sensact.Pipelines.Detections.Faces;
using Sensact.Pipelines.Encoding.Audio;
using Sensact.Pipelines.Models;

namespace Sensact.Benchmarks.Encoders;

/// <summary>
/// The encoders against a bare <see cref="InferenceSession.RunWithBinding(RunOptions, OrtIoBinding)"/>
/// on the same model, with the same session options and OrtValues allocated and bound once: what the
/// encoder stage adds (copying the unit in, validating, feeding the state back; converting and
/// decoding for UltraFace). One ONNX Runtime thread, no spinning (the default InferenceOptions).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
#pragma warning disable CA1001 // BenchmarkDotNet disposes through [GlobalCleanup] and needs an unsealed class.
public class EncoderBenchmarks
#pragma warning restore CA1001
{
    private readonly float[] _scores = new float[1];
    private readonly Detection[] _faces = new Detection[16];
    private readonly List<IDisposable> _disposables = [];
    private Frame<AudioChunk>[] _unit = [];
    private ImageFrame _picture;
    private SileroVadEncoder? _vad;
    private UltraFaceDetector? _rfb;
    private UltraFaceDetector? _slim;
    private Bare? _bareVad;
    private Bare? _bareRfb;
    private Bare? _bareSlim;

    private static string Model(string folder, string file) => Path.Combine(AppContext.BaseDirectory, "models", folder, file);

    [GlobalSetup]
    public void Setup()
    {
        var buffer = new BufferPool<float>().Rent(SileroVadEncoder.UnitSamples);
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer.Span[i] = 0.3f * MathF.Sin(i * 0.07f) * MathF.Sin(i * 0.011f);
        }

        _unit = [new Frame<AudioChunk>(new AudioChunk(buffer, SileroVadEncoder.SampleRate), DateTimeOffset.UnixEpoch, "mic", 0)];
        _picture = new ImageDecoder().DecodeRgb24(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "data", "images", "astronaut.png")), new BufferPool<byte>());
        _vad = SileroVadEncoder.Load(Model("silero-vad", SileroVadEncoder.FileName));
        _rfb = UltraFaceDetector.Load(Model("ultraface", UltraFaceDetector.RfbFileName));
        _slim = UltraFaceDetector.Load(Model("ultraface", UltraFaceDetector.SlimFileName));
        _bareVad = new Bare(Model("silero-vad", SileroVadEncoder.FileName));
        _bareRfb = new Bare(Model("ultraface", UltraFaceDetector.RfbFileName));
        _bareSlim = new Bare(Model("ultraface", UltraFaceDetector.SlimFileName));
        _disposables.AddRange([_vad, _rfb, _slim, _bareVad, _bareRfb, _bareSlim]);
    }

    [Benchmark(Baseline = true)]
    public void VadBareRun() => _bareVad!.Run();

    [Benchmark]
    public float VadEncode()
    {
        _vad!.Encode(_unit, _scores);
        return _scores[0];
    }

    [Benchmark]
    public void RfbBareRun() => _bareRfb!.Run();

    [Benchmark]
    public int RfbDetect() => _rfb!.Detect(_picture, _faces);

    [Benchmark]
    public void SlimBareRun() => _bareSlim!.Run();

    [Benchmark]
    public int SlimDetect() => _slim!.Detect(_picture, _faces);

    [GlobalCleanup]
    public void Cleanup()
    {
        _disposables.ForEach(d => d.Dispose());
        _picture.Release();
    }

    /// <summary>A session with every tensor of the card allocated and bound once, and nothing else.</summary>
    private sealed class Bare : IDisposable
    {
        private readonly InferenceSession _session;
        private readonly RunOptions _options = new();
        private readonly OrtIoBinding _binding;
        private readonly List<OrtValue> _values = [];

        public Bare(string modelPath)
        {
            var card = ModelCard.Load(ModelCard.PathFor(modelPath));
            _session = OnnxSessions.Open(modelPath, new InferenceOptions());
            _binding = _session.CreateIoBinding();
            foreach (var spec in card.Inputs)
            {
                _binding.BindInput(spec.Name, Value(spec));
            }

            foreach (var spec in card.Outputs)
            {
                _binding.BindOutput(spec.Name, Value(spec));
            }
        }

        public void Run() => _session.RunWithBinding(_options, _binding);

        public void Dispose()
        {
            _values.ForEach(v => v.Dispose());
            _binding.Dispose();
            _options.Dispose();
            _session.Dispose();
        }

        private OrtValue Value(TensorSpec spec)
        {
            var value = spec.ElementType == "int64"
                ? OrtValue.CreateTensorValueFromMemory(new long[] { (long)(spec.Value ?? 0) }, spec.FedShape)
                : OrtValue.CreateTensorValueFromMemory(new float[spec.ElementCount], spec.FedShape);
            _values.Add(value);
            return value;
        }
    }
}
