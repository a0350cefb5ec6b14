// Thrown before any work when a claim cannot run on this machine (e.g. a missing optional dataset). The CLI reports the
// claim as "not run" with the message (which names the fix); it is never counted as passing.
namespace TheoryCheck.Claims.Core;

public class ClaimNotRunException(string message) : Exception(message);
