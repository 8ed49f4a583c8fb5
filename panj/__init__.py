"""Panj: the shared workspace of a cross-border counter-trafficking network."""
