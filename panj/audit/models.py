"""Entries of the audit log and the head that says where the chain ends.

An entry names people and records only by id: who acted (a staff account), in which
organisation, on which object, which fields, for what purpose. Never a survivor's name, never
a value. Entries are chained by a keyed hash (see `chain.py`) and the database refuses to
change or delete them (migration `0002_forbid_update_delete`).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from panj.core.models import UUIDModel


class Action(models.TextChoices):
    SIGN_IN = "sign_in", _("Signed in")
    SIGN_OUT = "sign_out", _("Signed out")
    SIGN_IN_FAILED = "sign_in_failed", _("Failed sign-in")
    CASE_READ = "case_read", _("Read a case")
    CASE_REVIEW = "case_review", _("Reviewed a case")
    CASE_CREATE = "case_create", _("Registered a case")
    CASE_CHANGE = "case_change", _("Changed a case")
    CASE_EXPORT = "case_export", _("Exported cases")
    CASE_IMPORT = "case_import", _("Imported cases")
    CASE_PRINT = "case_print", _("Printed a case")
    CONSENT_GIVEN = "consent_given", _("Recorded a consent")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Recorded a withdrawal of consent")
    REFERRAL_SEND = "referral_send", _("Sent a referral")
    REFERRAL_READ = "referral_read", _("Read a referral")
    REFERRAL_CHANGE = "referral_change", _("Changed a referral")
    IMPORT = "import", _("Imported data")
    EXPORT = "export", _("Exported data")
    LINKAGE_RUN = "linkage_run", _("Ran duplicate detection")
    CHECK_ASK = "check_ask", _("Asked for a duplicate check")
    CHECK_ACCEPT = "check_accept", _("Accepted a duplicate check")
    CHECK_DECLINE = "check_decline", _("Declined a duplicate check")
    CHECK_WITHDRAW = "check_withdraw", _("Withdrew a request for a duplicate check")
    STAFF_CHANGE = "staff_change", _("Changed a staff account")


# Purposes the log knows how to name; any other short code is shown as it is.
PURPOSES = {
    "assistance": _("assistance"),
    "review": _("review"),
    "referral": _("referral"),
    "linkage": _("duplicate detection"),
    "statistics": _("statistics"),
}


class AuditEntry(UUIDModel):
    """One thing that happened. Written once by `services.record`, never changed."""

    sequence = models.PositiveBigIntegerField(_("sequence"), unique=True, editable=False)
    at = models.DateTimeField(_("time"), editable=False)
    action = models.CharField(_("action"), max_length=32, choices=Action.choices)
    # Plain ids, not foreign keys: deleting an account or an organisation must not edit the log.
    actor_id = models.UUIDField(_("user id"), null=True, blank=True)
    actor_label = models.CharField(_("user"), max_length=254, blank=True)
    organisation_id = models.UUIDField(_("organisation id"), null=True, blank=True)
    object_type = models.CharField(_("object type"), max_length=64, blank=True)
    # Ids only; a page of a list names every case it showed, hence no length limit.
    object_id = models.TextField(_("object id"), blank=True)
    fields = models.JSONField(_("fields"), default=list, blank=True)
    purpose = models.CharField(_("purpose"), max_length=64, blank=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    previous_hash = models.CharField(_("previous hash"), max_length=64, blank=True)
    hash = models.CharField(_("hash"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        ordering = ["sequence"]
        indexes = [
            models.Index(fields=["organisation_id", "sequence"], name="audit_org_sequence"),
            models.Index(fields=["organisation_id", "actor_id"], name="audit_org_actor"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(sequence__gte=1), name="audit_sequence_gte_1")
        ]

    def __str__(self) -> str:
        return f"#{self.sequence} {self.action}"

    def purpose_label(self) -> str:
        return str(PURPOSES.get(self.purpose, self.purpose))


class AuditHead(models.Model):
    """The one row that says how long the chain is, so that removing its tail is noticed.

    `mac` binds the sequence to the last hash with the chain's key: without the key, nobody
    can move the head back after deleting the newest entries.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    last_sequence = models.PositiveBigIntegerField(_("last sequence"), default=0)
    last_hash = models.CharField(_("last hash"), max_length=64, blank=True)
    mac = models.CharField(_("seal"), max_length=64, blank=True)

    class Meta:
        verbose_name = _("audit log head")
        verbose_name_plural = _("audit log head")
        constraints = [models.CheckConstraint(condition=models.Q(id=1), name="audit_head_single")]

    def __str__(self) -> str:
        return f"head #{self.last_sequence}"
