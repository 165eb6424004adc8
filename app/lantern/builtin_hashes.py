"""The window's and `lantern search`'s digests come from Python's own hash modules, not
from OpenSSL.

`hashlib` loads OpenSSL's libcrypto (the `_hashlib` module) when it is first imported:
some 3.5 MiB of the window's memory and 2 ms of a search from the command line, for the
few digests they take (the name of the index folder and of the socket a second start talks
to, Whoosh's term tables, a pack's fingerprint when it is parsed). Python's own md5, sha1,
sha256 and blake2 give the same digests, and `hashlib` uses them whenever `_hashlib`
cannot be imported. What only OpenSSL has (`scrypt`, `pbkdf2_hmac`) is then missing: the
kiosk, which checks its PIN with scrypt, does not call this.
"""

from __future__ import annotations

import sys


def use_builtin_hashes() -> bool:
    """Have `hashlib` use Python's own hash modules from now on; False (nothing changed)
    when it was imported already with OpenSSL's."""
    if "hashlib" in sys.modules and sys.modules.get("_hashlib") is not None:
        return False
    sys.modules.setdefault("_hashlib", None)  # type: ignore[arg-type]  # import fails
    return True
