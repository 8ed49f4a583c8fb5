"""Demo statistics: a published open-data release and, if the file is at hand, CTDC's data."""

from __future__ import annotations

import os
from pathlib import Path

from django.utils import timezone

from panj.accounts.models import User
from panj.stats import services
from panj.stats.models import ReferenceDataset, Release

TITLE = "Network figures (demo)"


def _reference_file() -> Path | None:
    base = Path(os.environ.get("PANJ_REFERENCE_DIR", "/work/shared/reference"))
    for path in (
        base / "ctdc" / "CTDC_VPsynthetic_condensed.csv",
        base / "CTDC_VPsynthetic_condensed.csv",
    ):
        if path.is_file():
            return path
    return None


def load_demo() -> str | None:
    builder = User.objects.filter(email="frank@demo.panj.org").first()
    reviewer = User.objects.filter(email="dave@demo.panj.org").first()
    if builder is None or reviewer is None:
        return None
    done = []
    if not Release.objects.filter(title=TITLE).exists():
        membership = builder.memberships.select_related("organisation").first()
        assert membership is not None
        year = timezone.localdate().year
        release = services.build_release(
            organisation=membership.organisation,
            by=builder,
            options=services.ReleaseOptions(
                title=TITLE, first_year=year - 4, last_year=year, epsilon=4.0
            ),
        )
        services.publish_release(release=release, by=reviewer)
        done.append("1 open-data release published")
    path = _reference_file()
    if path is not None and not ReferenceDataset.objects.exists():
        services.import_reference(
            name="CTDC victim-perpetrator synthetic data",
            file_name=path.name,
            content=path.read_bytes(),
            by=reviewer,
            source="Counter Trafficking Data Collaborative (CTDC), synthetic data",
        )
        done.append("CTDC reference data loaded")
    return f"statistics: {', '.join(done)}" if done else None
