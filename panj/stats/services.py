"""Writes of the statistics app: building, publishing releases; importing reference data."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from panj.accounts.models import User
from panj.audit.services import record
from panj.directory.models import Organisation
from panj.stats import exports, figures, microdata
from panj.stats.disclosure import Budget
from panj.stats.models import ReferenceCount, ReferenceDataset, Release, ReleaseFile
from panj.stats.tables import Statistic, protect, published_values


class ReleaseRefused(ValidationError):
    pass


@dataclass(frozen=True)
class ReleaseOptions:
    title: str
    first_year: int
    last_year: int
    threshold: int = 11
    k: int = 11
    l_diversity: int = 2
    epsilon: float = 1.0
    include_microdata: bool = True


def _method_note(release: Release, statistics: list[Statistic], micro: object) -> str:
    hidden = sum(s.suppressed for s in statistics)
    per_table = release.epsilon / max(1, len(statistics))
    lines = [
        release.title,
        "",
        f"Period: cases registered from {release.first_year} to {release.last_year}.",
        "Who is counted: only cases whose person consented to inclusion in statistics, "
        "from every member organisation of the network.",
        "",
        "Differential privacy: every table is computed in the database, then noised with the "
        "discrete Laplace (geometric) mechanism of OpenDP. The release had a privacy-loss "
        f"budget of epsilon = {release.epsilon:g}, split equally across its "
        f"{len(statistics)} tables (epsilon = {per_table:.4g} each), "
        f"and spent epsilon = {release.epsilon_spent:.4g}. For a distribution where each person "
        "is in one category the sensitivity is 1; for a multiple-choice question it is the "
        "number of categories. Negative noisy counts were raised to 0 and totals are the sums "
        "of the noisy cells.",
        "",
        f"Small-cell suppression: after the noise, any count from 1 to {release.threshold - 1} "
        f"is hidden (threshold {release.threshold}), and more cells are hidden where needed so "
        "that no hidden count can be worked out from the totals of its row or column. "
        f"{hidden} cells were hidden in all. Zeros are shown. An empty cell in a file is a "
        "hidden count.",
        "",
    ]
    if release.microdata_records or release.microdata_suppressed:
        lines += [
            "Microdata: one record per consenting case in the variables of CTDC's Global "
            "Synthetic Data. Every variable except the means of control is treated as known "
            f"to someone who knows the person: the records are {release.k}-anonymous on them "
            f"(each combination is shared by at least {release.k} records) and every such "
            f"group shows at least {release.l_diversity} different combinations of means of "
            "control. Steps applied: "
            + (", ".join(getattr(micro, "steps_applied", [])) or "none")
            + f". {release.microdata_suppressed} records were withheld and "
            f"{release.microdata_records} published. The microdata is not covered by the "
            "differential privacy guarantee of the tables.",
            "",
        ]
    lines += [
        "Codes: HTCDS 2.0 value names, ISO 3166 alpha-3 country codes, OCHA P-codes of "
        "provinces (the network's own keys where no P-code is certain). "
        "The second row of every CSV file holds HXL hashtags.",
    ]
    return "\n".join(lines)


def _add_file(release: Release, name: str, media_type: str, content: bytes, position: int) -> None:
    ReleaseFile.objects.create(
        release=release,
        name=name,
        media_type=media_type,
        content=content,
        sha256=hashlib.sha256(content).hexdigest(),
        position=position,
    )


@transaction.atomic
def build_release(*, organisation: Organisation, by: User, options: ReleaseOptions) -> Release:
    """Compute, protect and store every table and file of a release, ready for review."""
    if options.threshold < 11 or options.k < 11:
        raise ReleaseRefused(_("Open data uses a threshold and a k of at least 11."))
    if options.last_year < options.first_year:
        raise ReleaseRefused(_("The last year comes after the first."))
    cases = figures.network_cases().filter(
        opened_on__gte=datetime.date(options.first_year, 1, 1),
        opened_on__lte=datetime.date(options.last_year, 12, 31),
    )
    with translation.override("en"):
        exact = figures.case_statistics(cases)
        flows = figures.referral_statistics(None)
    if flows is not None:
        exact.append(flows.table)
    budget = Budget(options.epsilon)
    share = options.epsilon / len(exact)
    published = [
        protect(s, threshold=options.threshold, budget=budget, epsilon=share) for s in exact
    ]
    for statistic in published:
        small = [v for v in published_values(statistic) if 0 < v < options.threshold]
        assert not small, f"{statistic.key} would publish a small count"
    release = Release.objects.create(
        organisation=organisation,
        title=options.title,
        first_year=options.first_year,
        last_year=options.last_year,
        threshold=options.threshold,
        k=options.k,
        l_diversity=options.l_diversity,
        epsilon=options.epsilon,
        epsilon_spent=budget.spent,
        built_by=by,
        cases_counted=next((s.total or 0 for s in exact if s.key == "gender"), 0),
        tables=[s.as_json() for s in published],
    )
    micro = None
    if options.include_microdata:
        micro = microdata.anonymised(cases, k=options.k, diversity=options.l_diversity)
        release.microdata_records = len(micro.rows)
        release.microdata_suppressed = micro.suppressed
    release.method_note = _method_note(release, published, micro)
    release.save(update_fields=["microdata_records", "microdata_suppressed", "method_note"])
    position = 0
    _add_file(
        release,
        "method-note.txt",
        "text/plain; charset=utf-8",
        release.method_note.encode(),
        position,
    )
    position += 1
    _add_file(
        release,
        "tables.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        exports.tables_xlsx(published, release.method_note),
        position,
    )
    for statistic in published:
        position += 1
        _add_file(
            release,
            f"{statistic.key}.csv",
            "text/csv; charset=utf-8",
            exports.table_csv(statistic),
            position,
        )
    if micro is not None:
        _add_file(
            release,
            "microdata.csv",
            "text/csv; charset=utf-8",
            exports.microdata_csv(micro.columns, micro.rows),
            position + 1,
        )
    record(
        action="export",
        actor=by,
        organisation_id=organisation.id,
        object_type="open_data_release",
        object_id=str(release.id),
        purpose="statistics",
    )
    return release


@transaction.atomic
def publish_release(*, release: Release, by: User) -> Release:
    """Publish a reviewed release; its files are the ones stored when it was built."""
    release = Release.objects.select_for_update().get(pk=release.pk)
    if release.is_published:
        raise ReleaseRefused(_("This release is already published."))
    if by.pk == release.built_by_id:
        raise PermissionDenied(_("Someone other than its builder must review and publish it."))
    release.status = Release.Status.PUBLISHED
    release.published_by = by
    release.published_at = timezone.now()
    release.save(update_fields=["status", "published_by", "published_at", "updated_at"])
    record(
        action="export",
        actor=by,
        organisation_id=release.organisation_id,
        object_type="open_data_release",
        object_id=str(release.id),
        fields=["published"],
        purpose="statistics",
    )
    return release


# Reference datasets: CTDC's files come in a few shapes; each column we read is named here.
CTDC_GENDER = {
    "Female": "Feminine",
    "Woman": "Feminine",
    "Male": "Masculine",
    "Man": "Masculine",
    "Trans/Transgender/NonConforming": "NonConforming",
}
CTDC_EXPLOITATION = {
    "isForcedLabour": "ForcedLabour",
    "isSexualExploit": "SexualExploitation",
    "isOtherExploit": "Other",
}
REFERENCE_COLUMNS = {
    "year": ("yearOfRegistration", "yearRegister"),
    "age": ("ageBroad", "majorityStatus"),
}


def reference_counts(rows: Iterable[dict[str, str]]) -> tuple[int, Counter[tuple[str, str]]]:
    """Counts by variable and value of CTDC records, in Panj's codes where they map."""
    counts: Counter[tuple[str, str]] = Counter()
    total = 0
    for row in rows:
        total += 1
        gender = (row.get("gender") or "").strip()
        counts[("gender", CTDC_GENDER.get(gender, "") if gender else "")] += 1
        for dimension, names in REFERENCE_COLUMNS.items():
            for name in names:
                if name in row:
                    counts[(dimension, (row[name] or "").strip())] += 1
                    break
        for column, code in CTDC_EXPLOITATION.items():
            if (row.get(column) or "").strip() == "1":
                counts[("exploitation", code)] += 1
    return total, counts


