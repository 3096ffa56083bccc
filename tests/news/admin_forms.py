"""What the news item change form posts, for tests that save items through the admin."""

from django.utils import timezone


def change_form_data(item, **changes):
    data = {
        "title": item.title,
        "slug": item.slug,
        "lead": item.lead,
        "body": item.body,
        "status": item.status,
        "published_at_0": "",
        "published_at_1": "",
        "published_precision": item.published_precision,
        "images-TOTAL_FORMS": "0",
        "images-INITIAL_FORMS": "0",
    }
    if item.published_at:
        local = timezone.localtime(item.published_at)
        data["published_at_0"], data["published_at_1"] = f"{local:%Y-%m-%d}", f"{local:%H:%M:%S}"
    return {**data, **changes}
