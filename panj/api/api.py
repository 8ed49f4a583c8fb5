"""The API object: the browser session signs requests in, and every refusal says why in JSON."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import django_auth

from panj.api import referrals

View = Callable[..., HttpResponse]


def not_signed_in() -> JsonResponse:
    return JsonResponse(
        {"detail": _("Sign in first: the API answers requests of a signed-in session.")},
        status=401,
    )


def signed_in(view: View) -> View:
    """For the API's own pages outside ninja's operations (the schema, the index)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return not_signed_in()
        return view(request, *args, **kwargs)

    return wrapper


api = NinjaAPI(
    title="Panj",
    version="1",
    description=(
        "Read-only JSON API of Panj. Requests are signed in with the browser session "
        "(the session cookie); unsafe methods also need the CSRF token."
    ),
    urls_namespace="api",
    auth=django_auth,
    openapi_url="/openapi.json",
    # No interactive documentation page: it loads its scripts from a CDN.
    docs_url=None,
    docs_decorator=signed_in,
)
api.add_router("/referrals/", referrals.router)


def _problem(request: HttpRequest, detail: str, status: int) -> HttpResponse:
    return api.create_response(request, {"detail": detail}, status=status)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return not_signed_in()


@api.exception_handler(Http404)
def _not_found(request: HttpRequest, exc: Http404) -> HttpResponse:
    # The same answer for "does not exist" and "not yours".
    return _problem(request, _("Not found."), 404)


@api.exception_handler(PermissionDenied)
def _forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return _problem(request, str(exc) or _("This is not allowed."), 403)


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    errors = [
        {
            "loc": [str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg", "")),
            "type": str(error.get("type", "")),
        }
        for error in exc.errors
    ]
    return api.create_response(
        request,
        {"detail": _("Some parameters are not valid."), "errors": errors},
        status=422,
    )


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return _problem(request, _("The request could not be answered."), exc.status_code)
