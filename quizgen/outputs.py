"""Writing outputs safely: atomic replacement, the edited-file guard, and the output folder check."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from quizgen.errors import ExportError, OverwriteRefusedError, UserError
from quizgen.yamlio import was_edited


def output_folder(out_dir: Path, slug: str) -> Path:
    """OUT/<slug>, refused when it would resolve outside OUT."""
    folder = (out_dir / slug).resolve()
    if out_dir.resolve() not in folder.parents:
        raise UserError(f"refusing to write outside {out_dir}: {folder}")
    return folder


def guard_edited(path: Path, force: bool, hint: str) -> None:
    """Refuse to replace a file a teacher edited (its checksum line no longer matches) unless `force`."""
    if path.exists() and not force and was_edited(path):
        raise OverwriteRefusedError(f"{path} was edited since quizgen wrote it; {hint}, or pass --force to "
                                    f"overwrite it")


def write_atomic(path: Path, data: bytes | str) -> None:
    """Write to a temporary file beside `path`, then replace: a crash leaves the old file or the new one."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        try:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise ExportError(f"{path}: cannot write ({err.strerror or err})") from None
