// A process-wide memo that lanes can share: lazy per key, so two lanes asking for one value compute it once and different
// keys never wait on each other; a failure is not stored, so the next ask tries again.
using System.Collections.Concurrent;

namespace TheoryCheck.Claims.Core;

public sealed class Memo<T>
{
    readonly ConcurrentDictionary<string, Lazy<T>> values = new();

    public T Get(string key, Func<T> create)
    {
        var lazy = values.GetOrAdd(key, _ => new Lazy<T>(create));
        try { return lazy.Value; }
        catch { values.TryRemove(new KeyValuePair<string, Lazy<T>>(key, lazy)); throw; }
    }
}
