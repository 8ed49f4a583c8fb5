"""Security baseline: headers on every response, production settings, the health check."""

import os
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

ROOT = Path(__file__).resolve().parents[3]


def test_it_sends_the_security_headers(client, db):
    response = client.get(reverse("accounts:login"))
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_has_no_inline_script_in_pages(client_for, alice):
    body = client_for(alice).get(reverse("home")).content.decode()
    assert "<script>" not in body and "onclick" not in body and "style=" not in body


def test_it_answers_the_health_check_without_sign_in(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_it_passes_the_deployment_check_with_production_settings(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "PANJ_SECRET_KEY": "x" * 64 + "production-secret-for-the-check",
        "PANJ_ALLOWED_HOSTS": "panj.example.org",
        "PANJ_MASTER_KEY": "A" * 43 + "=",  # 32 bytes; production refuses to start without one
        "PANJ_DATA_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "panj.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_it_keeps_the_development_secret_out_of_git():
    ignored = (ROOT / ".gitignore").read_text()
    assert "/var/" in ignored
