#!/bin/sh
# Put this Lantern in your application menu, and `lantern` on your PATH.
#     ./install.sh              from the unpacked folder, where you mean to keep it
#     ./install.sh --uninstall  take the menu entry and the command away again
# Nothing is written outside your home folder; no administrator rights are needed.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
bin="${HOME}/.local/bin"
if [ "${1:-}" = "--uninstall" ]; then
    "$here/lantern" desktop uninstall
    if [ -L "$bin/lantern" ] && [ "$(readlink "$bin/lantern")" = "$here/lantern" ]; then
        rm "$bin/lantern"
        echo "removed $bin/lantern"
    fi
    exit 0
fi
"$here/lantern" desktop install
mkdir -p "$bin"
if [ -e "$bin/lantern" ] && [ ! -L "$bin/lantern" ]; then
    echo "left $bin/lantern alone (it is not a link to a Lantern bundle)"
else
    ln -sfn "$here/lantern" "$bin/lantern"
    echo "linked $bin/lantern -> $here/lantern"
fi
case ":${PATH}:" in
    *":$bin:"*) ;;
    *) echo "(add $bin to your PATH to type 'lantern' in a terminal)" ;;
esac
