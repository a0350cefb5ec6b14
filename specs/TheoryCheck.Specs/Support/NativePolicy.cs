// The native policy (TheoryCheck.Xunit.NativePolicy) applied as soon as this assembly loads, before any spec touches torch.
using System.Runtime.CompilerServices;

namespace TheoryCheck.Specs.Support;

static class NativePolicy
{
    [ModuleInitializer]
    internal static void Apply() => TheoryCheck.Xunit.NativePolicy.Apply();
}
