#!/usr/bin/env bash
# Packs the libraries a user's claims project needs (TheoryCheck.Reference, .Torch, .Claims, .Xunit) and the
# `dotnet new theorycheck-claims` template into FEED, a folder to use as a NuGet source (docs/operations.md).
# Usage: scripts/pack.sh FEED [--no-build]   (--no-build packs what `dotnet build` already built, in Debug)
# PACK_VERSION=V packs as version V instead of the repository's (the template test packs a version of its own, so a
# package cache never serves it an older build under the same number).
set -euo pipefail
cd "$(dirname "$0")/.."
feed=${1:?usage: scripts/pack.sh FEED [--no-build]}
mkdir -p "$feed"
extra=()
[ "${2:-}" = "--no-build" ] && extra+=(--no-build)
[ -n "${PACK_VERSION:-}" ] && extra+=("-p:Version=$PACK_VERSION")
for p in src/TheoryCheck.Reference src/TheoryCheck.Torch src/TheoryCheck.Claims src/TheoryCheck.Xunit; do
  dotnet pack "$p" -c Debug -o "$feed" "${extra[@]}" -v q -nologo
done
dotnet pack templates/TheoryCheck.Templates -o "$feed" -v q -nologo ${PACK_VERSION:+"-p:Version=$PACK_VERSION"}
ls "$feed"
