#!/usr/bin/env bash
# Runs one selection in N separate processes (optionally with a cold model cache each time) and checks that results.json's
# claims are byte-identical, times aside. Evidence for docs/reproducibility.md; not part of `dotnet test` (the Claim-tier
# HiddenStateTests cover a small selection there).
#   scripts/determinism-check.sh "MB-0,MB-6,PA-1,PA-3,MB-1" smoke 5 [cold]
set -euo pipefail
cd "$(dirname "$0")/.."
selection=${1:-"MB-0,MB-6,PA-1,PA-3,MB-1"}; scale=${2:-smoke}; n=${3:-5}; cache=${4:-warm}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
dotnet build src/TheoryCheck.Cli -v q -nologo >/dev/null
for i in $(seq 1 "$n"); do
  env_=(); [ "$cache" = cold ] && env_=(THEORYCHECK_CACHE="$work/cache$i")
  env "${env_[@]}" dotnet run --project src/TheoryCheck.Cli --no-build -- run "$selection" --scale "$scale" --out "$work/r$i" >/dev/null 2>"$work/err$i" || [ $? -eq 1 ]
done
python3 - "$work" "$n" <<'PY'
import json, sys, hashlib
work, n = sys.argv[1], int(sys.argv[2])
def claims(i):
    d = json.load(open(f"{work}/r{i}/results.json"))
    for c in d["claims"]: c.pop("seconds", None)
    return json.dumps(d["claims"], sort_keys=True), d["manifest"]
first, m = claims(1)
digests = [hashlib.sha256(claims(i)[0].encode()).hexdigest()[:16] for i in range(1, n + 1)]
print(f"{n} processes, {m['cpu']} ({m.get('vectorExtensions')}), MKL_CBWR={m.get('mklCbwr')}, threads={m['threads']}: claims digests {sorted(set(digests))}")
sys.exit(0 if len(set(digests)) == 1 else 1)
PY
