// The .NET-values facade over the attention modules (conventions C7): sequences in as double[n][T][d], predictions,
// attention weights, gradients and parameters out as double arrays. Owns its module; dispose it.
using TheoryCheck.Torch.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Models.Attention;

/// <summary>
/// One P2 model with named parameters: "prompt" (d), "head" (d), "key_query" (d×d, row-major) as the architecture has them.
/// Parameters start at zero (W = I); set them with <see cref="Set"/> or <see cref="InitNormal"/>.
/// </summary>
public sealed class AttentionClassifier : IDisposable
{
    readonly AttentionModule module;
    readonly Device device;

    public AttentionArchitecture Architecture { get; }
    public int Dim { get; }
    internal ScalarType DType { get; }

    /// <param name="d">Token dimension ≥ 1.</param>
    /// <param name="readPosition">SA-pos only: the 0-based position whose output is read.</param>
    /// <param name="softmaxTemperature">PA only: the prompt softmax's temperature (1 in p2; a near-miss mutant changes it).</param>
    public AttentionClassifier(AttentionArchitecture arch, int d, bool float64 = true, int readPosition = 0, double softmaxTemperature = 1)
    {
        if (d < 1) throw new ArgumentException($"token dimension must be >= 1, got {d}");
        if (softmaxTemperature != 1 && arch != AttentionArchitecture.PromptAttention)
            throw new ArgumentException($"only prompt-attention has a softmax temperature; {arch} got {softmaxTemperature}");
        if (!(softmaxTemperature > 0)) throw new ArgumentException($"softmax temperature must be > 0, got {softmaxTemperature}");
        Architecture = arch; Dim = d; DType = float64 ? ScalarType.Float64 : ScalarType.Float32;
        device = TorchRuntime.Device;
        // Under the runtime's init lock: module constructors may draw from torch's global RNG.
        module = TorchRuntime.UnseededInit<AttentionModule>(() => arch switch
        {
            AttentionArchitecture.PromptAttention => new PromptAttentionModule(d, DType, this.device, softmaxTemperature),
            AttentionArchitecture.Uniform => new UniformAttentionModule(d, DType, this.device),
            AttentionArchitecture.LinearPromptAttention => new LinearPromptAttentionModule(d, DType, this.device),
            AttentionArchitecture.SelfAttentionPool => new SelfAttentionModule(d, null, DType, this.device),
            AttentionArchitecture.SelfAttentionPosition => new SelfAttentionModule(d, readPosition, DType, this.device),
            _ => throw new ArgumentException($"unknown architecture {arch}"),
        });
    }

    /// <summary>Parameter names in registration order, e.g. prompt, head, key_query.</summary>
    public IReadOnlyList<string> ParameterNames => module.named_parameters().Select(p => p.name).ToArray();

    Parameter Param(string name) => module.named_parameters().FirstOrDefault(p => p.name == name).parameter
        ?? throw new ArgumentException($"{Architecture} has no parameter '{name}' (has {string.Join(", ", ParameterNames)})");

    /// <summary>Overwrites a parameter with row-major values (length d, or d·d for key_query).</summary>
    public void Set(string name, double[] values)
    {
        var p = Param(name);
        if (values.Length != p.numel()) throw new ArgumentException($"{name} needs {p.numel()} values, got {values.Length}");
        using var noGrad = no_grad();
        using var t = tensor(values, p.shape, dtype: DType, device: device);
        p.copy_(t);
    }

    /// <summary>The parameter's values, row-major.</summary>
    public double[] Get(string name)
    {
        using var t = Param(name).detach().to(ScalarType.Float64).cpu();
        return t.data<double>().ToArray();
    }

    /// <summary>Whether GD updates the parameter (key_query of PA/LPA is frozen by default).</summary>
    public void SetTrainable(string name, bool trainable) => Param(name).requires_grad = trainable;

    /// <summary>Every trainable parameter ← N(0, scale²) entries drawn from <paramref name="rng"/> (scale ≥ 0).</summary>
    public void InitNormal(Random rng, double scale)
    {
        foreach (var (name, p) in module.named_parameters().ToArray())
        {
            if (!p.requires_grad) continue;
            var values = new double[p.numel()];
            for (int i = 0; i < values.Length; i++) values[i] = scale * Gaussian(rng);
            Set(name, values);
        }
    }

