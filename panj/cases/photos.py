"""Photos of people assisted: checked, shrunk and re-encoded so no metadata survives."""

from __future__ import annotations

import io
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 8 * 1024 * 1024
MAX_SIDE = 800
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
# Refuse decompression bombs well before Pillow's own, generous limit.
MAX_PIXELS = 40_000_000


def clean_photo(upload: UploadedFile[Any]) -> bytes:
    """A JPEG of at most 800 px a side with no EXIF, GPS, XMP or ICC data, or a clear error."""
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("The photo is too large: at most 8 MB."), code="too_large")
    try:
        with Image.open(upload) as probe:
            if probe.format not in ACCEPTED_FORMATS:
                raise ValidationError(_("Send a JPEG, PNG or WebP photo."), code="format")
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("The photo has too many pixels."), code="too_large")
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            upright = ImageOps.exif_transpose(image).convert("RGB")
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not a photo Panj can read."), code="invalid"
        ) from None
    upright.thumbnail((MAX_SIDE, MAX_SIDE))
    # A fresh image holds pixels only: nothing of the original file's metadata is copied.
    clean = Image.new("RGB", upright.size)
    clean.paste(upright)
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=85, optimize=True)
    return out.getvalue()
