// Plain full-batch gradient descent (P2 summary §2.6): θ ← θ − η ∇L(θ), all trainable parameters updated
// simultaneously, no momentum, no clipping. One dispose scope per step; only doubles leave. Blind to models and claims.
using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Training;

/// <summary>Per-sample loss on y·f.</summary>
public enum MarginLoss
{
    /// <summary>ℓ = log(1 + e^{−y f}) (softplus, stable); ℓ′(0) = −½.</summary>
    Logistic,
    /// <summary>ℓ = ½ (y − f)².</summary>
    Squared,
}

/// <summary>Steps ≥ 0 full-batch GD steps with step size η &gt; 0.</summary>
public sealed record GradientDescentConfig(int Steps, double StepSize, MarginLoss Loss = MarginLoss.Logistic)
{
    public void Validate()
    {
        if (Steps < 0) throw new ArgumentException($"GD steps must be >= 0, got {Steps}");
        if (!(StepSize > 0) || !double.IsFinite(StepSize)) throw new ArgumentException($"GD step size must be > 0, got {StepSize}");
    }

    public override string ToString() =>
        FormattableString.Invariant($"{Steps} full-batch GD steps, eta {StepSize}, {Loss.ToString().ToLowerInvariant()} loss");
}

public static class FullBatchGradientDescent
{
    /// <summary>Mean loss (1/n) Σ ℓ(y_i, f_i) for f, y of shape (n).</summary>
    public static Tensor Loss(Tensor f, Tensor y, MarginLoss kind) => kind == MarginLoss.Logistic
        ? nn.functional.softplus(-(y * f)).mean()
        : (0.5 * (y - f).square()).mean();

    /// <summary>
    /// Runs config.Steps simultaneous GD steps on <paramref name="parameters"/> (those with requires_grad).
    /// <paramref name="risk"/>() builds the full-batch empirical risk; it runs inside the step's dispose scope.
    /// Returns the risk before each step.
    /// </summary>
    /// <exception cref="TrainingDivergedException">The risk became NaN or infinite.</exception>
    public static double[] Fit(IEnumerable<Parameter> parameters, Func<Tensor> risk, GradientDescentConfig config,
                               string label = "gradient descent")
    {
        config.Validate();
        var trainable = parameters.Where(p => p.requires_grad).ToArray();
        if (trainable.Length == 0) throw new ArgumentException($"{label}: no trainable parameters");
        var losses = new double[config.Steps];
        // `add_(g, alpha)` hands libtorch a temporary Scalar: outside lanes (a PA table's models, trained one after the other
        // on the test thread) a collection triggered by another thread could free it under the op (FinalizerGate).
        using var gate = new GateByChunks();
        for (int step = 0; step < config.Steps; step++)
        {
            gate.AtStep(step);
            using var scope = NewDisposeScope();
            foreach (var p in trainable) p.grad?.zero_();
            var loss = risk();
            double value = loss.to(ScalarType.Float64).item<double>();
            if (!double.IsFinite(value))
                throw new TrainingDivergedException($"{label}: risk became {value} at step {step + 1}/{config.Steps}");
            loss.backward();
            using (no_grad())
                foreach (var p in trainable)
                    if (p.grad is { } g) p.add_(g, alpha: -config.StepSize);
            losses[step] = value;
        }
        return losses;
    }
}
