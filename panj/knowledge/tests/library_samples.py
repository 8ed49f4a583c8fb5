"""Library items and files for the tests, made through the services."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from PIL import Image
from pypdf import PdfWriter

from panj.knowledge.models import LibraryItem
from panj.knowledge.services.library import ItemDetails, add_library_item

GPS_TAG = 0x8825
ARTIST_TAG = 0x013B
ORIENTATION_TAG = 0x0112


def item(
    organisation: Any, by: Any = None, *, visibility: str = "network", **details: Any
) -> LibraryItem:
    titles = details.pop("titles", {"en": "Guideline on identifying survivors"})
    return add_library_item(
        organisation=organisation,
        by=by,
        details=ItemDetails(
            kind=details.pop("kind", "guideline"),
            language=details.pop("language", "en"),
            titles=titles,
            visibility=visibility,
            link=details.pop("link", "https://example.org/guide"),
            **details,
        ),
    )


def camera_jpeg(width: int = 400, height: int = 200, *, orientation: int = 1) -> bytes:
    """A JPEG as a phone writes it: where it was taken, who took it, how it was held."""
    image = Image.new("RGB", (width, height), (180, 120, 60))
    exif = Image.Exif()
    exif[ARTIST_TAG] = "Field officer"
    exif[ORIENTATION_TAG] = orientation
    exif[GPS_TAG] = {1: "N", 2: (37.0, 7.0, 0.0), 3: "E", 4: (68.0, 48.0, 0.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def authored_pdf() -> bytes:
    """A PDF that says who wrote it, in /Info and in XMP metadata."""
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.add_metadata({"/Author": "Secret Author", "/Creator": "Laptop of Secret Author"})
    xmp = (
        b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        b"<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
        b"<rdf:Description xmlns:dc='http://purl.org/dc/elements/1.1/'>"
        b"<dc:creator>Secret Author</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
        b'<?xpacket end="w"?>'
    )
    from pypdf.generic import NameObject, StreamObject

    stream = StreamObject()
    stream.set_data(xmp)
    stream.update(
        {NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")}
    )
    writer._root_object[NameObject("/Metadata")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def authored_docx() -> bytes:
    """A minimal Word file whose properties name its author and company."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document>Referral steps</w:document>")
        archive.writestr(
            "docProps/core.xml",
            "<cp:coreProperties><dc:creator>Secret Author</dc:creator>"
            "<cp:lastModifiedBy>Secret Editor</cp:lastModifiedBy></cp:coreProperties>",
        )
        archive.writestr(
            "docProps/app.xml", "<Properties><Company>Secret NGO</Company></Properties>"
        )
    return out.getvalue()
