"""Pages stay small for slow, expensive connections: all CSS and JS under 50 KB compressed."""

import gzip
from pathlib import Path

STATIC = Path(__file__).resolve().parents[2] / "static"


def test_it_keeps_all_css_and_javascript_under_50_kb_compressed():
    files = [p for p in STATIC.rglob("*") if p.suffix in {".css", ".js"}]
    assert files, "no static files found"
    total = sum(len(gzip.compress(p.read_bytes(), compresslevel=9)) for p in files)
    assert total < 50 * 1024, total


def test_it_serves_no_asset_from_another_host(client_for, alice):
    from django.urls import reverse

    body = client_for(alice).get(reverse("home")).content.decode()
    assert "http://" not in body.split("<body>")[0]
    assert "https://" not in body.split("<body>")[0]
