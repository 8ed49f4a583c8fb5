"""Writes to the library: items, their checked files, their removal."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from panj.accounts.models import User
from panj.directory.models import Area, Country, Organisation
from panj.knowledge.models import LibraryFile, LibraryItem
from panj.knowledge.uploads import CleanFile
from panj.knowledge.vocabulary import TEXT_LANGUAGES, Visibility


@dataclass(frozen=True)
class ItemDetails:
    """What a contributor says about a library item."""

    kind: str
    language: str
    titles: Mapping[str, str]
    summaries: Mapping[str, str] = field(default_factory=dict)
    visibility: str = Visibility.NETWORK
    topics: Sequence[str] = ()
    tags: str = ""
    link: str = ""
    countries: Sequence[Country] = ()
    areas: Sequence[Area] = ()


def _apply(item: LibraryItem, details: ItemDetails) -> None:
    item.kind = details.kind
    item.language = details.language
    item.visibility = details.visibility
    item.topics = list(details.topics)
    item.tags = ", ".join(tag.strip() for tag in details.tags.split(",") if tag.strip())
    item.link = details.link
    for code in TEXT_LANGUAGES:
        setattr(item, f"title_{code}", details.titles.get(code, "").strip())
        setattr(item, f"summary_{code}", details.summaries.get(code, "").strip())


@transaction.atomic
def add_library_item(
    *,
    organisation: Organisation,
    by: User | None,
    details: ItemDetails,
    files: Sequence[CleanFile] = (),
) -> LibraryItem:
    """A new item of `organisation`'s, with its files already checked and cleaned."""
    item = LibraryItem(organisation=organisation, created_by=by)
    _apply(item, details)
    item.full_clean(exclude=["countries", "areas", "created_by", "organisation"])
    item.save()
    item.countries.set(details.countries)
    item.areas.set(details.areas)
    add_library_files(item=item, files=files)
    return item


@transaction.atomic
def update_library_item(
    *, item: LibraryItem, details: ItemDetails, files: Sequence[CleanFile] = ()
) -> LibraryItem:
    """The item as now described, with any further checked files: all saved or none."""
    _apply(item, details)
    item.full_clean(exclude=["countries", "areas", "created_by", "organisation"])
    item.save()
    item.countries.set(details.countries)
    item.areas.set(details.areas)
    add_library_files(item=item, files=files)
    return item


@transaction.atomic
def add_library_files(*, item: LibraryItem, files: Sequence[CleanFile]) -> list[LibraryFile]:
    """Store cleaned files under random names; a file is reachable only through its row."""
    added = []
    for clean in files:
        stored = LibraryFile(
            item=item, name=clean.name, content_type=clean.content_type, size=len(clean.content)
        )
        stored.file.save(clean.name, ContentFile(clean.content), save=False)
        stored.save()
        added.append(stored)
    return added


@transaction.atomic
def remove_library_file(*, file: LibraryFile) -> None:
    name = file.file.name
    file.delete()
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))


@transaction.atomic
def delete_library_item(*, item: LibraryItem) -> None:
    names = [stored.file.name for stored in item.files.all() if stored.file.name]
    item.delete()

    def remove_files() -> None:
        for name in names:
            default_storage.delete(name)

    transaction.on_commit(remove_files)
