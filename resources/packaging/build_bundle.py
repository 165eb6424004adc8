"""Build Lantern's standalone bundle: one folder that runs without Python.

    python resources/packaging/build_bundle.py [--dist build/bundle]

Needs the `bundle` extra (`pip install -e ".[bundle]"`: PyInstaller). Writes
DIST/lantern/ (the program `lantern` and its `_internal/` folder, the licences, and on
Linux `install.sh`) and, on Linux, DIST/lantern-VERSION-linux-ARCH.tar.gz. Prints the
sizes. See docs/packaging.md.
"""

from __future__ import annotations

import argparse
import platform
import shutil
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LICENCES = ("LICENSE", "LICENSE-CONTENT", "THIRD-PARTY-NOTICES.md")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def version() -> str:
    sys.path.insert(0, str(ROOT / "app"))
    from lantern import __version__

    return __version__


def build(dist: Path, work: Path) -> Path:
    import PyInstaller.__main__

    PyInstaller.__main__.run([
        "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", str(dist), "--workpath", str(work), str(HERE / "lantern.spec"),
    ])
    bundle = dist / "lantern"
    licences = bundle / "licenses"
    licences.mkdir(exist_ok=True)
    for name in LICENCES:
        shutil.copy2(ROOT / name, licences / name)
    if sys.platform.startswith("linux"):
        shutil.copy2(HERE / "install.sh", bundle / "install.sh")
        (bundle / "install.sh").chmod(0o755)
        shutil.copy2(HERE / "README-bundle.txt", bundle / "README.txt")
    return bundle


def tarball(bundle: Path, dist: Path) -> Path:
    name = f"lantern-{version()}-linux-{platform.machine()}"
    target = dist / f"{name}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(bundle, arcname=name)
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "build" / "bundle",
                        help="where the bundle goes (default: build/bundle)")
    parser.add_argument("--no-tarball", action="store_true", help="skip the .tar.gz")
    args = parser.parse_args()
    dist = args.dist.resolve()
    started = time.perf_counter()
    bundle = build(dist, dist.parent / "pyinstaller-work")
    print(f"bundle: {bundle} ({mib(folder_size(bundle))} unpacked, "
          f"built in {time.perf_counter() - started:.0f} s)")
    if sys.platform.startswith("linux") and not args.no_tarball:
        archive = tarball(bundle, dist)
        print(f"tarball: {archive} ({mib(archive.stat().st_size)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
