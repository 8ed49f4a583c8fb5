"""Gives every request an id, echoed in `X-Request-ID`, so that log entries can be tied to it."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

HEADER = "X-Request-ID"
_VALID = re.compile(r"[A-Za-z0-9-]{8,64}")

# The id of the request being served, for writes that are not handed the request itself.
current_request_id: ContextVar[str] = ContextVar("panj_request_id", default="")


def clean_request_id(value: str | None) -> str:
    """`value` if it is a plausible id from a proxy in front of Panj; "" otherwise."""
    if value and _VALID.fullmatch(value):
        return value
    return ""


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = clean_request_id(request.headers.get(HEADER)) or uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response[HEADER] = request_id
        return response
