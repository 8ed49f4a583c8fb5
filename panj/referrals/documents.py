"""Signed agreements: PDF only, size-limited, checked before they are stored."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

MAX_BYTES = 5 * 1024 * 1024


def check_pdf(document: UploadedFile[Any]) -> None:
    """Refuse anything but a readable PDF of at most 5 MB."""
    if document.size is None or document.size > MAX_BYTES:
        raise ValidationError(_("The signed document must be a PDF of at most 5 MB."))
    document.seek(0)
    head = document.read(5)
    document.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("The signed document must be a PDF of at most 5 MB."))
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        PdfReader(document).pages[0]
    except (PyPdfError, IndexError, ValueError, OSError):
        raise ValidationError(_("The signed document must be a PDF of at most 5 MB.")) from None
    finally:
        document.seek(0)
