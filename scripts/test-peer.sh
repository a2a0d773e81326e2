#!/usr/bin/env bash
# Runs the rule tests (tests/rules), the packed-package test and each peer's own check against
# other versions of the peer dependencies: the oldest each supports (peerDependencies: "eslint":
# "^9 || ^10", "typescript": ">=5.4 <6.1"), without touching the project's own node_modules: the
# peers go into one throwaway npm prefix. CI runs the oldest of both together (npm run
# test:oldest-peers); one at a time tells which of them a failure belongs to.
#
#   scripts/test-peer.sh eslint@9 typescript@5.4  # both oldest majors together (CI)
#   scripts/test-peer.sh eslint@9                 # latest eslint 9.x
#   scripts/test-peer.sh eslint@9.22.0            # a specific version
#   scripts/test-peer.sh typescript@5.4           # latest typescript 5.4.x
#   scripts/test-peer.sh eslint@9 -t trivial      # extra arguments go to vitest
#   SKIP_BUILD=1 scripts/test-peer.sh eslint@9    # dist/ is already built
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
specs=()
names=()
while [[ $# -gt 0 && "$1" == *@* ]]; do
  name="${1%@*}"
  case "$name" in
    eslint | typescript) ;;
    *) echo "scripts/test-peer.sh: $name is not a peer dependency this script swaps (eslint, typescript)" >&2; exit 2 ;;
  esac
  specs+=("$1")
  names+=("$name")
  shift
done
if [[ ${#specs[@]} -eq 0 ]]; then
  echo "usage: scripts/test-peer.sh <eslint@version|typescript@version>... [vitest arguments]" >&2
  exit 2
fi
prefix="$(mktemp -d "${TMPDIR:-/tmp}/async-misuse-peer.XXXXXX")"
trap 'rm -rf "$prefix"' EXIT
start=$SECONDS

echo "Installing ${specs[*]} into $prefix"
npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "${specs[@]}"
installed=$SECONDS

cd "$root"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then npm run --silent build; fi

ASYNC_MISUSE_PEER="$(IFS=,; echo "${names[*]}")"
export ASYNC_MISUSE_PEER ASYNC_MISUSE_PEER_PREFIX="$prefix"
versions=""
for name in "${names[@]}"; do
  versions+="${versions:+, }$name $(node -p "require('$prefix/node_modules/$name/package.json').version")"
done
echo "Testing against $versions"
npx vitest run --config tests/integration/peers/vitest.peer.config.ts "$@"

echo "$versions check passed in $((SECONDS - start)) s (install $((installed - start)) s)."
