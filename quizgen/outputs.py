"""Writing outputs safely: atomic replacement, the edited-file guard, and the output folder check."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from quizgen.errors import ExportError, OverwriteRefusedError, UserError
from quizgen.textutil import is_slug
from quizgen.yamlio import was_edited


def output_folder(out_dir: Path, slug: str) -> Path:
    """OUT/<slug>, refused when the slug is not a plain folder name or the folder would resolve outside OUT."""
    if not is_slug(slug):
        raise UserError(f"refusing to write outside {out_dir}: {slug!r} is not a folder name (lowercase letters, "
                        f"digits and hyphens)")
    folder = (out_dir / slug).resolve()
    if out_dir.resolve() not in folder.parents:
        raise UserError(f"refusing to write outside {out_dir}: {folder}")
    return folder


def output_file(folder: Path, name: str) -> Path:
    """folder/name for one output file, refused unless it lands directly in `folder`: a name holding a separator or
    `..` would put the file elsewhere. (A symlink already at folder/name is replaced by write_atomic, not followed.)"""
    path = folder / name
    if "/" in name or "\\" in name or os.sep in name or name in {"", ".", ".."} or path.parent != folder:
        raise UserError(f"refusing to write outside {folder}: {path}")
    return path


# Temporary files are named .<target>.<pid>.<random>.part: a run removes the ones its own killed predecessors left,
# never those of another run writing into the same folder at the same time.
_TEMPORARY = re.compile(r"\.(?P<target>.+)\.(?P<pid>\d+)\.[^.]+\.part")


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # ours from an earlier article of this run: finished or failed, never still being written
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # alive, owned by someone else
    return True


def remove_stale_temporaries(folder: Path) -> None:
    """Delete temporaries left in `folder` by runs that were killed while writing; another live run's stay."""
    if not folder.is_dir():
        return
    for leftover in folder.glob(".*.part"):
        match = _TEMPORARY.fullmatch(leftover.name)
        if match is None or not _running(int(match["pid"])):
            leftover.unlink(missing_ok=True)


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
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=".part", dir=path.parent)
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
