"""Keep a public page's old address working when staff change its slug.

A park's, platform's or news item's address is its slug, and a channel's or industry's slug
narrows the news list (`?industry=medical-devices`). Once public, these are out in the world
(shared links, bookmarks, search results, partner sites copying `?park=cicp`), so a save that
changes the slug of a public object records the old one: a request for an old page address is
redirected (301) to the object's current address while the object is public, and the news
filters take an old slug for the new one. A live object at the same slug always wins: the old
slug is looked up only when nothing answers at it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, QuerySet
from django.db.models.signals import post_delete, post_save, pre_save
from django.http import Http404, HttpResponsePermanentRedirect

from news.models import Channel, NewsItem
from parks.models import CooperationPlatform, Industry, Park
from portal.models import FormerSlug
from portal.slug_urls import PLAIN_SLUG

TRACKED = (Park, CooperationPlatform, NewsItem, Channel, Industry)
PUBLIC_SLUG = "_public_slug_as_stored"


def moved_from(queryset: QuerySet, slug: str) -> Model | None:
    """Return the object of `queryset` that was once at `slug`, or None."""
    if queryset.model not in TRACKED or not PLAIN_SLUG.fullmatch(slug):
        return None  # no slug holds a control character, and PostgreSQL refuses NUL
    former = FormerSlug.objects.filter(
        content_type=ContentType.objects.get_for_model(queryset.model), slug=slug
    )
    return queryset.filter(pk__in=former.values("object_id")).first()


def current_address(model: type[Model], slug: str) -> str | None:
    """Return the address of the public object that was once at `slug`, or None."""
    target = moved_from(model.objects.published().only("slug"), slug)
    return target.get_absolute_url() if target else None


def former_addresses(obj: Model) -> list[str]:
    """Return the old addresses that redirect to `obj`, the most recently left first."""
    former = FormerSlug.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    )
    slugs = former.order_by("-created_at", "-pk").values_list("slug", flat=True)
    return [type(obj)(slug=slug).get_absolute_url() for slug in slugs]


def note_public_slug(sender, instance: Model, raw: bool = False, **kwargs) -> None:
    """Before a save, remember the slug the object is public under, if it is public."""
    if raw or instance.pk is None:
        return
    public = _public(sender).filter(pk=instance.pk)
    instance.__dict__[PUBLIC_SLUG] = public.values_list("slug", flat=True).first()


def _public(model: type[Model]) -> QuerySet:
    """Channels and industries have no drafts: all of them are public."""
    objects = model.objects
    return objects.published() if hasattr(objects, "published") else objects.all()


def record_if_moved(sender, instance: Model, raw: bool = False, **kwargs) -> None:
    """After a save, keep the old slug of a public object whose slug changed."""
    old = instance.__dict__.pop(PUBLIC_SLUG, None)
    if raw or old is None or old == instance.slug:
        return
    content_type = ContentType.objects.get_for_model(sender)
    # The object lives at its new slug now: an old record there would only shadow it.
    FormerSlug.objects.filter(content_type=content_type, slug=instance.slug).delete()
    FormerSlug.objects.update_or_create(
        content_type=content_type, slug=old, defaults={"object_id": instance.pk}
    )


def forget(sender, instance: Model, **kwargs) -> None:
    """A deleted object's old slugs lead nowhere: drop them."""
    content_type = ContentType.objects.get_for_model(sender)
    FormerSlug.objects.filter(content_type=content_type, object_id=instance.pk).delete()


class FollowsFormerSlugMixin:
    """For a detail view whose `model` is tracked: answer an old slug with a 301 to the new one.

    The query string goes along, so campaign tags on a shared link survive the move.
    """

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            address = current_address(self.model, kwargs["slug"])
            if address is None:
                raise
            query = request.META.get("QUERY_STRING")
            return HttpResponsePermanentRedirect(f"{address}?{query}" if query else address)


def connect() -> None:
    for model in TRACKED:
        name = model._meta.label_lower
        pre_save.connect(note_public_slug, sender=model, dispatch_uid=f"former-slug-pre-{name}")
        post_save.connect(record_if_moved, sender=model, dispatch_uid=f"former-slug-post-{name}")
        post_delete.connect(forget, sender=model, dispatch_uid=f"former-slug-delete-{name}")
