import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from news.importing.pipeline import import_paths
from news.importing.reference import ReferenceError, load_reference
from news.importing.report import Status, summarize


class Command(BaseCommand):
    help = "Import source documents (files or folders; default: seeds/) into parks, platforms and news."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="Files or folders to import.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; write nothing."
        )
        parser.add_argument(
            "--report", choices=["text", "json"], default="text", help="Output format."
        )
        parser.add_argument(
            "--reference", type=Path, help="Reference data file (default: seeds/reference.toml)."
        )

    def handle(self, *args, paths, dry_run, report, reference, **options):
        config = settings.PARKWIRE
        try:
            reference_data = load_reference(reference or config["REFERENCE_FILE"])
        except ReferenceError as error:
            raise CommandError(str(error)) from None
        as_json = report == "json"

        def show(result, index, total):
            if as_json and index == 0:  # notes on the reference file, not a document
                self.stderr.write("\n".join(f"reference.toml: {w}" for w in result.warnings))
                return
            if as_json:
                self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
                return
            style = self.style.ERROR if result.status == Status.FAILED else (lambda text: text)
            self.stdout.write(style(result.as_line(index, total)))
            for warning in result.warnings:
                self.stdout.write(self.style.WARNING(f"      ! {warning}"))

        results = import_paths(
            paths or [config["SEEDS_DIR"]],
            reference=reference_data,
            dry_run=dry_run,
            max_bytes=config["MAX_DOCUMENT_BYTES"],
            on_result=show,
        )
        (self.stderr if as_json else self.stdout).write(summarize(results, dry_run=dry_run))
        failed = sum(r.status == Status.FAILED for r in results)
        if failed:
            raise CommandError(f"{failed} of {len(results)} documents failed to import.")
