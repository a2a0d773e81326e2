#!/usr/bin/env bash
# Lints the package as it would be published: packs it once (dist/ must be built) and runs publint
# and Are the Types Wrong? on the tarball.
#
# attw runs with the esm-only profile: the package is ESM only ("type": "module", no "require"
# condition), so a CommonJS `require` resolving to ESM is by design. Node >= 20.19 (our "engines")
# can `require()` it (the plugin is the `default` of what it returns).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mktemp -d "${TMPDIR:-/tmp}/async-misuse-pack.XXXXXX")"
trap 'rm -rf "$out"' EXIT

cd "$root"
tarball="$out/$(npm pack --silent --pack-destination "$out")"
npx publint run --strict "$tarball"
npx attw --profile esm-only "$tarball"
