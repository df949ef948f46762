#!/usr/bin/env bash
# Build the Flatpak of Precis from this source tree: write the Python dependency modules from
# uv.lock next to a copy of packaging/flatpak/*.yml in build/flatpak/, then run flatpak-builder
# when it is installed (with the org.kde.Sdk and io.qt.PySide.BaseApp it asks for).
#   packaging/flatpak.sh                 prepare and build into build/flatpak/repo
#   packaging/flatpak.sh --prepare-only  only write build/flatpak/*.json and the manifest
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/flatpak
mkdir -p "$out"
manifest=$(ls packaging/flatpak/*.yml)
cp "$manifest" "$out/"
uv run python packaging/flatpak_deps.py "$out"
manifest="$out/$(basename "$manifest")"
if [ "${1:-}" = "--prepare-only" ]; then
  echo "flatpak.sh: prepared $manifest"
  exit 0
fi
if ! command -v flatpak-builder >/dev/null 2>&1; then
  echo "flatpak.sh: prepared $manifest; flatpak-builder is not installed, so nothing was built"
  exit 0
fi
flatpak-builder --user --install-deps-from=flathub --force-clean \
  --repo="$out/repo" "$out/app" "$manifest"
echo "flatpak.sh: built into $out/repo; install with: flatpak --user install $out/repo $(basename "$manifest" .yml)"
