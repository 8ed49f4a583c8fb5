"""The files of an open-data release: CSV with HXL hashtags, XLSX, microdata, method note.

Labels are written in English whatever the builder's language, so a release reads the same
for everyone; codes are the HTCDS and ISO codes. An empty count is a hidden one.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from openpyxl import Workbook

from panj.stats.tables import CrossTable, Series, Statistic

TOTAL = "Total"


def _name_tag(tag: str) -> str:
    return tag.replace("+code", "+name") if "+code" in tag else f"{tag}+name"


def table_rows(statistic: Statistic) -> list[list[str | int | None]]:
    """Header, HXL hashtag row, then data rows (and a total row), as written to CSV and XLSX."""
    if isinstance(statistic, Series):
        rows: list[list[str | int | None]] = [
            ["code", "label", "count"],
            [statistic.hxl, _name_tag(statistic.hxl), statistic.count_hxl],
        ]
        rows += [[code, label, value] for code, label, value in statistic.rows]
        if statistic.total is not None or statistic.additive:
            rows.append(["", TOTAL, statistic.total])
        return rows
    header: list[str | int | None] = ["code", statistic.row_title, *statistic.column_labels, TOTAL]
    tags: list[str | int | None] = [
        statistic.row_hxl,
        _name_tag(statistic.row_hxl),
        *statistic.column_hxl,
        "#affected+ind+total",
    ]
    rows = [header, tags]
    for code, label, cells, total in statistic.rows:
        rows.append([code, label, *cells, total])
    rows.append(["", TOTAL, *statistic.column_totals, statistic.total])
    return rows


def _csv(rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    # A byte-order mark so that spreadsheet programs read UTF-8 (Cyrillic, Dari) correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_csv(statistic: Statistic) -> bytes:
    return _csv(table_rows(statistic))


def tables_xlsx(statistics: Sequence[Statistic], note: str) -> bytes:
    book = Workbook()
    about = book.active
    assert about is not None
    about.title = "About"
    for line in note.splitlines():
        about.append([line])
    for statistic in statistics:
        sheet = book.create_sheet(statistic.key[:31])
        for row in table_rows(statistic):
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def microdata_csv(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    return _csv([list(columns), *rows])


def is_table(statistic: Statistic) -> bool:
    return isinstance(statistic, Series | CrossTable)
