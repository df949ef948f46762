#!/usr/bin/env bash
# Smoke test of the shipped app: build the bundle with packaging/build.sh, then run the bundled
# executable with no network (unshare -n), an empty HOME and a foreign working folder, so it can
# only use what the bundle carries:
#   1. `precis --version` prints the project's version;
#   2. `precis summarize` summarises the sample article: sentences taken from the article;
#      and so does every method it lists, and every file format the readers accept (the same
#      sentences as the source tree picks);
#   3. `precis --screenshot` renders the window offscreen (once desktop/ui/app.py exists).
# Prints bundle size, build time and start-up times. Exits 0 with a SKIPPED line when PyInstaller
# cannot run here; any failed check exits 1.
#   packaging/smoke.sh            build, then check
#   packaging/smoke.sh --no-build check the existing dist/precis
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$HOME/.local/bin:$PATH"
say() { echo "smoke.sh: $*"; }
fail() { echo "smoke.sh: FAILED: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }

if [ "$(uname -s)" != Linux ]; then
  say "SKIPPED: this smoke test runs on Linux; see packaging/README.md for Windows and macOS"
  exit 0
fi
if ! command -v uv >/dev/null 2>&1 || ! uv run --group packaging pyinstaller --version >/dev/null 2>&1; then
  say "SKIPPED: PyInstaller cannot run here (needs uv and the 'packaging' dependency group)"
  exit 0
fi

build_seconds="(not built)"
if [ "${1:-}" != "--no-build" ]; then
  started=$(now_ms)
  packaging/build.sh
  build_seconds=$(awk "BEGIN{printf \"%.0f s\", ($(now_ms) - $started) / 1000}")
fi
exe="$ROOT/dist/precis/precis"
[ -x "$exe" ] || fail "no bundle at $exe"
version=$(uv run python -c 'import desktop; print(desktop.__version__)')
sample="$ROOT/resources/samples/lukaschenko-de.txt"

offline=()
if unshare -n true 2>/dev/null; then
  offline=(unshare -n)
else
  say "note: 'unshare -n' is not permitted here, so the checks run with the network reachable"
fi
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/home" "$scratch/work"
out="$ROOT/build/smoke"
rm -rf "$out" && mkdir -p "$out"
# The bundle alone: no user data, no NLTK data, no source tree on the path.
run() {
  (cd "$scratch/work" && env -i PATH=/usr/bin:/bin HOME="$scratch/home" LANG=C.UTF-8 \
    QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$scratch/home" "${offline[@]}" "$exe" "$@")
}
timed() {  # timed NAME CMD...: run, keep stdout in $out/NAME.out, print milliseconds
  local started
  started=$(now_ms)
  run "$@" >"$out/$1.out" 2>"$out/$1.err" || { cat "$out/$1.err" >&2; fail "precis $*"; }
  echo $(( $(now_ms) - started ))
}

# Drop the page cache where we may (root), so the first runs are true cold starts.
cold="first run after the build"
drop_caches() { sync && echo 3 2>/dev/null >/proc/sys/vm/drop_caches; }
if drop_caches; then cold="page cache dropped"; fi
t_version=$(timed --version)
[ "$(cat "$out/--version.out")" = "precis $version" ] ||
  fail "--version printed '$(cat "$out/--version.out")', want 'precis $version'"
t_version_warm=$(timed --version)

drop_caches || true
t_summary=$(timed summarize "$sample" --sentences 5)
t_summary_warm=$(timed summarize "$sample" --sentences 5)
lines=$(grep -c . "$out/summarize.out" || true)
[ "$lines" -eq 5 ] || fail "summarize printed $lines sentences, want 5"
while IFS= read -r sentence; do
  grep -qF -- "$sentence" "$sample" || fail "summary sentence not in the article: $sentence"
done <"$out/summarize.out"
mv "$out/summarize.out" "$out/summary.txt"
# Every method, so a module or data file the bundle lacks shows up here, not at a user's desk.
t_methods=$(timed summarize --list-methods)
methods=$(awk '{print $1}' "$out/summarize.out")
[ -n "$methods" ] || fail "summarize --list-methods listed nothing"
started=$(now_ms)
for method in $methods; do
  run summarize "$sample" --method "$method" --sentences 3 >"$out/method.out" 2>"$out/method.err" ||
    { cat "$out/method.err" >&2; fail "summarize --method $method"; }
  [ "$(grep -c . "$out/method.out")" -eq 3 ] || fail "method $method did not give 3 sentences"
done
t_methods=$(( $(now_ms) - started ))

# Every format the readers accept, made from the sample: the bundle must read them all offline
# and pick the same sentences as the source tree does.
uv run python packaging/smoke_files.py "$scratch/work/formats" >"$out/formats.list" ||
  fail "could not write the format samples"
mapfile -t documents <"$out/formats.list"
t_formats=$(timed summarize "${documents[@]}" --sentences 2)
uv run precis summarize "${documents[@]}" --sentences 2 >"$out/formats-source.out"
diff -u "$out/formats-source.out" "$out/summarize.out" >"$out/formats.diff" ||
  { cat "$out/formats.diff" >&2; fail "the bundle summarises the formats differently from the source"; }
formats=$(sed 's/.*\.//' "$out/formats.list" | sort -u | tr '\n' ' ')

t_shot="(skipped: desktop/ui/app.py does not exist yet)"
shot="$out/window.png"
if [ -f desktop/ui/app.py ]; then
  t_shot="$(timed --screenshot "$shot" "$sample") ms"
  python3 - "$shot" <<'EOF' || fail "the screenshot is not a plausible window image"
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert width >= 400 and height >= 300, f"only {width}x{height}"
assert len(data) > 20_000, f"only {len(data)} bytes: a blank window?"
print(f"smoke.sh: screenshot {width}x{height}, {len(data) // 1024} KiB: {sys.argv[1]}")
EOF
else
  say "window check SKIPPED: desktop/ui/app.py does not exist yet"
fi

size=$(du -sh "$ROOT/dist/precis" | cut -f1)
files=$(find "$ROOT/dist/precis" -type f | wc -l)
echo "smoke.sh: all checks passed ($([ ${#offline[@]} -gt 0 ] && echo offline || echo "network reachable")); formats read: $formats"
row() { printf '| %-46s | %s |\n' "$1" "$2"; }
row measure value
row "$(printf -- '-%.0s' {1..46})" -----
row "bundle dist/precis" "$size in $files files"
row "build time" "$build_seconds"
row "precis --version, cold ($cold)" "$t_version ms"
row "precis --version, warm" "$t_version_warm ms"
row "precis summarize sample, 5 sentences, cold" "$t_summary ms"
row "precis summarize sample, 5 sentences, warm" "$t_summary_warm ms"
row "every method on the sample ($(echo $methods | wc -w) runs)" "$t_methods ms"
row "${#documents[@]} files, one per suffix, one run" "$t_formats ms"
row "precis --screenshot sample" "$t_shot"
