// Torch tests run alone: module init reads torch's global RNG, and busy torch threads collide (stack.md §2).
namespace TheoryCheck.Tests.Torch;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "Torch";
}
