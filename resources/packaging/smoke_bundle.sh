#!/usr/bin/env bash
# Smoke-test a built bundle the way a reader's machine would run it: unpacked from its
# tarball, no Python and no virtual environment on PATH, fresh user folders, every command
# once, install.sh, then the window opened offscreen until its first page is shown. Prints
# the bundle's size and start-up beside those of the installed app (INSTALLED, the
# `lantern` program of a pip install).
#     resources/packaging/smoke_bundle.sh TARBALL|BUNDLE_DIR [INSTALLED]
set -euo pipefail
given=$1
installed=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/empty-path" "$work/home"
tarball=
if [ -f "$given" ]; then
    tarball=$given
    mkdir "$work/unpacked"
    tar -xzf "$tarball" -C "$work/unpacked"
    bundle=$(cd "$work"/unpacked/*/ && pwd)
else
    bundle=$(cd "$given" && pwd)
fi

# Nothing but the bundle: an empty PATH (so no python3 can be found), a home and the
# user folders of its own, a UTF-8 locale as a desktop session has.
clean() {
    env -i PATH="$work/empty-path" HOME="$work/home" LANG=C.UTF-8 \
        LANTERN_CACHE_DIR="$work/cache" LANTERN_CONFIG_DIR="$work/config" \
        LANTERN_LOG_DIR="$work/log" XDG_DATA_HOME="$work/share" QT_QPA_PLATFORM=offscreen \
        "$@"
}
fail() { echo "FAIL: $*" >&2; exit 1; }
lantern="$bundle/lantern"

echo "-- lantern --version"
clean "$lantern" --version | tee "$work/out"
grep -q '^lantern [0-9]' "$work/out" || fail "--version"

echo "-- lantern search DMN --json"
clean "$lantern" search DMN --json > "$work/out"
grep -q '"title": "Default mode network"' "$work/out" || fail "search found no DMN entry"
echo "first result: $(grep -o '"title": "[^"]*"' "$work/out" | head -1)"

echo "-- lantern check"
clean "$lantern" check > "$work/out" 2>&1 || fail "check: $(tail -3 "$work/out")"
tail -1 "$work/out"
grep -q "_internal/lantern/_data/content" "$work/out" || grep -q " 0 warnings" "$work/out" \
    || fail "check did not read the bundled pack"

# A pack whose references come from Zotero (BibTeX and CSL-JSON): the parsers the bundled
# pack does not use are in the bundle too.
zotero="$(dirname "$0")/../../tests/fixtures/zotero-pack"
if [ -d "$zotero" ]; then
    echo "-- lantern check (a pack with BibTeX and CSL-JSON references)"
    clean "$lantern" check "$(cd "$zotero" && pwd)" > "$work/out" 2>&1 \
        || fail "check of the Zotero pack: $(tail -3 "$work/out")"
    grep -q "5 references" "$work/out" || fail "the Zotero pack's references were not read"
    tail -1 "$work/out"
fi

echo "-- lantern doctor"
clean "$lantern" doctor | tee "$work/out" || fail "doctor found problems"
grep -q "(bundled)" "$work/out" || fail "doctor does not know it is frozen"

echo "-- lantern desktop install / uninstall"
clean "$lantern" desktop install > "$work/out" || fail "desktop install"
grep -qx "Exec=$lantern" "$work/share/applications/lantern.desktop" \
    || fail "the launcher does not start the bundle"
clean "$lantern" desktop uninstall > "$work/out" || fail "desktop uninstall"
if [ -x "$bundle/install.sh" ]; then
    echo "-- install.sh (the shell's own tools on PATH, still no Python needed)"
    clean PATH=/usr/bin:/bin "$bundle/install.sh" | tee "$work/out" || fail "install.sh"
    [ -f "$work/share/applications/lantern.desktop" ] || fail "install.sh wrote no launcher"
    [ -f "$work/share/icons/hicolor/scalable/apps/lantern.svg" ] || fail "install.sh: no icon"
    [ "$(readlink "$work/home/.local/bin/lantern")" = "$lantern" ] || fail "install.sh: no link"
    clean PATH=/usr/bin:/bin "$bundle/install.sh" --uninstall > "$work/out" \
        || fail "install.sh --uninstall"
    [ ! -e "$work/share/applications/lantern.desktop" ] || fail "uninstall left the launcher"
    [ ! -e "$work/home/.local/bin/lantern" ] || fail "uninstall left the link"
fi

echo "-- the window, offscreen, until its first page is shown"
clean LANTERN_QUIT_AFTER_START=1 "$lantern" > "$work/out" 2>&1 || fail "window: $(cat "$work/out")"
grep "window shown" "$work/out" || fail "the window showed no page: $(cat "$work/out")"

# Start-up: process start to the first page shown and the window closed again, index
# warm, the median of five runs: wall-clock time, and the processor time (user + system)
# that a busy machine changes much less. The bundle and the installed app take turns, so
# that a change in the machine's load falls on both.
once() {  # prints "WALL_MS CPU_MS"
    local TIMEFORMAT='%3R %3U %3S' line
    line=$( { time clean LANTERN_QUIT_AFTER_START=1 "$1" > /dev/null 2>&1; } 2>&1 )
    read -r real user sys <<< "$line"
    echo "$(awk "BEGIN { printf \"%d %d\", $real * 1000, ($user + $sys) * 1000 }")"
}
median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
echo "-- size and start-up"
once "$lantern" > /dev/null  # warm the caches
[ -z "$installed" ] || once "$installed" > /dev/null
bundle_wall=() bundle_cpu=() installed_wall=() installed_cpu=()
for _ in 1 2 3 4 5; do
    read -r wall cpu <<< "$(once "$lantern")"
    bundle_wall+=("$wall") bundle_cpu+=("$cpu")
    if [ -n "$installed" ]; then
        read -r wall cpu <<< "$(once "$installed")"
        installed_wall+=("$wall") installed_cpu+=("$cpu")
    fi
done
bundle_ms=$(median "${bundle_wall[@]}") bundle_cpu_ms=$(median "${bundle_cpu[@]}")
printf 'bundle:    %s unpacked, start-up %s ms, processor %s ms (medians of 5)\n' \
    "$(du -sh "$bundle" | cut -f1)" "$bundle_ms" "$bundle_cpu_ms"
if [ -n "$tarball" ]; then
    printf 'tarball:   %s\n' "$(du -h "$tarball" | cut -f1)"
fi
if [ -n "$installed" ]; then
    installed_ms=$(median "${installed_wall[@]}")
    installed_cpu_ms=$(median "${installed_cpu[@]}")
    # The installed app's size: Lantern and the packages it depends on, as pip put them.
    size=$("$(dirname "$installed")/python" - <<'PY'
import importlib.metadata as m, re
seen, todo, total, found = set(), ["lantern-reader"], 0, 0
while todo:
    name = re.split(r"[ ;<>=!~\[]", todo.pop())[0].lower().replace("_", "-")
    if name in seen:
        continue
    seen.add(name)
    try:
        dist = m.distribution(name)
    except m.PackageNotFoundError:  # a requirement for other Python versions
        continue
    total += sum((f.size or 0) for f in dist.files or ())
    found += 1
    todo += [r for r in dist.requires or () if "extra ==" not in r]
print(f"{total / 2**20:.0f}M in {found} packages")
PY
)
    printf 'installed: %s, start-up %s ms, processor %s ms (medians of 5)\n' "$size" \
        "$installed_ms" "$installed_cpu_ms"
    echo "bundle / installed: start-up $(( bundle_ms * 100 / installed_ms ))%," \
        "processor $(( bundle_cpu_ms * 100 / installed_cpu_ms ))%" \
        "(load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores)"
fi
echo "bundle smoke test passed"
