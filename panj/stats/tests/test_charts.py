"""Charts drawn on the server: accessible SVG with no inline style."""

from __future__ import annotations

from panj.stats import charts
from panj.stats.tables import Series


def sample(chart: str = "bar", values=(12, None, 0)) -> Series:
    return Series(
        key="gender",
        title="Cases <by> gender",
        codes=["a", "b", "c"],
        labels=["Female", "Male", "Other"],
        values=list(values),
        chart=chart,
    )


def test_it_titles_and_describes_every_chart():
    for kind in ("bar", "line"):
        svg = str(charts.chart(sample(kind)))
        assert 'role="img"' in svg
        assert 'aria-labelledby="chart-gender-t chart-gender-d"' in svg
        assert '<title id="chart-gender-t">Cases &lt;by&gt; gender</title>' in svg
        assert "Female: 12" in svg and "Male: hidden" in svg
        assert "style=" not in svg


def test_it_draws_the_border_provinces_as_a_labelled_schematic_map():
    series = Series(
        key="province",
        title="By province",
        codes=["AF17", "tj-gbao", "AF15"],
        labels=["Kunduz", "Gorno-Badakhshan", "Badakhshan"],
        values=[40, None, 0],
        chart="map",
    )
    svg = str(charts.chart(series))
    assert "Schematic tile map" in svg
    assert 'class="map-5"' in svg  # the largest count, darkest
    assert 'class="map-hidden"' in svg and 'class="map-0"' in svg
    assert "style=" not in svg