@transaction.atomic
def import_reference(
    *, name: str, file_name: str, content: bytes, by: User | None, source: str = ""
) -> ReferenceDataset:
    """Load a CTDC dataset CSV as counts; the same file twice is refused."""
    digest = hashlib.sha256(content).hexdigest()
    if ReferenceDataset.objects.filter(sha256=digest).exists():
        raise ValidationError(_("This file is already loaded."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(_("The file is not UTF-8 text.")) from None
    reader = csv.DictReader(io.StringIO(text))
    header = set(reader.fieldnames or [])
    if "gender" not in header or not header & set(CTDC_EXPLOITATION):
        raise ValidationError(
            _("This does not look like a CTDC dataset: no gender or type of exploitation column.")
        )
    total, counts = reference_counts(reader)
    dataset = ReferenceDataset.objects.create(
        name=name,
        source=source,
        file_name=file_name[:200],
        sha256=digest,
        records=total,
        imported_by=by,
    )
    ReferenceCount.objects.bulk_create(
        ReferenceCount(dataset=dataset, dimension=dimension, value=value[:80], count=count)
        for (dimension, value), count in counts.items()
    )
    record(
        action="import",
        actor=by,
        object_type="reference_dataset",
        object_id=str(dataset.id),
        purpose="statistics",
    )
    return dataset
