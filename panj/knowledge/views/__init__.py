"""Pages of the knowledge app, one module per part of it."""
