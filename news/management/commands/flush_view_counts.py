from django.core.management.base import BaseCommand

from news.view_counts import flush_view_counts


class Command(BaseCommand):
    help = "Write buffered news item views to the database (run every minute or so from cron)."

    def handle(self, *args, **options):
        written = flush_view_counts()
        self.stdout.write(f"Wrote {written:,} views.")
