"""Library uploads: the type is read from the content and the metadata does not survive."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfReader

from panj.knowledge.models import LibraryFile
from panj.knowledge.tests.library_samples import (
    GPS_TAG,
    authored_docx,
    authored_pdf,
    camera_jpeg,
    item,
)
from panj.knowledge.uploads import DOCX, JPEG, PDF, clean_upload


def upload(data: bytes, name: str = "file.bin", content_type: str = "application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def test_it_removes_gps_and_author_from_a_jpeg_and_keeps_it_upright():
    original = camera_jpeg(400, 200, orientation=6)
    assert GPS_TAG in Image.open(io.BytesIO(original)).getexif()
    clean = clean_upload(upload(original, "photo.JPG"))
    assert clean.content_type == JPEG
    kept = Image.open(io.BytesIO(clean.content))
    assert dict(kept.getexif()) == {}
    assert b"Field officer" not in clean.content and b"Exif" not in clean.content
    # Orientation 6 means "turn a quarter": the stored pixels are turned, not tagged.
    assert kept.size == (200, 400)
    assert clean.name == "photo.jpg"


def test_it_removes_the_author_from_a_pdf_info_and_xmp():
    original = authored_pdf()
    assert b"Secret Author" in original
    assert PdfReader(io.BytesIO(original)).metadata["/Author"] == "Secret Author"
    clean = clean_upload(upload(original, "guide.pdf"))
    assert clean.content_type == PDF
    assert b"Secret Author" not in clean.content
    reader = PdfReader(io.BytesIO(clean.content))
    assert reader.metadata is None
    assert "/Metadata" not in reader.trailer["/Root"]
    assert len(reader.pages) == 1


def test_it_scrubs_author_editor_and_company_from_an_office_file():
    clean = clean_upload(upload(authored_docx(), "sop.docx"))
    assert clean.content_type == DOCX
    archive = zipfile.ZipFile(io.BytesIO(clean.content))
    assert b"Secret" not in archive.read("docProps/core.xml")
    assert b"Secret" not in archive.read("docProps/app.xml")
    assert archive.read("word/document.xml") == b"<w:document>Referral steps</w:document>"


def test_it_reads_the_type_from_the_content_not_the_name():
    clean = clean_upload(upload(authored_pdf(), "picture.png", "image/png"))
    assert clean.content_type == PDF
    assert clean.name == "picture.pdf"
    with pytest.raises(ValidationError):
        clean_upload(upload(b"MZ\x90\x00 not a document", "report.pdf", "application/pdf"))
    with pytest.raises(ValidationError):
        clean_upload(upload(b"<html><script>alert(1)</script>", "page.pdf"))


def test_it_refuses_a_zip_that_is_not_an_office_file():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("run.sh", "echo hello")
    with pytest.raises(ValidationError):
        clean_upload(upload(out.getvalue(), "slides.pptx"))


def test_it_refuses_a_file_over_the_size_limit(settings):
    settings.PANJ_LIBRARY_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ValidationError) as refused:
        clean_upload(upload(camera_jpeg(800, 800), "big.jpg"))
    assert refused.value.code == "too_large"


def test_it_stores_the_cleaned_copy_under_a_name_that_says_nothing(client_for, alice, ngo_af):
    response = client_for(alice).post(
        reverse("knowledge:library_new"),
        {
            "kind": "training",
            "title_en": "Training pack",
            "language": "en",
            "visibility": "network",
            "documents": [
                upload(authored_pdf(), "Secret Author notes.pdf"),
                upload(camera_jpeg(), "kunduz.jpg"),
            ],
        },
    )
    assert response.status_code == 302
    stored = list(LibraryFile.objects.order_by("content_type"))
    assert [f.content_type for f in stored] == [PDF, JPEG]
    for found in stored:
        assert "Secret" not in found.file.name and "kunduz" not in found.file.name
        assert found.file.name.startswith("knowledge/library/")
        content = found.file.read()
        assert b"Secret Author" not in content and b"Field officer" not in content


def test_it_serves_a_file_as_an_attachment_that_browsers_do_not_sniff(
    client_for, alice, carol, ngo_af
):
    shared = item(ngo_af, alice)
    client_for(alice).post(
        reverse("knowledge:library_edit", args=[shared.id]),
        {
            "kind": "guideline",
            "title_en": "Guideline",
            "language": "en",
            "visibility": "network",
            "link": "https://example.org/guide",
            "documents": [upload(authored_pdf(), "guide.pdf")],
        },
    )
    stored = shared.files.get()
    response = client_for(carol).get(reverse("knowledge:library_file", args=[shared.id, stored.id]))
    assert response.status_code == 200
    assert response["Content-Type"] == PDF
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_it_keeps_an_opendocument_text_valid_without_its_meta():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content>Text</office:document-content>")
        archive.writestr(
            "meta.xml",
            "<office:meta><meta:initial-creator>Secret Author</meta:initial-creator></office:meta>",
        )
    clean = clean_upload(upload(out.getvalue(), "notes.odt"))
    archive = zipfile.ZipFile(io.BytesIO(clean.content))
    first = archive.infolist()[0]
    assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
    assert b"Secret" not in archive.read("meta.xml")


def test_it_keeps_a_png_transparent_without_its_text_chunks():
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Secret Author")
    out = io.BytesIO()
    Image.new("RGBA", (40, 20), (0, 0, 0, 0)).save(out, format="PNG", pnginfo=info)
    clean = clean_upload(upload(out.getvalue(), "logo.png"))
    kept = Image.open(io.BytesIO(clean.content))
    assert kept.mode == "RGBA" and b"Secret" not in clean.content


def test_it_lets_only_the_author_organisation_remove_a_file(client_for, alice, vera, carol, ngo_af):
    from panj.knowledge.services.library import add_library_files
    from panj.knowledge.uploads import CleanFile

    shared = item(ngo_af, alice)
    (stored,) = add_library_files(
        item=shared, files=[CleanFile(name="guide.pdf", content_type=PDF, content=b"%PDF-1.4")]
    )
    url = reverse("knowledge:library_file_delete", args=[shared.id, stored.id])
    assert client_for(carol).post(url).status_code == 404
    assert client_for(vera).post(url).status_code == 404
    assert client_for(alice).get(url).status_code == 405
    assert LibraryFile.objects.filter(id=stored.id).exists()
    response = client_for(alice).post(url)
    assert response.status_code == 302
    assert not LibraryFile.objects.filter(id=stored.id).exists()
