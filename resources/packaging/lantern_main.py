"""The standalone bundle's entry point: the `lantern` command, frozen."""

import sys

from lantern.doctor import run_qt_probe_if_asked

if __name__ == "__main__":
    run_qt_probe_if_asked()  # `lantern doctor` starting Qt in a process of its own
    from lantern.cli import main

    sys.exit(main())
