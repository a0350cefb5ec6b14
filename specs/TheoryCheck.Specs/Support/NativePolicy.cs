// Applies the runtime's native policy (MKL_CBWR, OMP_WAIT_POLICY) when this test assembly loads, before any test can touch
// torch: libtorch reads both once, when it is mapped, so a test that loaded it first would run every later test without them.
using System.Runtime.CompilerServices;
using TheoryCheck.Torch;

namespace TheoryCheck.Specs.Support;

static class NativePolicy
{
    [ModuleInitializer]
    internal static void Apply()
    {
        // A bad MKL_CBWR is reported by the first test that initialises torch (one line naming the variable), not here,
        // where an exception would surface as an unreadable type-initialisation failure of every test.
        try { TorchRuntime.ApplyNativePolicy(); }
        catch (EnvironmentVariableException) { }
    }
}
