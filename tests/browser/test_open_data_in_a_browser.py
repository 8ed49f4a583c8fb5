"""A coordinator builds an open-data release, another coordinator publishes it, and anyone
signed out finds it at /open-data/ with its method note and downloads."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def reviewer(demo):
    """A second coordinator, at the other IOM mission: a release needs a reviewer who did not
    build it."""
    from panj.accounts.roles import Role
    from panj.accounts.services import add_member
    from panj.cases.demo import load_demo_cases
    from panj.directory.demo import DEMO_PASSWORD
    from panj.directory.models import Organisation

    load_demo_cases()
    add_member(
        organisation=Organisation.objects.get(slug="iom-dushanbe"),
        email="gulnora@demo.panj.org",
        full_name="Gulnora Rahimova",
        role=Role.NETWORK_COORDINATOR,
        password=DEMO_PASSWORD,
    )
    return "gulnora@demo.panj.org"


def test_it_builds_a_release_that_the_public_page_shows_signed_out(browser, live_server, reviewer):
    from panj.stats.models import Release

    builder = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    page = builder.new_page()
    sign_in(page, "dave@demo.panj.org")
    page.get_by_role("link", name="Statistics").first.click()
    page.wait_for_url("**/stats/network/")
    assert page.locator("svg[role=img] title").count() >= 5
    screenshot(page, "stats-network-dashboard")
    page.get_by_role("link", name="Releases").first.click()
    page.get_by_label("Title").fill("Border provinces, open figures")
    page.get_by_label("Privacy-loss budget (ε)").fill("4")
    page.get_by_role("button", name="Build the release").click()
    page.wait_for_url("**/stats/releases/*-*/")
    assert page.get_by_role("button", name="Publish this release").count() == 0
    release = Release.objects.get(title="Border provinces, open figures")
    assert not release.is_published
    builder.close()

    reviewing = browser.new_context(
        viewport={"width": 360, "height": 780}, base_url=live_server.url
    )
    page = reviewing.new_page()
    sign_in(page, reviewer)
    page.goto(f"/stats/releases/{release.id}/")
    page.get_by_role("button", name="Publish this release").click()
    page.wait_for_url(f"**/open-data/{release.id}/")
    reviewing.close()

    public = browser.new_context(
        viewport={"width": 360, "height": 780}, base_url=live_server.url, java_script_enabled=False
    )
    page = public.new_page()
    page.goto("/open-data/")
    assert "/accounts/login/" not in page.url
    page.get_by_role("link", name="Border provinces, open figures").click()
    page.wait_for_url(f"**/open-data/{release.id}/")
    assert page.get_by_text("Small-cell suppression").count() == 1
    with page.expect_download() as download:
        page.get_by_role("link", name="gender.csv").click()
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert content.splitlines()[1].startswith("#indicator+sex+code")
    screenshot(page, "open-data-release-phone")
    public.close()
