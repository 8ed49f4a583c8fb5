"""Every response carries a request id, which the entries written for that request share."""

from __future__ import annotations

import re

from django.urls import reverse


def test_it_gives_every_response_a_request_id(db, client):
    response = client.get(reverse("healthz"))
    assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
    assert client.get(reverse("healthz"))["X-Request-ID"] != response["X-Request-ID"]


def test_it_keeps_a_plausible_request_id_from_a_proxy(db, client):
    response = client.get(reverse("healthz"), headers={"X-Request-ID": "edge-4f2a9c71"})
    assert response["X-Request-ID"] == "edge-4f2a9c71"


def test_it_replaces_an_implausible_request_id(db, client):
    for sent in ("short", "has spaces in it", "x" * 65, "<script>alert(1)</script>"):
        response = client.get(reverse("healthz"), headers={"X-Request-ID": sent})
        assert response["X-Request-ID"] != sent
        assert re.fullmatch(r"[0-9a-f]{32}", response["X-Request-ID"])
