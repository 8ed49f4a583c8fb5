"""Signals other apps listen to without cases importing them: sent inside the change's transaction.

`identity_changed(case_id)`: a case's identifying fields changed (or it was registered).
`consent_changed(case_id, purpose)`: a consent of the case was given or withdrawn.
"""

from __future__ import annotations

from django.dispatch import Signal

identity_changed = Signal()
consent_changed = Signal()
