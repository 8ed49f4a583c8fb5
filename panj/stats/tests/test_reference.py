"""A CTDC dataset loaded for comparison: its counts equal those of the CSV itself."""

from __future__ import annotations

import csv
import os
from collections import Counter
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from panj.stats import services
from panj.stats.models import ReferenceCount, ReferenceDataset


def ctdc_file() -> Path:
    base = Path(os.environ.get("PANJ_REFERENCE_DIR", "/work/shared/reference"))
    path = base / "ctdc" / "CTDC_VPsynthetic_condensed.csv"
    if not path.exists():
        path = base / "CTDC_VPsynthetic_condensed.csv"
    if not path.exists():
        pytest.skip(
            f"the CTDC reference file is not on this machine ({base}); set PANJ_REFERENCE_DIR"
        )
    return path


@pytest.fixture
def ctdc(db) -> ReferenceDataset:
    path = ctdc_file()
    return services.import_reference(
        name="CTDC victim-perpetrator synthetic data",
        file_name=path.name,
        content=path.read_bytes(),
        by=None,
        source="CTDC",
    )


def counts_of(dataset: ReferenceDataset, dimension: str) -> dict[str, int]:
    return dict(
        ReferenceCount.objects.filter(dataset=dataset, dimension=dimension).values_list(
            "value", "count"
        )
    )


def test_it_counts_gender_as_the_csv_does(ctdc):
    with ctdc_file().open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    direct = Counter(row["gender"] for row in rows)
    stored = counts_of(ctdc, "gender")
    assert stored["Feminine"] == direct["Female"]
    assert stored["Masculine"] == direct["Male"]
    assert stored.get("", 0) == direct[""]
    assert ctdc.records == len(rows) == sum(stored.values())


def test_it_counts_types_of_exploitation_as_the_csv_does(ctdc):
    with ctdc_file().open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    stored = counts_of(ctdc, "exploitation")
    assert stored["ForcedLabour"] == sum(1 for row in rows if row["isForcedLabour"] == "1")
    assert stored["SexualExploitation"] == sum(1 for row in rows if row["isSexualExploit"] == "1")


def test_it_refuses_the_same_file_twice_and_files_that_are_not_ctdc(ctdc):
    with pytest.raises(ValidationError):
        services.import_reference(
            name="again", file_name="x.csv", content=ctdc_file().read_bytes(), by=None
        )
    with pytest.raises(ValidationError):
        services.import_reference(name="other", file_name="x.csv", content=b"a,b\n1,2\n", by=None)


def test_it_lets_a_coordinator_upload_a_dataset(client_for, dave):
    upload = SimpleUploadedFile(
        "ctdc.csv",
        b"yearOfRegistration,gender,ageBroad,isForcedLabour,isSexualExploit,isOtherExploit\n"
        b"2020,Woman,18--20,1,,\n2021,Man,9--17,,1,\n",
        content_type="text/csv",
    )
    response = client_for(dave).post(
        reverse("stats:references"), {"name": "Sample", "source": "", "file": upload}
    )
    dataset = ReferenceDataset.objects.get()
    assert response["Location"].endswith(f"?reference={dataset.id}")
    assert counts_of(dataset, "gender") == {"Feminine": 1, "Masculine": 1}


def test_it_shows_the_reference_beside_the_network(client_for, dave, ctdc):
    response = client_for(dave).get(reverse("stats:network"), {"reference": str(ctdc.id)})
    assert response.status_code == 200
    body = response.content.decode()
    assert "For comparison: CTDC victim-perpetrator synthetic data" in body
    assert str(counts_of(ctdc, "gender")["Feminine"]) in body


def test_it_lets_an_analyst_read_but_not_load_references(client_for, frank):
    client = client_for(frank)
    assert client.get(reverse("stats:references")).status_code == 200
    assert client.post(reverse("stats:references"), {"name": "x"}).status_code == 403


def test_it_refuses_references_to_member_organisations(client_for, alice):
    assert client_for(alice).get(reverse("stats:references")).status_code == 403


def test_it_refuses_the_wrong_method_for_references(client_for, dave):
    assert client_for(dave).put(reverse("stats:references")).status_code == 405


def test_it_answers_404_for_an_unknown_reference(client_for, dave):
    response = client_for(dave).get(reverse("stats:network"), {"reference": "not-an-id"})
    assert response.status_code == 404
