// Applies the runtime's native policy (MKL_CBWR, OMP_WAIT_POLICY) when this assembly loads, before a claim run can touch
// torch: libtorch reads both once, when it is mapped, so a test that loaded it first would run every later test without them.
using System.Runtime.CompilerServices;
using TheoryCheck.Torch;

namespace TheoryCheck.Xunit;

public static class NativePolicy
{
    /// <summary>Runs on load; a test assembly's own module initializer may call it too, to apply it before any of its tests.</summary>
    [ModuleInitializer]
    public static void Apply()
    {
        // A bad MKL_CBWR is reported by the first test that initialises torch (one line naming the variable), not here,
        // where an exception would surface as an unreadable type-initialisation failure of every test.
        try { TorchRuntime.ApplyNativePolicy(); }
        catch (EnvironmentVariableException) { }
    }
}
