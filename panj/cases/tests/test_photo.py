"""The person's photo: metadata removed, sealed at rest, shown only to the organisation."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from panj.audit.models import AuditEntry
from panj.cases import services
from panj.cases.models import CasePhoto, Consent

GPS_TAG = 0x8825
ARTIST_TAG = 0x013B


def camera_jpeg(width=1600, height=1200) -> bytes:
    """A JPEG as a phone writes it: with the place it was taken and who took it."""
    image = Image.new("RGB", (width, height), (180, 120, 60))
    exif = Image.Exif()
    exif[ARTIST_TAG] = "Field officer"
    exif[GPS_TAG] = {1: "N", 2: (37.0, 7.0, 0.0), 3: "E", 4: (68.0, 48.0, 0.0)}
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def upload(data: bytes, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.fixture
def photographed(client_for, alice, case_af):
    client_for(alice).post(
        reverse("cases:edit_photo", args=[case_af.id]), {"photo": upload(camera_jpeg())}
    )
    return case_af


def test_it_keeps_a_small_copy_without_place_time_or_device(photographed):
    original = Image.open(io.BytesIO(camera_jpeg()))
    assert GPS_TAG in original.getexif()
    kept = Image.open(io.BytesIO(services.photo_of(photographed)))
    assert kept.format == "JPEG"
    assert max(kept.size) == 800
    assert dict(kept.getexif()) == {}
    assert "exif" not in kept.info and "icc_profile" not in kept.info


def test_it_stores_the_photo_sealed(photographed):
    sealed = bytes(CasePhoto.objects.get(case=photographed).sealed)
    assert b"\xff\xd8\xff" not in sealed
    assert b"JFIF" not in sealed and b"Exif" not in sealed


def test_it_shows_the_photo_to_the_organisation_and_audits_it(client_for, bob, photographed):
    response = client_for(bob).get(reverse("cases:photo", args=[photographed.id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    reads = AuditEntry.objects.filter(action="case_read", object_id=str(photographed.id))
    assert any(entry.fields == ["photo"] for entry in reads)


def test_it_hides_the_photo_from_another_organisation(client_for, carol, erin, photographed):
    for user in (carol, erin):
        client = client_for(user)
        assert client.get(reverse("cases:photo", args=[photographed.id])).status_code == 404
        url = reverse("cases:edit_photo", args=[photographed.id])
        assert client.post(url, {"photo": upload(camera_jpeg())}).status_code == 404


def test_it_lets_a_viewer_see_but_not_change_the_photo(client_for, vera, photographed):
    client = client_for(vera)
    assert client.get(reverse("cases:photo", args=[photographed.id])).status_code == 200
    url = reverse("cases:edit_photo", args=[photographed.id])
    assert client.post(url, {"remove": "1"}).status_code == 403
    assert CasePhoto.objects.filter(case=photographed).exists()


def test_it_refuses_a_file_that_is_not_a_photo(client_for, alice, case_af):
    response = client_for(alice).post(
        reverse("cases:edit_photo", args=[case_af.id]),
        {"photo": upload(b"%PDF-1.4 not a photo", "scan.pdf", "application/pdf")},
    )
    assert response.status_code == 200
    assert "not a photo Panj can read" in response.content.decode()
    assert not CasePhoto.objects.filter(case=case_af).exists()


def test_it_hides_the_photo_once_consent_is_withdrawn(client_for, alice, bob, photographed):
    consent = photographed.consents.get(purpose=Consent.Purpose.ASSISTANCE)
    services.withdraw_consent(consent=consent, by=alice)
    assert client_for(bob).get(reverse("cases:photo", args=[photographed.id])).status_code == 403


def test_it_keeps_the_photo_readable_after_key_rotation(photographed):
    before = services.photo_of(photographed)
    services.rotate_keys(organisation=photographed.organisation)
    photographed.refresh_from_db()
    assert services.photo_of(photographed) == before


def test_it_removes_the_photo(client_for, alice, photographed):
    url = reverse("cases:edit_photo", args=[photographed.id])
    assert client_for(alice).post(url, {"remove": "1"}).status_code == 302
    assert not CasePhoto.objects.filter(case=photographed).exists()


def test_it_answers_wrong_methods_with_405(client_for, alice, photographed):
    assert client_for(alice).post(reverse("cases:photo", args=[photographed.id])).status_code == 405
