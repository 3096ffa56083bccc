"""Create the Editor and Publisher groups with their permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEW = "view"
EDITOR = {
    "news": {
        "newsitem": ["add", "change", VIEW],
        "newsimage": ["add", "change", "delete", VIEW],
        "sourcedocument": [VIEW],
        "channel": [VIEW],
    },
    "parks": {
        model: [VIEW]
        for model in (
            "park",
            "cooperationplatform",
            "keyfigure",
            "industry",
            "organization",
            "country",
            "designation",
        )
    },
}
PUBLISHER = {
    "news": {
        "newsitem": ["add", "change", "delete", VIEW, "publish"],
        "newsimage": ["add", "change", "delete", VIEW],
        "sourcedocument": ["change", VIEW],
        "channel": ["add", "change", VIEW],
    },
    "parks": {
        "park": ["add", "change", VIEW],
        "cooperationplatform": ["add", "change", VIEW],
        "keyfigure": ["add", "change", VIEW],
        "designation": ["add", "change", "delete", VIEW],
        "parkphoto": ["add", "change", "delete", VIEW],
        "industry": ["add", "change", VIEW],
        "organization": ["add", "change", VIEW],
        "country": [VIEW],
    },
}
ROLES = {"Editor": EDITOR, "Publisher": PUBLISHER}


def create_roles(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    for name, grants in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=name)
        codenames = [
            (app, f"{action}_{model}")
            for app, models in grants.items()
            for model, actions in models.items()
            for action in actions
        ]
        for app, codename in codenames:
            group.permissions.add(
                permission_model.objects.get(content_type__app_label=app, codename=codename)
            )


def delete_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("parks", "0003_editorial_workflow"),
        ("news", "0004_editorial_workflow"),
    ]

    operations = [migrations.RunPython(create_roles, delete_roles)]
