"""Library uploads: the type read from the content, the size bounded, the metadata removed.

A document's metadata says who wrote it, on which computer, where a photo was taken: for a
network whose staff and survivors are at risk, none of it is kept. What is stored is a
rewritten copy holding the content only.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 60_000_000
# A zip that unpacks to far more than it weighs is refused before it is read.
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 5000

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"

EXTENSIONS = {
    PDF: "pdf",
    JPEG: "jpg",
    PNG: "png",
    DOCX: "docx",
    XLSX: "xlsx",
    PPTX: "pptx",
    ODT: "odt",
}

# The main part's content type in [Content_Types].xml says what an Office file is.
_OFFICE_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": DOCX,
    "application/vnd.ms-word.document.macroEnabled.main+xml": None,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": XLSX,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": PPTX,
}
_CONTENT_TYPE = re.compile(rb'ContentType="([^"]{1,200})"')
_CORE_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
    b'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"/>'
)
_APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties"/>'
)
_CUSTOM_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'custom-properties"/>'
)
_ODF_META = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    b' office:version="1.2"><office:meta/></office:document-meta>'
)
_SCRUBBED_PARTS = {
    "docProps/core.xml": _CORE_XML,
    "docProps/app.xml": _APP_XML,
    "docProps/custom.xml": _CUSTOM_XML,
}


@dataclass(frozen=True)
class CleanFile:
    content: bytes
    content_type: str
    name: str


def max_upload_bytes() -> int:
    return int(getattr(settings, "PANJ_LIBRARY_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES))


def _refuse() -> ValidationError:
    return ValidationError(
        _("Send a PDF, a JPEG or PNG image, or a Word, Excel, PowerPoint or OpenDocument file."),
        code="format",
    )


def clean_upload(upload: UploadedFile[Any]) -> CleanFile:
    """A rewritten copy of `upload` without metadata, or a clear error."""
    limit = max_upload_bytes()
    if upload.size is not None and upload.size > limit:
        raise ValidationError(
            _("The file is too large: at most %(megabytes)d MB."),
            code="too_large",
            params={"megabytes": limit // (1024 * 1024)},
        )
    upload.seek(0)
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(_("The file is too large."), code="too_large")
    content_type, content = clean_bytes(data)
    return CleanFile(
        content=content, content_type=content_type, name=_name(upload.name, content_type)
    )


def clean_bytes(data: bytes) -> tuple[str, bytes]:
    """The content type read from `data`'s first bytes, and `data` rewritten without metadata."""
    if data.startswith(b"%PDF-"):
        return PDF, _clean_pdf(data)
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG, _clean_image(data, "JPEG")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG, _clean_image(data, "PNG")
    if data.startswith(b"PK\x03\x04"):
        return _clean_zip(data)
    raise _refuse()


def _name(original: str | None, content_type: str) -> str:
    stem = (original or "document").rsplit("/", 1)[-1].rsplit("\\", 1)[-1].rsplit(".", 1)[0]
    stem = get_valid_filename(stem)[:100] if stem.strip() else "document"
    # The extension follows the content, whatever the name claimed.
    return f"{stem or 'document'}.{EXTENSIONS[content_type]}"


def _clean_pdf(data: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValidationError(_("Send the PDF without a password."), code="encrypted")
        writer = PdfWriter()
        for page in reader.pages:
            page.pop("/Metadata", None)
            writer.add_page(page)
        # Copying pages leaves the document's /Info and XMP /Metadata behind; drop pypdf's own.
        writer.metadata = None
        out = io.BytesIO()
        writer.write(out)
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError):
        raise ValidationError(_("This PDF cannot be read."), code="invalid") from None
    return out.getvalue()


def _clean_image(data: bytes, expected: str) -> bytes:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format != expected:
                raise _refuse()
            if probe.width * probe.height > MAX_PIXELS:
                raise ValidationError(_("The image has too many pixels."), code="too_large")
            probe.verify()
        with Image.open(io.BytesIO(data)) as image:
            upright = ImageOps.exif_transpose(image)
            mode = "RGBA" if expected == "PNG" and "A" in upright.getbands() else "RGB"
            upright = upright.convert(mode)
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(_("This image cannot be read."), code="invalid") from None
    # A fresh image holds pixels only: no EXIF, GPS, XMP, ICC or text chunks come along.
    clean = Image.new(mode, upright.size)
    clean.paste(upright)
    out = io.BytesIO()
    if expected == "JPEG":
        clean.save(out, format="JPEG", quality=90, optimize=True)
    else:
        clean.save(out, format="PNG", optimize=True)
    return out.getvalue()


def _clean_zip(data: bytes) -> tuple[str, bytes]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse() from None
    if len(entries) > MAX_ZIP_ENTRIES or sum(e.file_size for e in entries) > MAX_UNPACKED_BYTES:
        raise ValidationError(_("The file unpacks to too much data."), code="too_large")
    names = {entry.filename for entry in entries}
    try:
        if "[Content_Types].xml" in names:
            content_type = _office_type(archive.read("[Content_Types].xml"))
            replace = _SCRUBBED_PARTS
        elif "mimetype" in names and archive.read("mimetype").strip() == ODT.encode():
            content_type, replace = ODT, {"meta.xml": _ODF_META}
        else:
            raise _refuse()
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as rewritten:
            for entry in entries:
                body = replace.get(entry.filename)
                if body is None:
                    body = archive.read(entry.filename)
                # The ODF mimetype must stay first and uncompressed; times carry nothing.
                kind = zipfile.ZIP_STORED if entry.filename == "mimetype" else zipfile.ZIP_DEFLATED
                info = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = kind
                rewritten.writestr(info, body)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError):
        raise ValidationError(_("This file cannot be read."), code="invalid") from None
    return content_type, out.getvalue()


def _office_type(content_types: bytes) -> str:
    # Read as text, not parsed: an XML parser would expand whatever entities it is sent.
    for found in _CONTENT_TYPE.findall(content_types[:200_000]):
        office = _OFFICE_MAIN.get(found.decode("ascii", "replace"))
        if office:
            return office
    raise _refuse()
