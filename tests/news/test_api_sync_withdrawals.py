"""Sync clients learn which items left the public site, and never about items that were not on it."""

import datetime as dt

import pytest
from django.urls import reverse

from news import workflow
from news.models import NewsItem, Withdrawal
from parks.models import Park
from tests.news.factories import ChannelFactory, NewsItemFactory
from tests.parks.factories import IndustryFactory, ParkFactory, PlatformFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rows_settle_at_once")]

WITHDRAWALS_URL = "/api/v1/sync/news/withdrawals/"
SYNC_URL = "/api/v1/sync/news/"
T0 = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.UTC)
Status = NewsItem.Status


def withdrawn(api_client, url=WITHDRAWALS_URL) -> list[str]:
    response = api_client.get(url)
    assert response.status_code == 200
    return [entry["slug"] for entry in response.json()["results"]]


def test_an_unpublished_item_is_listed_with_its_former_address_and_time(
    api_client, publisher, time_machine
):
    time_machine.move_to(T0, tick=False)
    item = NewsItemFactory(slug="retracted", published_at=T0 - dt.timedelta(days=2))

    workflow.unpublish([item], user=publisher)

    response = api_client.get(WITHDRAWALS_URL)
    assert response.json()["results"] == [
        {
            "url": "http://testserver/api/v1/news/retracted/",
            "slug": "retracted",
            "withdrawn_at": "2026-03-01T08:00:00Z",
            "left": None,
        }
    ]
    assert api_client.get("/api/v1/news/retracted/").status_code == 404


def test_admin_actions_and_bulk_delete_withdraw_every_public_item_they_touch(
    client, api_client, staff_user
):
    archived, unpublished, deleted = (
        NewsItemFactory(slug="archived"),
        NewsItemFactory(slug="unpublished"),
        NewsItemFactory(slug="deleted"),
    )
    client.force_login(staff_user)
    changelist = reverse("admin:news_newsitem_changelist")

    for action, item in [("archive", archived), ("unpublish", unpublished)]:
        data = {"action": action, "_selected_action": [item.pk], "post": "yes"}
        assert client.post(changelist, data).status_code == 302
    data = {"action": "delete_selected", "_selected_action": [deleted.pk], "post": "yes"}
    assert client.post(changelist, data).status_code == 302

    assert not NewsItem.objects.filter(pk=deleted.pk).exists()
    assert withdrawn(api_client) == ["archived", "unpublished", "deleted"]


def test_api_rename_withdraws_the_old_slug_and_syncs_the_new_one(api_client, staff_user):
    NewsItemFactory(slug="old-name")
    api_client.force_authenticate(staff_user)

    response = api_client.patch("/api/v1/news/old-name/", {"slug": "new-name"}, format="json")
    api_client.force_authenticate(None)

    assert response.status_code == 200
    assert withdrawn(api_client) == ["old-name"]
    assert [entry["slug"] for entry in api_client.get(SYNC_URL).json()["results"]] == ["new-name"]


def test_api_delete_and_rescheduling_into_the_future_withdraw(api_client, staff_user):
    NewsItemFactory(slug="removed")
    NewsItemFactory(slug="postponed")
    api_client.force_authenticate(staff_user)

    assert api_client.delete("/api/v1/news/removed/").status_code == 204
    later = (dt.datetime.now(tz=dt.UTC) + dt.timedelta(days=7)).isoformat()
    response = api_client.patch("/api/v1/news/postponed/", {"published_at": later}, format="json")
    api_client.force_authenticate(None)

    assert response.status_code == 200
    assert withdrawn(api_client) == ["removed", "postponed"]


def test_items_that_were_never_public_leave_no_trace(api_client, publisher):
    draft = NewsItemFactory(slug="secret-draft", status=Status.DRAFT, published_at=None)
    scheduled = NewsItemFactory(
        slug="embargoed", published_at=dt.datetime.now(tz=dt.UTC) + dt.timedelta(days=1)
    )

    draft.slug = "renamed-secret-draft"
    draft.save()
    workflow.unpublish([scheduled], user=publisher)
    draft.delete()
    NewsItem.objects.filter(pk=scheduled.pk).delete()

    assert not Withdrawal.objects.exists()
    assert withdrawn(api_client) == []


def test_edits_that_keep_an_item_public_record_nothing(api_client):
    item = NewsItemFactory()
    item.title = "Corrected title"
    item.save()

    assert not Withdrawal.objects.exists()


def test_a_slug_that_is_public_again_is_no_longer_listed(api_client, publisher, time_machine):
    time_machine.move_to(T0, tick=False)
    item = NewsItemFactory(slug="back-again", published_at=T0 - dt.timedelta(days=1))
    workflow.unpublish([item], user=publisher)
    assert withdrawn(api_client) == ["back-again"]

    time_machine.shift(dt.timedelta(minutes=5))
    item.refresh_from_db()
    item.status, item.published_at = Status.PUBLISHED, T0 + dt.timedelta(hours=1)
    item.save()  # scheduled: not public yet, still withdrawn
    assert withdrawn(api_client) == ["back-again"]

    time_machine.shift(dt.timedelta(hours=2))  # its time comes, with no save
    assert withdrawn(api_client) == []
    sync = api_client.get(SYNC_URL).json()["results"]
    assert [entry["slug"] for entry in sync] == ["back-again"]
    assert sync[0]["changed_at"] > "2026-03-01T08:00:00Z"  # after the withdrawal a client saw


