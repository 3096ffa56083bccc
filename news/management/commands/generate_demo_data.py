import sys

from django.core.management.base import BaseCommand, CommandError

from portal.cache_invalidation import bump_generation
from portal.demo_data import DemoDataExists, generate_demo_data


class Command(BaseCommand):
    help = "Fill the database with a large demo data set (parks, platforms, news) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--news", type=int, default=1000, help="News items to create.")
        parser.add_argument("--parks", type=int, default=10, help="Parks to create.")
        parser.add_argument("--platforms", type=int, default=30, help="Platforms to create.")
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed (same seed, same data)."
        )

    def handle(self, *args, news, parks, platforms, seed, **options):
        if min(news, parks, platforms) < 1:
            raise CommandError("--news, --parks and --platforms must each be at least 1.")

        def progress(done, total):
            sys.stderr.write(f"\r  news items: {done:,}/{total:,} ({done * 100 // total}%)")
            sys.stderr.flush()

        try:
            summary = generate_demo_data(
                news=news, parks=parks, platforms=platforms, seed=seed, progress=progress
            )
        except DemoDataExists as error:
            raise CommandError(str(error)) from None
        bump_generation()
        sys.stderr.write("\n")
        self.stdout.write(
            f"Created {summary.parks} parks, {summary.platforms} platforms "
            f"and {summary.news:,} news items."
        )
