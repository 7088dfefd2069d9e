"""Incremental lint: what was parsed and validated, kept between runs, keyed by file content and tool version.

Off unless a caller passes a :class:`ContentCache` (the command line does; library calls do not). One cache file
per repository holds exactly the repository's current files (each save replaces it whole), and a save removes
the cache files of repositories that no longer exist.

Trust boundary: a cache file holds pickles, and unpickling can run code. A file is therefore unpickled only when
its HMAC-SHA256, keyed by a random secret kept in the cache directory (created readable by its owner only),
matches: a file this user's tool did not write -- copied in, planted in a shared folder, truncated, from
another tool version -- is ignored, never unpickled. Whoever can write the cache directory itself can also read
that secret, so the directory must be as private as the user's home (the default, $XDG_CACHE_HOME, is).
"""
from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
from pathlib import Path

MAGIC = b"benxi-credit-cache 2\n"
_KEY_FILE = "key"
_PREFIX, _SUFFIX = "lint-", ".pickle"


def default_directory(environ=None) -> Path:
    """$XDG_CACHE_HOME/benxi-credit, or ~/.cache/benxi-credit."""
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "benxi-credit"


class Blob(bytes):
    """A pickled record: what the cache stores, so that saving does not pickle records twice."""


def freeze(rec) -> Blob:
    return rec if isinstance(rec, Blob) else Blob(pickle.dumps(rec, protocol=pickle.HIGHEST_PROTOCOL))


def thaw(stored):
    return pickle.loads(stored) if isinstance(stored, Blob) else stored


def digest(raw: bytes) -> str:
    return hashlib.blake2b(raw, digest_size=16).hexdigest()


class ContentCache:
    """Parsed records of repositories, by (repository root, tool version) -> {path: (digest, blob, findings)}."""

    def __init__(self, directory, version: str):
        self.directory = Path(directory)
        self.version = version

    def _file(self, root) -> Path:
        key = hashlib.sha256(str(Path(root).resolve()).encode()).hexdigest()[:16]
        return self.directory / f"{_PREFIX}{key}{_SUFFIX}"

    def _key(self, create: bool) -> bytes | None:
        path = self.directory / _KEY_FILE
        try:
            return path.read_bytes()
        except FileNotFoundError:
            if not create:
                return None
        except OSError:
            return None
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(secrets.token_bytes(32))
            return path.read_bytes()
        except FileExistsError:  # another process made it just now
            return path.read_bytes()
        except OSError:
            return None

    def _mac(self, key: bytes, root_line: bytes, payload: bytes) -> bytes:
        return hmac.new(key, self.version.encode() + b"\n" + root_line + payload, hashlib.sha256).digest()

    def load(self, root) -> dict:
        """The entries saved for this repository by this tool version, or {} (missing, foreign, tampered)."""
        key = self._key(create=False)
        if key is None:
            return {}
        try:
            data = self._file(root).read_bytes()
        except OSError:
            return {}
        if not data.startswith(MAGIC):
            return {}
        rest = data[len(MAGIC):]
        root_line, sep, rest = rest.partition(b"\n")
        mac, payload = rest[:32], rest[32:]
        if not sep or not hmac.compare_digest(mac, self._mac(key, root_line + b"\n", payload)):
            return {}  # not written by this tool version with this secret: never unpickled
        try:
            files = pickle.loads(payload)
        except Exception:  # written by us but unreadable (a library changed underneath): start afresh
            return {}
        return files if isinstance(files, dict) else {}

    def save(self, root, files: dict) -> None:
        """Replace this repository's entry with ``files``; remove entries of repositories that are gone."""
        key = self._key(create=True)
        if key is None:
            return  # no private place to keep a secret: lint works, only slower next time
        root_line = str(Path(root).resolve()).encode("utf-8", "surrogateescape").replace(b"\n", b" ") + b"\n"
        frozen = {rel: (k, freeze(rec), own) for rel, (k, rec, own) in files.items()}
        payload = pickle.dumps(frozen, protocol=pickle.HIGHEST_PROTOCOL)
        path = self._file(root)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        try:
            with open(tmp, "wb") as fh:
                fh.write(MAGIC + root_line + self._mac(key, root_line, payload) + payload)
            tmp.replace(path)
        except OSError:
            tmp.unlink(missing_ok=True)
            return
        self.prune(keep=path)

    def prune(self, keep: Path | None = None) -> list[Path]:
        """Delete the cache files of repositories that no longer exist (and unreadable or old-format ones)."""
        removed = []
        for path in self.directory.glob(f"{_PREFIX}*{_SUFFIX}"):
            if keep is not None and path == keep:
                continue
            try:
                with open(path, "rb") as fh:
                    head = fh.read(len(MAGIC) + 4096)
            except OSError:
                continue
            root = head[len(MAGIC):].partition(b"\n")[0].decode("utf-8", "surrogateescape")
            if not head.startswith(MAGIC) or not os.path.isdir(root):
                try:
                    path.unlink()
                    removed.append(path)
                except OSError:
                    pass
        return removed
