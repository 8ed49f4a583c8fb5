"""Encodings files as other versions of Panj would have written them."""

from __future__ import annotations

import io
import json

import numpy as np


def of_version(data: bytes, version: int) -> bytes:
    """The same encodings file, its header labelled as of format `version`."""
    with np.load(io.BytesIO(data)) as npz:
        parts = {k: npz[k] for k in npz.files}
    header = json.loads(bytes(parts["header"]).decode())
    header["version"] = version
    parts["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
    out = io.BytesIO()
    np.savez(out, **parts)
    return out.getvalue()
