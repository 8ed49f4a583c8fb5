"""Ids of statistics objects for the URL walker: a release the Afghan NGO holds."""

from __future__ import annotations

from panj.stats.models import Release


def url_samples(request, base: dict) -> dict:
    ngo_af = request.getfixturevalue("ngo_af")
    alice = request.getfixturevalue("alice")
    # Not something an NGO can build: it stands for a release no stranger may open.
    release = Release.objects.create(
        organisation=ngo_af, title="Sample", first_year=2025, last_year=2025, built_by=alice
    )
    release.files.create(name="tables.xlsx", media_type="application/octet-stream", content=b"x")
    return {"release_id": release.id, "name": "tables.xlsx"}
