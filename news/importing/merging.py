"""Three-way merge of imported values into a model instance, so staff edits survive re-imports.

Each instance keeps, in `imported_values`, what the importer last wrote to each field and from
which source: `{field: {"value": plain, "source": name}}`. On the next import a field is:
- written when it is empty, or still holds what this same source wrote last time;
- kept when staff changed it since (a *conflict* is reported if the source now says otherwise);
- kept when another source filled it first (reported if this source disagrees).
Values are compared in a plain JSON form, so dates, decimals and relations compare reliably.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from django.db import models


@dataclass
class MergeOutcome:
    changed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # conflicts worth telling staff about


def plain(value: Any) -> Any:
    """Return a JSON-friendly form of `value` that compares equal whenever the values are equal."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, models.Model):
        return getattr(value, "slug", None) or value.pk
    if isinstance(value, list | tuple | set | frozenset) or hasattr(value, "all"):
        items = value.all() if hasattr(value, "all") else value
        return sorted(str(plain(item)) for item in items)
    return value


def merge_imported(instance: models.Model, values: dict[str, Any], *, source: str) -> MergeOutcome:
    """Write `values` into `instance` where allowed; save it (and its relations) if anything changed.

    Many-to-many values are lists of model instances; they are applied after the instance is saved.
    """
    outcome = MergeOutcome()
    record = dict(instance.imported_values or {})
    many = {f.name for f in instance._meta.many_to_many}
    pending_m2m = {}
    for name, new in values.items():
        current = plain(getattr(instance, name)) if instance.pk or name not in many else []
        decision = _decide(name, current, plain(new), record.get(name), source, instance)
        if decision == "write":
            if current != plain(new):
                outcome.changed.append(name)
                if name in many:
                    pending_m2m[name] = new
                else:
                    setattr(instance, name, new)
            record[name] = {"value": plain(new), "source": source}
        elif decision:
            outcome.notes.append(decision)
    if outcome.changed or record != instance.imported_values or not instance.pk:
        instance.imported_values = record
        instance._change_reason = change_reason(source)  # read by django-simple-history
        instance.save()
        for name, new in pending_m2m.items():
            getattr(instance, name).set(new)
    return outcome


def _decide(name, current, new, last, source, instance) -> str:
    """Return "write", "" (nothing to do) or a note explaining why the stored value is kept."""
    model_field = instance._meta.get_field(name)
    label = model_field.verbose_name
    if last is None:
        untouched = not instance.pk or _is_empty(current) or current == _default(model_field)
        if untouched or current == new:
            return "write"
        return f"{instance}: kept the {label} entered by staff; {source} says {_show(new)}"
    if current != last["value"]:
        if new == last["value"] or new == current:
            return ""
        return f"{instance}: kept the {label} edited by staff; {source} now says {_show(new)}"
    if last["source"] == source:
        return "write"
    if new == current:
        return ""
    return f"{instance}: kept the {label} from {last['source']}; {source} says {_show(new)}"


def _default(model_field):
    return plain(model_field.get_default()) if not model_field.many_to_many else []


def _is_empty(value) -> bool:
    return value in (None, "", [], {})


def _show(value) -> str:
    text = ", ".join(value) if isinstance(value, list) else str(value)
    return repr(text if len(text) <= 80 else text[:77] + "...")


def change_reason(source: str) -> str:
    """Return the history note for a write by the importer (the field holds 100 characters)."""
    return f"import: {source}"[:100]
