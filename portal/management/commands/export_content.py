from pathlib import Path

from django.core.management.base import BaseCommand

from portal.content_backup import export_content


class Command(BaseCommand):
    help = "Write all content (parks, platforms, news, figures, documents…) to a JSON file."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The JSON file to write.")

    def handle(self, *args, path, **options):
        export_content(path)
        self.stdout.write(f"Wrote {path} ({path.stat().st_size:,} bytes).")
