from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.content_backup import ContentExists, import_content


class Command(BaseCommand):
    help = "Load a file written by export_content into this database, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The JSON file to read.")
        parser.add_argument(
            "--allow-existing",
            action="store_true",
            help="Load even though content exists (rows with the same ids are overwritten).",
        )

    def handle(self, *args, path, allow_existing, **options):
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            import_content(path, allow_existing=allow_existing)
        except ContentExists as error:
            raise CommandError(f"{error} Use --allow-existing to load anyway.") from None
        self.stdout.write(f"Loaded {path}.")
