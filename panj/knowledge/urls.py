"""Addresses of the knowledge app under /knowledge/, and its public pages under /public/."""

from django.urls import path

from panj.knowledge.views import campaigns, events, index, programmes
from panj.knowledge.views import library as library_views
from panj.knowledge.views import news as news_views

app_name = "knowledge"

urlpatterns = [
    path("", index.index, name="index"),
    # --- Library and news ---
    path("library/", library_views.library, name="library"),
    path("library/new/", library_views.item_new, name="library_new"),
    path("library/<uuid:item_id>/", library_views.item_detail, name="library_item"),
    path("library/<uuid:item_id>/edit/", library_views.item_edit, name="library_edit"),
    path("library/<uuid:item_id>/delete/", library_views.item_delete, name="library_delete"),
    path(
        "library/<uuid:item_id>/files/<uuid:file_id>/",
        library_views.file_download,
        name="library_file",
    ),
    path(
        "library/<uuid:item_id>/files/<uuid:file_id>/delete/",
        library_views.file_delete,
        name="library_file_delete",
    ),
    path("news/", news_views.news, name="news"),
    path("news/new/", news_views.post_new, name="news_new"),
    path("news/feed/", news_views.members_feed, name="news_feed"),
    path("news/feed/address/", news_views.feed_address, name="news_feed_address"),
    path("news/<uuid:post_id>/", news_views.post_detail, name="news_post"),
    path("news/<uuid:post_id>/edit/", news_views.post_edit, name="news_edit"),
    path("news/<uuid:post_id>/delete/", news_views.post_delete, name="news_delete"),
    # --- end of library and news ---
]

# --- Events, follow-up actions, programmes and campaigns ---
urlpatterns += [
    path("events/", events.event_list, name="events"),
    path("events/new/", events.event_create, name="event_new"),
    path("events/feed.ics", events.events_feed, name="events_feed"),
    path("events/<uuid:event_id>/", events.event_detail, name="event"),
    path("events/<uuid:event_id>/edit/", events.event_edit, name="event_edit"),
    path("events/<uuid:event_id>/event.ics", events.event_ics, name="event_ics"),
    path("events/<uuid:event_id>/agenda/new/", events.add_agenda_item, name="add_agenda_item"),
    path("events/<uuid:event_id>/attendance/", events.record_attendance, name="record_attendance"),
    path("events/<uuid:event_id>/attendees/", events.edit_attendees, name="edit_attendees"),
    path("events/<uuid:event_id>/actions/new/", events.add_action, name="add_action"),
    path("actions/", events.action_list, name="actions"),
    path("actions/<uuid:action_id>/status/", events.action_status, name="action_status"),
    path("programmes/", programmes.programme_list, name="programmes"),
    path("programmes/new/", programmes.programme_create, name="programme_new"),
    path("programmes/<uuid:programme_id>/", programmes.programme_detail, name="programme"),
    path("programmes/<uuid:programme_id>/edit/", programmes.programme_edit, name="programme_edit"),
    path(
        "programmes/<uuid:programme_id>/indicators/new/",
        programmes.add_indicator,
        name="add_indicator",
    ),
    path(
        "programmes/<uuid:programme_id>/progress/new/",
        programmes.add_progress,
        name="add_progress",
    ),
    path("campaigns/", campaigns.campaign_list, name="campaigns"),
    path("campaigns/new/", campaigns.campaign_create, name="campaign_new"),
    path("campaigns/<uuid:campaign_id>/", campaigns.campaign_detail, name="campaign"),
    path("campaigns/<uuid:campaign_id>/edit/", campaigns.campaign_edit, name="campaign_edit"),
    path("campaigns/<uuid:campaign_id>/messages/new/", campaigns.add_message, name="add_message"),
    path("campaigns/<uuid:campaign_id>/reach/new/", campaigns.add_reach, name="add_reach"),
    # --- end of events, programmes and campaigns ---
]

# Pages anyone may open, mounted in the "public" namespace by panj/urls.py.
public_patterns = [
    # --- Library and news ---
    path("library/", library_views.public_library, name="library"),
    path("library/<uuid:item_id>/", library_views.public_item, name="library_item"),
    path(
        "library/<uuid:item_id>/files/<uuid:file_id>/",
        library_views.public_file,
        name="library_file",
    ),
    path("news/", news_views.public_news, name="news"),
    path("news/feed/", news_views.public_feed, name="news_feed"),
    path(
        "news/members-feed/<str:token>/",
        news_views.members_feed_by_address,
        name="news_members_feed",
    ),
    path("news/<uuid:post_id>/", news_views.public_post, name="news_post"),
    # --- end of library and news ---
    # --- Events ---
    path("events/feed.ics", events.public_events_feed, name="events_feed"),
]
