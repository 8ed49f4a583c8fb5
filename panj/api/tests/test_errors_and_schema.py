"""Refusals in JSON with a reason, never a redirect or a server error; the published schema."""

from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.mark.parametrize("name", ["api:api-root", "api:referrals", "api:openapi-json"])
def test_it_answers_anonymous_requests_with_401_json(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_it_answers_anonymous_requests_for_a_referral_with_401(client, sent):
    response = client.get(reverse("api:referral", kwargs={"referral_id": sent.id}))
    assert response.status_code == 401
    assert "Zahra" not in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["?direction=sideways", "?status=lost", "?page=0", "?page=x", "?page=99999999999"],
)
def test_it_explains_a_bad_parameter(alice, client_for, query):
    response = client_for(alice).get(reverse("api:referrals") + query)
    assert response.status_code == 422
    body = response.json()
    assert body["detail"]
    assert body["errors"] and body["errors"][0]["loc"][0] == "query"


def test_it_explains_a_bad_id(alice, client_for):
    response = client_for(alice).get("/api/referrals/not-an-id/")
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["path", "referral_id"]


def test_it_publishes_the_schema_of_its_endpoints(alice, client_for):
    response = client_for(alice).get(reverse("api:openapi-json"))
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) >= {"/api/referrals/", "/api/referrals/{referral_id}/"}
    for operation in (
        schema["paths"]["/api/referrals/"]["get"],
        schema["paths"]["/api/referrals/{referral_id}/"]["get"],
    ):
        assert "200" in operation["responses"]
        assert operation["security"]
    parameters = {p["name"] for p in schema["paths"]["/api/referrals/"]["get"]["parameters"]}
    assert parameters == {"direction", "status", "page"}
    assert "ReferralDetail" in schema["components"]["schemas"]


def test_it_offers_no_documentation_page_from_a_cdn(alice, client_for):
    assert client_for(alice).get("/api/docs").status_code == 404


def test_it_lists_what_it_offers(alice, client_for):
    body = client_for(alice).get(reverse("api:api-root")).json()
    assert body == {"referrals": "/api/referrals/", "schema": "/api/openapi.json"}
