from django.urls import reverse


def change_url(obj) -> str:
    """Return the admin change page of any model instance."""
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])
