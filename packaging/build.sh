#!/usr/bin/env bash
# Build Precis as a one-folder bundle: dist/precis/ (dist/Precis.app on macOS), from
# packaging/precis.spec. Also writes the generated desktop files, Info.plist, Inno Setup script
# and icons to build/pyinstaller/generated/. Usage: packaging/build.sh [extra pyinstaller args]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.local/bin:$PATH"
command -v uv >/dev/null 2>&1 || { echo "build.sh: needs uv (https://docs.astral.sh/uv/)" >&2; exit 1; }
# The bundle must never carry a user's NLTK downloads: Precis ships its own language data.
export NLTK_DATA="$PWD/build/no-nltk-data"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"   # the spec renders nothing, but imports Qt
started=$(date +%s)
uv run --group packaging pyinstaller packaging/precis.spec \
  --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller "$@"
seconds=$(( $(date +%s) - started ))
bundle=dist/precis
[ -d dist/Precis.app ] && bundle=dist/Precis.app
echo "build.sh: built $bundle in ${seconds} s, $(du -sh "$bundle" | cut -f1)"