    /// <summary>f(X_i) for every sequence, shape (n). Sequences must share T and have d = <see cref="Dim"/>.</summary>
    public double[] Predict(double[][][] x)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return ToArray(module.forward(Batch(x)));
    }

    /// <summary>The readout's attention weights over tokens, shape (n, T); LPA has none and throws.</summary>
    public double[][] Weights(double[][][] x)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var w = module.Weights(Batch(x)) ?? throw new InvalidOperationException($"{Architecture} has no attention weights");
        return Rows(ToArray(w), x.Length);
    }

    /// <summary>PA only: attended features h_i = X_iᵀ softmax(X_i W p), shape (n, d).</summary>
    public double[][] AttendedFeatures(double[][][] x)
    {
        if (module is not PromptAttentionModule pa) throw new InvalidOperationException("attended features exist for PA only");
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return Rows(ToArray(pa.Attended(Batch(x))), x.Length);
    }

    /// <summary>Autograd ∂f(X)/∂θ for one sequence X (T, d), every parameter (frozen ones included), row-major.</summary>
    public IReadOnlyDictionary<string, double[]> Gradient(double[][] x)
    {
        var named = module.named_parameters().ToArray();
        var flags = named.Select(p => p.parameter.requires_grad).ToArray();
        try
        {
            foreach (var (_, p) in named) { p.requires_grad = true; p.grad?.zero_(); }
            using var scope = NewDisposeScope();
            var f = module.forward(Batch(new[] { x })).sum();
            f.backward();
            return named.ToDictionary(p => p.name, p =>
            {
                using var g = p.parameter.grad!.detach().to(ScalarType.Float64).cpu();
                return g.data<double>().ToArray();
            });
        }
        finally
        {
            for (int i = 0; i < named.Length; i++)
            {
                named[i].parameter.grad?.zero_();
                named[i].parameter.requires_grad = flags[i];
            }
        }
    }

    /// <summary>
    /// Full-batch GD on the empirical risk (1/n) Σ ℓ(y_i f(X_i)) from the current parameters; labels ±1.
    /// Returns the risk before each step.
    /// </summary>
    public double[] Fit(double[][][] x, int[] y, GradientDescentConfig config)
    {
        if (x.Length != y.Length) throw new ArgumentException($"{x.Length} sequences but {y.Length} labels");
        using var xs = Batch(x);
        using var ys = tensor(y.Select(v => (double)v).ToArray(), new long[] { y.Length }, dtype: DType, device: device);
        return FullBatchGradientDescent.Fit(module.parameters(), () => FullBatchGradientDescent.Loss(module.forward(xs), ys, config.Loss),
                                            config, $"{Architecture} GD");
    }

    /// <summary>Fraction of sequences with y·f &gt; 0 (ties are errors), and the per-sequence 0/1 correctness.</summary>
    public double[] Correct(double[][][] x, int[] y)
    {
        var f = Predict(x);
        return f.Select((v, i) => y[i] * v > 0 ? 1.0 : 0.0).ToArray();
    }

    /// <summary>Sequences (n, T, d) as one tensor; empty batches and ragged lengths are rejected.</summary>
    Tensor Batch(double[][][] x)
    {
        if (x.Length == 0) throw new ArgumentException("no sequences");
        int n = x.Length, T = x[0].Length, d = Dim;
        var flat = new double[(long)n * T * d];
        for (int i = 0; i < n; i++)
        {
            if (x[i].Length != T) throw new ArgumentException($"sequence {i} has {x[i].Length} tokens, expected {T}");
            for (int t = 0; t < T; t++)
            {
                if (x[i][t].Length != d) throw new ArgumentException($"token ({i},{t}) has dimension {x[i][t].Length}, expected {d}");
                Array.Copy(x[i][t], 0, flat, ((long)i * T + t) * d, d);
            }
        }
        return tensor(flat, new long[] { n, T, d }, dtype: DType, device: device);   // (n, T, d)
    }

    static double[] ToArray(Tensor t)
    {
        using var c = t.detach().to(ScalarType.Float64).cpu().contiguous();
        return c.data<double>().ToArray();
    }

    static double[][] Rows(double[] flat, int n)
    {
        int w = flat.Length / n;
        return Enumerable.Range(0, n).Select(i => flat.AsSpan(i * w, w).ToArray()).ToArray();
    }

    static double Gaussian(Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public void Dispose() => module.Dispose();
}
