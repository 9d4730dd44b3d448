"""Zip files that are the same bytes for the same contents: every member stamped with one fixed time."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

# The earliest time a zip can hold, as reproducible builds use: never the time of writing.
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def fixed_time_zip(members: Iterable[tuple[str, bytes]]) -> bytes:
    """(name, data) pairs, deflated, in the order given."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def with_fixed_times(data: bytes) -> bytes:
    """A zip another library wrote with the current time on each member, re-stamped."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        return fixed_time_zip((info.filename, source.read(info.filename)) for info in source.infolist())
