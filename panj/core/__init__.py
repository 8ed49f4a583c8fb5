"""Shared pieces with no domain models: model mixins, htmx helpers, template tags."""
