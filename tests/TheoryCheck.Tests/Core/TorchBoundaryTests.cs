// Claim code reaches torch only through TheoryCheck.Torch's .NET-valued API, and the reference math never reaches it at all.
// The build already refuses `using TorchSharp` in Claims; this catches a csproj edit that would let it back in.
using TheoryCheck.Claims.Core;
using TheoryCheck.Reference.Coins;
using TheoryCheck.Torch;

namespace TheoryCheck.Tests.Core;

[Trait("Tier", "Fast")]
public sealed class TorchBoundaryTests
{
    static readonly string TorchSharpName = typeof(TorchSharp.torch).Assembly.GetName().Name!;

    [Fact]
    public void ClaimsAssemblyDoesNotReferenceTorchSharp() =>
        Assert.DoesNotContain(typeof(ClaimSpec).Assembly.GetReferencedAssemblies(), a => a.Name == TorchSharpName);

    [Fact]
    public void ReferenceAssemblyDoesNotReferenceTorchSharp() =>
        Assert.DoesNotContain(typeof(ISequencePredictor).Assembly.GetReferencedAssemblies(), a => a.Name == TorchSharpName);

    [Fact]
    public void RuntimeReportsTheTorchSharpVersionInUse() =>
        Assert.Equal(typeof(TorchSharp.torch).Assembly.GetName().Version!.ToString(3), TorchRuntime.TorchSharpVersion);
}