def test_resuming_from_next_returns_only_later_withdrawals(api_client, publisher, time_machine):
    time_machine.move_to(T0, tick=False)
    items = NewsItemFactory.create_batch(5)
    workflow.unpublish(items[:3], user=publisher)

    first = api_client.get(f"{WITHDRAWALS_URL}?page_size=2").json()
    second = api_client.get(first["next"]).json()
    time_machine.shift(dt.timedelta(minutes=1))
    workflow.archive(items[3:], user=publisher)
    third = api_client.get(second["next"]).json()

    assert [len(page["results"]) for page in (first, second, third)] == [2, 1, 2]
    assert (first["has_more"], second["has_more"], third["has_more"]) == (True, False, False)
    slugs = [e["slug"] for page in (first, second, third) for e in page["results"]]
    assert slugs == [item.slug for item in items]


@pytest.mark.parametrize(
    "query", ["cursor=not-a-cursor", "page_size=0", "page_size=x", "ordering=slug", "page=2"]
)
def test_bad_parameters_answer_400(api_client, query):
    assert api_client.get(f"{WITHDRAWALS_URL}?{query}").status_code == 400


def test_withdrawal_pages_cost_the_same_queries_however_many_there_are(
    api_client, publisher, django_assert_max_num_queries
):
    items = NewsItemFactory.create_batch(150)
    workflow.unpublish(items, user=publisher)
    first = api_client.get(WITHDRAWALS_URL).json()

    with django_assert_max_num_queries(3):
        second = api_client.get(first["next"]).json()

    assert len(first["results"]) == 100
    assert len(second["results"]) == 50


def test_writes_are_refused(api_client, staff_user):
    api_client.force_authenticate(staff_user)
    assert api_client.post(WITHDRAWALS_URL, {"slug": "x"}, format="json").status_code == 405


LINKS = {
    "park": ("parks", ParkFactory),
    "platform": ("platforms", PlatformFactory),
    "industry": ("industries", IndustryFactory),
}


def narrowed(api_client, **scope) -> list[dict]:
    response = api_client.get(WITHDRAWALS_URL, scope)
    assert response.status_code == 200
    return [{"slug": entry["slug"], "left": entry["left"]} for entry in response.json()["results"]]


def synced(api_client, **scope) -> list[str]:
    return [entry["slug"] for entry in api_client.get(SYNC_URL, scope).json()["results"]]


@pytest.mark.parametrize("scope", LINKS)
def test_an_item_that_loses_a_link_is_withdrawn_from_copies_narrowed_to_it(api_client, scope):
    relation, factory = LINKS[scope]
    kept, lost = factory(slug="kept"), factory(slug="lost")
    item = NewsItemFactory(slug="moved")
    getattr(item, relation).set([kept, lost])

    getattr(item, relation).remove(lost)

    assert synced(api_client, **{scope: "lost"}) == []
    assert narrowed(api_client, **{scope: "lost"}) == [{"slug": "moved", "left": {scope: "lost"}}]
    assert narrowed(api_client, **{scope: "kept"}) == []
    assert narrowed(api_client) == []  # a full copy keeps it


def test_links_cleared_from_the_park_side_withdraw_each_public_item(api_client):
    park = ParkFactory(slug="cicp")
    public, draft = NewsItemFactory(slug="public"), NewsItemFactory(slug="draft", status="draft")
    park.news_items.set([public, draft])

    park.news_items.clear()

    assert narrowed(api_client, park="cicp") == [{"slug": "public", "left": {"park": "cicp"}}]


def test_an_api_edit_of_the_parks_withdraws_the_item_from_the_park_it_left(api_client, staff_user):
    ParkFactory(slug="cicp"), ParkFactory(slug="sino-swiss")
    item = NewsItemFactory(slug="moved")
    item.parks.set(Park.objects.all())
    api_client.force_authenticate(staff_user)

    response = api_client.patch(
        "/api/v1/news/moved/", {"park_slugs": ["sino-swiss"]}, format="json"
    )
    api_client.force_authenticate(None)

    assert response.status_code == 200
    assert narrowed(api_client, park="cicp") == [{"slug": "moved", "left": {"park": "cicp"}}]
    assert narrowed(api_client, park="sino-swiss") == []


def test_a_change_of_channel_withdraws_the_item_from_the_old_channel(api_client):
    old, new = ChannelFactory(slug="events"), ChannelFactory(slug="policy")
    item = NewsItemFactory(slug="moved", channel=old)

    item.channel = new
    item.save()

    assert narrowed(api_client, channel="events") == [
        {"slug": "moved", "left": {"channel": "events"}}
    ]
    assert narrowed(api_client, channel="policy") == []
    assert synced(api_client, channel="policy") == ["moved"]


def test_an_item_back_in_the_scope_it_left_is_no_longer_withdrawn_from_it(api_client):
    park = ParkFactory(slug="cicp")
    item = NewsItemFactory(slug="moved")
    item.parks.add(park)
    item.parks.remove(park)

    item.parks.add(park)
    item.save()  # as the admin and the API do: the sync list sends it again

    assert narrowed(api_client, park="cicp") == []
    assert synced(api_client, park="cicp") == ["moved"]


def test_a_narrowed_copy_also_gets_withdrawals_from_the_whole_site(api_client, publisher):
    park = ParkFactory(slug="cicp")
    elsewhere = ParkFactory(slug="elsewhere")
    item = NewsItemFactory(slug="retracted")
    item.parks.add(elsewhere)

    workflow.unpublish([item], user=publisher)

    assert narrowed(api_client, park=park.slug) == [{"slug": "retracted", "left": None}]


def test_unlinking_a_draft_leaves_no_trace(api_client):
    park = ParkFactory(slug="cicp")
    draft = NewsItemFactory(slug="secret-draft", status="draft")
    draft.parks.add(park)

    draft.parks.remove(park)

    assert not Withdrawal.objects.exists()


def test_an_unknown_scope_answers_400(api_client):
    assert api_client.get(WITHDRAWALS_URL, {"park": "no-such-park"}).status_code == 400
