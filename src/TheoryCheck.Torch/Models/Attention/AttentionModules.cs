// TorchSharp modules of P2 (Oymak et al. 2023; team summary §2): prompt-attention (PA), uniform attention (linear),
// linear prompt-attention (LPA) and self-attention with pooled or fixed-position readout. Each maps (B, T, d) → f (B).
// No 1/√d score scaling (as in the follow-up's PromptAttn code). The doubles oracle is TheoryCheck.Reference.Attention.
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace TheoryCheck.Torch.Models.Attention;

/// <summary>The five scorers of P2's Figure-1 comparison.</summary>
public enum AttentionArchitecture
{
    /// <summary>f = vᵀ Xᵀ softmax(X W p): the prompt is the only query; keys and values are the tokens.</summary>
    PromptAttention,
    /// <summary>f = vᵀ x̄ (uniform attention; equals PA at p = 0).</summary>
    Uniform,
    /// <summary>f = (1/T) Σ_t (x_tᵀ W p)(vᵀ x_t): softmax replaced by the identity on the scores.</summary>
    LinearPromptAttention,
    /// <summary>f = uᵀ (1/T) Σ_t (A X)_t with A = softmax_row(X W Xᵀ).</summary>
    SelfAttentionPool,
    /// <summary>f = uᵀ (A X)_pos: the output at a fixed position (default 0) is read.</summary>
    SelfAttentionPosition,
}

/// <summary>A sequence scorer (B, T, d) → (B) whose parameters are named fields (the names are the parameter names).</summary>
public abstract class AttentionModule : nn.Module<Tensor, Tensor>
{
    protected AttentionModule(string name) : base(name) { }

    /// <summary>Attention weights over the T tokens that feed the readout, (B, T); null where the model has none.</summary>
    public abstract Tensor? Weights(Tensor x);

    protected static Parameter Zeros(int d, ScalarType dtype, Device device) => new(zeros(d, dtype: dtype, device: device));

    protected static Parameter Identity(int d, ScalarType dtype, Device device, bool trainable) =>
        new(eye(d, dtype: dtype, device: device), requires_grad: trainable);
}

/// <summary>PA: prompt p (d), head v (d), key–query matrix W (d, d) = I and frozen by default.</summary>
public sealed class PromptAttentionModule : AttentionModule
{
    readonly Parameter prompt;
    readonly Parameter head;
    readonly Parameter key_query;
    readonly double temperature;

    /// <param name="temperature">The softmax's temperature: 1 in p2 §2.2; another value only for a near-miss mutant.</param>
    public PromptAttentionModule(int d, ScalarType dtype, Device device, double temperature = 1) : base("prompt_attention")
    {
        this.temperature = temperature;
        prompt = Zeros(d, dtype, device);
        head = Zeros(d, dtype, device);
        key_query = Identity(d, dtype, device, trainable: false);
        RegisterComponents();
    }

    public override Tensor Weights(Tensor x)
    {
        using var q = key_query.matmul(prompt);                                      // (d)
        using var scores = x.matmul(q);                                              // (B, T)
        if (temperature == 1) return nn.functional.softmax(scores, 1);               // (B, T)
        using var tempered = scores.div(temperature);
        return nn.functional.softmax(tempered, 1);
    }

    /// <summary>Attended feature h = Xᵀ s, (B, d).</summary>
    public Tensor Attended(Tensor x)
    {
        using var s = Weights(x);
        return s.unsqueeze(1).matmul(x).squeeze(1);                                  // (B, 1, T)·(B, T, d) → (B, d)
    }

    public override Tensor forward(Tensor x)
    {
        using var h = Attended(x);
        return h.matmul(head);                                                       // (B)
    }
}

/// <summary>Uniform attention: head v (d), f = vᵀ x̄.</summary>
public sealed class UniformAttentionModule : AttentionModule
{
    readonly Parameter head;

    public UniformAttentionModule(int d, ScalarType dtype, Device device) : base("uniform_attention")
    {
        head = Zeros(d, dtype, device);
        RegisterComponents();
    }

    public override Tensor Weights(Tensor x) => full(x.shape[0], x.shape[1], 1.0 / x.shape[1], dtype: x.dtype, device: x.device);

    public override Tensor forward(Tensor x)
    {
        using var mean = x.mean(new long[] { 1 });                                   // (B, d)
        return mean.matmul(head);                                                    // (B)
    }
}

/// <summary>LPA: prompt p, head v, W = I frozen by default; f = (1/T) Σ_t (x_tᵀWp)(vᵀx_t).</summary>
public sealed class LinearPromptAttentionModule : AttentionModule
{
    readonly Parameter prompt;
    readonly Parameter head;
    readonly Parameter key_query;

    public LinearPromptAttentionModule(int d, ScalarType dtype, Device device) : base("linear_prompt_attention")
    {
        prompt = Zeros(d, dtype, device);
        head = Zeros(d, dtype, device);
        key_query = Identity(d, dtype, device, trainable: false);
        RegisterComponents();
    }

    public override Tensor? Weights(Tensor x) => null;

    public override Tensor forward(Tensor x)
    {
        using var q = key_query.matmul(prompt);                                      // (d)
        using var scores = x.matmul(q);                                              // (B, T)
        using var values = x.matmul(head);                                           // (B, T)
        using var prod = scores.mul(values);
        return prod.mean(new long[] { 1 });                                          // (B)
    }
}

/// <summary>SA with trainable W (d, d) and head u (d); readout = mean over positions, or one fixed position.</summary>
public sealed class SelfAttentionModule : AttentionModule
{
    readonly Parameter key_query;
    readonly Parameter head;
    readonly int? position;

    /// <param name="position">null: mean-pooled readout (SA-pool); else the 0-based position read (SA-pos).</param>
    public SelfAttentionModule(int d, int? position, ScalarType dtype, Device device)
        : base(position is null ? "self_attention_pool" : "self_attention_pos")
    {
        key_query = Identity(d, dtype, device, trainable: true);
        head = Zeros(d, dtype, device);
        this.position = position;
        RegisterComponents();
    }

    /// <summary>SA-pos: the readout row A_pos,· (B, T). SA-pool: the column means of A, i.e. the pooled weights (B, T).</summary>
    public override Tensor Weights(Tensor x)
    {
        if (position is int pos)
        {
            using var xq = x.select(1, pos);                                         // (B, d)
            using var q = xq.matmul(key_query);                                      // (B, d): x_posᵀ W
            using var scores = x.matmul(q.unsqueeze(2)).squeeze(2);                  // (B, T, d)·(B, d, 1) → (B, T)
            return nn.functional.softmax(scores, 1);
        }
        using var a = Matrix(x);                                                     // (B, T, T)
        return a.mean(new long[] { 1 });                                             // (B, T)
    }

    /// <summary>A = softmax_row(X W Xᵀ), (B, T, T); row t is query token t over the T keys.</summary>
    public Tensor Matrix(Tensor x)
    {
        using var xw = x.matmul(key_query);                                          // (B, T, d)
        using var scores = xw.matmul(x.transpose(1, 2));                             // (B, T, T)
        return nn.functional.softmax(scores, 2);
    }

    public override Tensor forward(Tensor x)
    {
        // Both readouts are weights (B, T) applied to X: pooled A has weights mean_t A_t·, SA-pos has row A_pos·.
        using var w = Weights(x);
        using var o = w.unsqueeze(1).matmul(x).squeeze(1);                           // (B, d)
        return o.matmul(head);                                                       // (B)
    }
}
