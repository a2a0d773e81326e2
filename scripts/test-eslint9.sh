#!/usr/bin/env bash
# Runs the rule tests (tests/rules) and an end-to-end check against ESLint 9, the oldest ESLint
# the plugin supports (peerDependencies: "eslint": "^9 || ^10"), without touching the project's
# own node_modules: ESLint 9 goes into a throwaway npm prefix.
#
#   scripts/test-eslint9.sh                 # eslint@9 (latest 9.x)
#   ESLINT_SPEC=eslint@9.22.0 scripts/test-eslint9.sh
#   scripts/test-eslint9.sh -t trivial      # extra arguments go to vitest
#   SKIP_BUILD=1 scripts/test-eslint9.sh    # dist/ is already built
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
spec="${ESLINT_SPEC:-eslint@9}"
prefix="$(mktemp -d "${TMPDIR:-/tmp}/async-misuse-eslint9.XXXXXX")"
trap 'rm -rf "$prefix"' EXIT
start=$SECONDS

echo "Installing $spec into $prefix"
npm install --prefix "$prefix" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$spec"
installed=$SECONDS

cd "$root"
if [[ "${SKIP_BUILD:-}" != 1 ]]; then npm run --silent build; fi

export ASYNC_MISUSE_ESLINT_PREFIX="$prefix"
version="$(node -p "require('$prefix/node_modules/eslint/package.json').version")"
export ASYNC_MISUSE_EXPECT_ESLINT_MAJOR="${version%%.*}"
echo "Testing against ESLint $version"
npx vitest run --config tests/integration/eslint9/vitest.eslint9.config.ts "$@"

echo "ESLint $version check passed in $((SECONDS - start)) s (install $((installed - start)) s)."
