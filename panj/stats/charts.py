"""Charts drawn on the server as accessible SVG: bars, a line for years, a tile map.

Each chart has a <title> and a <desc> named by aria-labelledby, and the page shows the same
numbers in a table beside it. Colours and fonts come from classes in stats.css, as the
content security policy allows no inline style.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from panj.stats.tables import Series

DATA = Path(__file__).resolve().parent / "data"
SHADES = 5


def _frame(chart_id: str, title: str, desc: str, width: int, height: int, body: str) -> SafeString:
    return mark_safe(  # noqa: S308 - every text below went through escape()
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>{body}</svg>'
    )


def _describe(series: Series) -> str:
    parts = []
    for _code, label, value in series.rows:
        parts.append(f"{label}: {value if value is not None else _('hidden')}")
    return "; ".join(parts) if parts else _("No data.")


def bar_chart(series: Series, *, chart_id: str) -> SafeString:
    rows = series.rows
    row_height, label_width, width = 22, 170, 480
    height = max(1, len(rows)) * row_height + 8
    scale = (width - label_width - 50) / max(1, series.largest)
    body = []
    for n, (_code, label, value) in enumerate(rows):
        y = 4 + n * row_height
        short = label if len(label) <= 26 else label[:25] + "…"
        body.append(
            f'<text class="chart-label" x="{label_width - 6}" y="{y + 15}" text-anchor="end">'
            f"{escape(short)}</text>"
        )
        if value is None:
            body.append(
                f'<rect class="chart-hidden" x="{label_width}" y="{y + 3}" width="24" '
                f'height="{row_height - 6}"/><text class="chart-value" x="{label_width + 30}" '
                f'y="{y + 15}">{escape(_("hidden"))}</text>'
            )
            continue
        bar = max(1.0, value * scale) if value else 0
        body.append(
            f'<rect class="chart-bar" x="{label_width}" y="{y + 3}" width="{bar:.1f}" '
            f'height="{row_height - 6}"/><text class="chart-value" x="{label_width + bar + 4:.1f}" '
            f'y="{y + 15}">{value}</text>'
        )
    return _frame(chart_id, series.title, _describe(series), width, height, "".join(body))


def line_chart(series: Series, *, chart_id: str) -> SafeString:
    width, height, pad = 480, 200, 36
    rows = series.rows
    if not rows:
        return _frame(chart_id, series.title, _("No data."), width, 40, "")
    step = (width - 2 * pad) / max(1, len(rows) - 1)
    top = max(1, series.largest)

    def y_of(value: int) -> float:
        return height - pad - value * (height - 2 * pad) / top

    body = [
        f'<line class="chart-axis" x1="{pad}" y1="{height - pad}" x2="{width - pad}" '
        f'y2="{height - pad}"/>'
    ]
    points: list[str] = []
    for n, (_code, label, value) in enumerate(rows):
        x = pad + n * step if len(rows) > 1 else width / 2
        body.append(
            f'<text class="chart-label" x="{x:.1f}" y="{height - pad + 16}" '
            f'text-anchor="middle">{escape(label)}</text>'
        )
        if value is None:
            body.append(
                f'<text class="chart-value" x="{x:.1f}" y="{height - pad - 6}" '
                f'text-anchor="middle">–</text>'
            )
            if len(points) > 1:
                body.append(f'<polyline class="chart-line" points="{" ".join(points)}"/>')
            points = []
            continue
        points.append(f"{x:.1f},{y_of(value):.1f}")
        body.append(
            f'<circle class="chart-dot" cx="{x:.1f}" cy="{y_of(value):.1f}" r="3"/>'
            f'<text class="chart-value" x="{x:.1f}" y="{y_of(value) - 8:.1f}" '
            f'text-anchor="middle">{value}</text>'
        )
    if len(points) > 1:
        body.append(f'<polyline class="chart-line" points="{" ".join(points)}"/>')
    return _frame(chart_id, series.title, _describe(series), width, height, "".join(body))


@cache
def tiles() -> dict[str, Any]:
    with (DATA / "tiles.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def shade(value: int | None, largest: int) -> str:
    if value is None:
        return "map-hidden"
    if not value or not largest:
        return "map-0"
    return f"map-{min(SHADES, 1 + (SHADES - 1) * value // largest)}"


def tile_map(series: Series, *, chart_id: str) -> SafeString:
    layout = tiles()
    cell, gap, river = 110, 6, 26
    width = layout["columns"] * cell
    height = layout["rows"] * cell + river
    values = dict(zip(series.codes, series.values, strict=True))
    labels = dict(zip(series.codes, series.labels, strict=True))
    body = []
    river_y = (layout["river_after_row"] + 1) * cell
    body.append(
        f'<rect class="map-river" x="0" y="{river_y + 4}" width="{width}" height="{river - 8}"/>'
        f'<text class="chart-label" x="{width / 2}" y="{river_y + river / 2 + 4}" '
        f'text-anchor="middle">{escape(_("Panj river (schematic)"))}</text>'
    )
    for tile in layout["tiles"]:
        key = tile["code"]  # the P-code where one is known, else the network's area key
        x = tile["column"] * cell + gap / 2
        y = tile["row"] * cell + gap / 2 + (river if tile["row"] > layout["river_after_row"] else 0)
        w, h = tile["width"] * cell - gap, tile["height"] * cell - gap
        value = values.get(key, 0)
        label = labels.get(key, tile["short"])
        shown = _("hidden") if value is None else str(value)
        body.append(
            f"<g><title>{escape(label)}: {escape(shown)}</title>"
            f'<rect class="{shade(value, series.largest)}" x="{x}" y="{y}" width="{w}" '
            f'height="{h}" rx="6"/>'
            f'<text class="map-name" x="{x + w / 2}" y="{y + h / 2 - 4}" text-anchor="middle">'
            f"{escape(label if len(label) <= 18 else tile['short'])}</text>"
            f'<text class="map-value" x="{x + w / 2}" y="{y + h / 2 + 16}" '
            f'text-anchor="middle">{escape(shown)}</text></g>'
        )
    desc = _("Schematic tile map, one tile per province, not to scale. ") + _describe(series)
    return _frame(chart_id, series.title, desc, width, height, "".join(body))


def chart(series: Series) -> SafeString:
    chart_id = f"chart-{series.key}"
    if series.chart == "line":
        return line_chart(series, chart_id=chart_id)
    if series.chart == "map":
        return tile_map(series, chart_id=chart_id)
    return bar_chart(series, chart_id=chart_id)
