// Thrown before any work when a claim cannot run on this machine (e.g. a missing optional dataset). The CLI reports the
// claim as "not run" with the message (which names the fix); it is never counted as passing.
namespace TheoryCheck.Claims.Core;

public class ClaimNotRunException(string message) : Exception(message);

/// <summary>Thrown after a run in which no bound applied in any case: it checked nothing, so it is not applicable rather than a
/// pass. A map reads it as a point it could not measure, not as a claim that cannot be mapped.</summary>
public sealed class NoBoundAppliesException(string message) : ClaimNotRunException(message);
