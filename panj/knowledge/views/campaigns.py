"""Pages of awareness campaigns: list, create and change, messages, reach and its totals."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from panj.accounts.access import may, require
from panj.accounts.roles import Perm
from panj.knowledge import access
from panj.knowledge.figures import reach_of
from panj.knowledge.forms.events import CampaignForm, MessageForm, ReachForm
from panj.knowledge.models.campaigns import AgeGroup
from panj.knowledge.services import campaigns as services
from panj.knowledge.views.shared import part_form_page, record_form_page


@require_GET
def campaign_list(request: HttpRequest) -> HttpResponse:
    campaigns = (
        access.visible_campaigns(request).select_related("organisation").prefetch_related("areas")
    )
    context = {"campaigns": list(campaigns), "may_organise": may(request, Perm.ORGANISE_EVENTS)}
    return render(request, "knowledge/campaigns/campaign_list.html", context)


@require_http_methods(["GET", "POST"])
def campaign_create(request: HttpRequest) -> HttpResponse:
    membership = require(request, Perm.ORGANISE_EVENTS)
    form = CampaignForm(request.POST or None)
    return record_form_page(
        request,
        form,
        record=None,
        save=lambda: services.save_campaign(form=form, organisation=membership.organisation),
        saved=_("Campaign created."),
        title=_("New campaign"),
        url_name="knowledge:campaign",
    )


@require_GET
def campaign_detail(request: HttpRequest, campaign_id: uuid.UUID) -> HttpResponse:
    campaign = access.access_campaign(request, campaign_id)
    figures = list(campaign.reach.all())
    reach = reach_of(campaign, figures)
    context = {
        "campaign": campaign,
        "may_edit": access.may_edit_campaign(request, campaign),
        "partners": list(campaign.partners.all()),
        "areas": list(campaign.areas.select_related("parent")),
        "campaign_messages": list(campaign.messages.all()),
        "figures": figures,
        "reach": reach,
        "reach_rows": [(label, reach.by_age_group[code]) for code, label in AgeGroup.choices],
        "message_form": MessageForm(auto_id="message_%s"),
        "reach_form": ReachForm(auto_id="reach_%s"),
    }
    return render(request, "knowledge/campaigns/campaign_detail.html", context)


@require_http_methods(["GET", "POST"])
def campaign_edit(request: HttpRequest, campaign_id: uuid.UUID) -> HttpResponse:
    campaign = access.access_campaign_for_edit(request, campaign_id)
    form = CampaignForm(request.POST or None, instance=campaign)
    return record_form_page(
        request,
        form,
        record=campaign,
        save=lambda: services.save_campaign(form=form),
        saved=_("Campaign saved."),
        title=_("Change the campaign"),
        url_name="knowledge:campaign",
    )


@require_http_methods(["GET", "POST"])
def add_message(request: HttpRequest, campaign_id: uuid.UUID) -> HttpResponse:
    campaign = access.access_campaign_for_edit(request, campaign_id)
    form = MessageForm(request.POST or None)
    return part_form_page(
        request,
        form,
        save=lambda: services.add_message(campaign=campaign, **form.cleaned_data),
        title=_("Add a message"),
        record=campaign,
        url_name="knowledge:campaign",
        part="messages",
    )


@require_http_methods(["GET", "POST"])
def add_reach(request: HttpRequest, campaign_id: uuid.UUID) -> HttpResponse:
    campaign = access.access_campaign_for_edit(request, campaign_id)
    form = ReachForm(request.POST or None)
    return part_form_page(
        request,
        form,
        save=lambda: services.report_reach(campaign=campaign, **form.cleaned_data),
        saved=_("Reach recorded."),
        title=_("Record reach"),
        record=campaign,
        url_name="knowledge:campaign",
        part="reach",
    )
