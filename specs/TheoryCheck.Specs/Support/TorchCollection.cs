// All torch-training specs run in one collection, alone: torch's RNG for module init is global and two busy torch
// threads next to another busy process slow down 4-40x (stack.md §2).
namespace TheoryCheck.Specs.Support;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection
{
    public const string Name = "Torch training";
}
