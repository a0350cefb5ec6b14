// Thrown when a claim cannot run here: before any work (a missing optional dataset, a target outside its domain), or after
// a run in which no bound applied (NoBoundAppliesException). The CLI reports the
// claim as "not run" with the message (which names the fix); it is never counted as passing.
namespace TheoryCheck.Claims.Core;

public class ClaimNotRunException(string message) : Exception(message);
