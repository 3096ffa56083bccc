"""The six kinds of visitor the authorisation tests try every page and method as."""

from django.contrib.auth.models import Group

ROLES = ("anonymous", "member", "staff", "editor", "publisher", "superuser")


def login_as(client, role: str, user_model):
    """Sign `client` in as a fresh user of `role` (nobody for anonymous); return the user."""
    if role == "anonymous":
        return None
    user = user_model.objects.create_user(
        f"{role}-user", password="x", is_staff=role != "member", is_superuser=role == "superuser"
    )
    if role in ("editor", "publisher"):
        user.groups.add(Group.objects.get(name=role.capitalize()))
    client.force_login(user)
    return user
