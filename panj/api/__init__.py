"""Panj's JSON API under /api/: typed schemas, an OpenAPI description, the browser session."""
