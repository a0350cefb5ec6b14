#!/usr/bin/python3
"""Peer timing for `theorycheck bench --peer pytorch`: one training step of the same coin predictors in PyTorch.

Same shapes, optimiser and thread count as TheoryCheck's bench (src/TheoryCheck.Cli/Bench/ThroughputBench.cs):
one-hot tokens with a zero BOS vector -> Linear(2, E) -> one-layer torso -> Linear(W, 2); the torso is an LSTM (batch first)
or one pre-LayerNorm Transformer block (4 heads, q/k/v/out without bias, scale-only norm on q and k, sinusoidal positions,
MLP D -> 4D -> D with tanh-GELU, causal float mask, fused scaled_dot_product_attention where this PyTorch has it).
A step: fresh Bernoulli(tau) batch with tau ~ U(0,1), forward, log loss summed over time and averaged over the batch,
backward, gradient clipping at 1.0, Adam (lr 1e-3). Prints one JSON object: the median ms per step after warm-up steps.

Usage: peer_bench.py --arch lstm|transformer --embedding E --width W --heads H --batch B --length T --threads N
                     --warmup K --timed M
"""
import argparse, json, math, statistics, sys, time

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError as e:  # the bench reports this in one line and goes on
    print(json.dumps({"error": f"no torch module for {sys.executable} ({e})"}))
    sys.exit(3)


class ScaleNorm(nn.Module):
    def __init__(self, width):
        super().__init__()
        self.scale = nn.Parameter(torch.ones(width))

    def forward(self, x):
        return self.scale * x / torch.sqrt((x * x).mean(-1, keepdim=True) + 1e-6)


def sinusoidal(t, d):
    pos = torch.arange(t, dtype=torch.float32).unsqueeze(1)
    div = torch.exp(torch.arange(0, d, 2, dtype=torch.float32) * (-math.log(10000.0) / d))
    pe = torch.zeros(t, d)
    pe[:, 0::2] = torch.sin(pos * div)
    pe[:, 1::2] = torch.cos(pos * div)
    return pe


class Block(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2, self.lnf = (nn.LayerNorm(width, eps=1e-6) for _ in range(3))
        self.q, self.k, self.v, self.o = (nn.Linear(width, width, bias=False) for _ in range(4))
        self.qln, self.kln = ScaleNorm(width), ScaleNorm(width)
        self.fc1, self.fc2 = nn.Linear(width, 4 * width, bias=False), nn.Linear(4 * width, width, bias=False)

    def attention(self, x, mask):
        b, t, d = x.shape
        split = lambda z: z.view(b, t, self.heads, d // self.heads).transpose(1, 2)
        q, k, v = split(self.qln(self.q(x))), split(self.kln(self.k(x))), split(self.v(x))
        if hasattr(F, "scaled_dot_product_attention"):
            y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        else:  # PyTorch < 2.0 (Debian 12 ships 1.13): the same product written out
            y = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(d // self.heads) + mask, dim=-1) @ v
        return self.o(y.transpose(1, 2).contiguous().view(b, t, d))

    def forward(self, x):
        t = x.shape[1]
        mask = torch.triu(torch.full((t, t), float("-inf")), 1)
        h = x + sinusoidal(t, x.shape[2])
        h = h + self.attention(self.ln1(h), mask)
        h = h + self.fc2(F.gelu(self.fc1(self.ln2(h)), approximate="tanh"))
        return self.lnf(h)


class Lstm(nn.Module):
    def __init__(self, e, w):
        super().__init__()
        self.lstm = nn.LSTM(e, w, num_layers=1, batch_first=True)

    def forward(self, x):
        return self.lstm(x)[0]


class CoinPredictor(nn.Module):
    def __init__(self, arch, e, w, heads):
        super().__init__()
        self.emb = nn.Linear(2, e)
        self.torso = Lstm(e, w) if arch == "lstm" else Block(w, heads)
        self.unemb = nn.Linear(w, 2)

    def forward(self, tokens):
        return self.unemb(self.torso(self.emb(tokens)))


def main():
    p = argparse.ArgumentParser()
    for name in ("embedding", "width", "heads", "batch", "length", "threads", "warmup", "timed"):
        p.add_argument("--" + name, type=int, required=True)
    p.add_argument("--arch", choices=("lstm", "transformer"), required=True)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    model = CoinPredictor(a.arch, a.embedding, a.width, a.heads)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    times = []
    for step in range(a.warmup + a.timed):
        start = time.perf_counter()
        tau = torch.rand(a.batch, 1)
        bits = (torch.rand(a.batch, a.length) < tau).long()
        inputs = torch.cat([torch.zeros(a.batch, 1, 2), F.one_hot(bits[:, :-1], 2).float()], 1)
        logits = model(inputs)
        loss = F.cross_entropy(logits.reshape(-1, 2), bits.reshape(-1)) * a.length
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if step >= a.warmup:
            times.append((time.perf_counter() - start) * 1e3)
    print(json.dumps({"msPerStep": statistics.median(times), "torch": torch.__version__, "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
