#!/usr/bin/env bash
# Runs the rule tests (tests/rules), the packed-package test and the peer's own check against
# another version of one peer dependency: the oldest each supports (peerDependencies: "eslint":
# "^9 || ^10", "typescript": ">=5.4 <6.1"), without touching the project's own node_modules: the
# peer goes into a throwaway npm prefix.
#
#   scripts/test-peer.sh eslint@9                 # latest eslint 9.x
#   scripts/test-peer.sh eslint@9.22.0            # a specific version
#   scripts/test-peer.sh typescript@5.4           # latest typescript 5.4.x
#   scripts/test-peer.sh eslint@9 -t trivial      # extra arguments go to vitest
#   SKIP_BUILD=1 scripts/test-peer.sh eslint@9    # dist/ is already built
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
spec="${1:?usage: scripts/test-peer.sh <eslint@version|typescript@version> [vitest arguments]}"
shift
name="${spec%@*}"
case "$name" in
  eslint | typescript) ;;
  *) echo "scripts/test-peer.sh: $name is not a peer dependency this script swaps (eslint, typescript)" >&2; exit 2 ;;
esac
prefix="$(mktemp -d "${TMPDIR:-/tmp}/async-misuse-peer.XXXXXX")"
trap 'rm -rf "$prefix"' EXIT
start=$SECONDS

echo "Installing $spec into $prefix"
npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$spec"
installed=$SECONDS

cd "$root"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then npm run --silent build; fi

export ASYNC_MISUSE_PEER="$name" ASYNC_MISUSE_PEER_PREFIX="$prefix"
version="$(node -p "require('$prefix/node_modules/$name/package.json').version")"
echo "Testing against $name $version"
npx vitest run --config tests/integration/peers/vitest.peer.config.ts "$@"

echo "$name $version check passed in $((SECONDS - start)) s (install $((installed - start)) s)."
