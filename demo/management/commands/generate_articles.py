"""Make N realistic articles, to measure the site at the size of a big blog.

Each one has the five-part body (introduction, a vignette with invented
clients, conclusion, getting help, about me), one to five topics from a pool
of 200, and some hand-picked related articles. The words are generated from
a few original sentence patterns, so the pages are the size real ones are.
"""

import random
import time
from datetime import datetime, timedelta
from datetime import time as clock

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex, Site
from wagtail.search.backends import get_search_backend
from wagtail.signal_handlers import disable_reference_index_auto_update

from base.models import AboutMe, SitePages
from base.signals import content_replaced
from blog.library import catalogue
from blog.models import ArticlePage, ArticleRelatedPage

THEMES = [
    "Anxiety", "Grief", "Shame", "Anger", "Loneliness", "Burnout", "Perfectionism",
    "Self-worth", "Trust", "Boundaries", "Sleep", "Panic", "Jealousy", "Guilt",
    "Change", "Attachment", "Conflict", "Motivation", "Identity", "Hope",
]  # fmt: skip
SETTINGS = [
    "at work", "in couples", "in families", "after a loss", "in young adults",
    "in midlife", "in parenting", "in friendships", "online", "in recovery",
]  # fmt: skip
TOPICS = [f"{theme} {where}" for theme in THEMES for where in SETTINGS]
PEOPLE = [
    "Noor", "Elias", "Maren", "Tomas", "Priya", "Jonah", "Lena", "Ravi", "Ada",
    "Felix", "Iris", "Omar", "Sana", "Theo", "Yara", "Hugo",
]  # fmt: skip
TITLES = [
    "When {t} follows you home",
    "What {t} is trying to tell you",
    "Small steps out of {t}",
    "Why {t} feels so stubborn",
    "Living alongside {t}",
    "The quiet work of {t}",
]
BATCH = 250


def sentences(rng, topic, person, count):
    patterns = [
        f"People often describe {topic} as something that arrives without asking.",
        f"It helps to notice where {topic} shows up in the body before naming it.",
        f"{person} kept a short note each evening about the moments that felt heavy.",
        "Patterns become easier to change once they are seen with some kindness.",
        "A feeling that is understood tends to lose some of its urgency.",
        f"Over several weeks, {person} found words for what had been a blur.",
        "Therapy offers a steady place to slow things down and look again.",
        f"Nothing about {topic} means that a person is broken or weak.",
    ]
    return " ".join(rng.choice(patterns) for _ in range(count))


def paragraphs(rng, topic, person, count):
    return "".join(
        f"<p>{sentences(rng, topic, person, rng.randint(3, 6))}</p>"
        for _ in range(count)
    )


class Command(BaseCommand):
    help = (
        "Create N generated articles under the site's blog, with topics from a "
        "pool of 200, vignettes and related articles (for benchmarks)."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="how many articles to add")
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, count, seed, **options):
        if count < 1:
            raise CommandError("Give a number of articles of 1 or more.")
        site = Site.objects.filter(is_default_site=True).first()
        blog = SitePages.find(site, "blog") if site else None
        if blog is None:
            raise CommandError("There is no live blog to add articles to.")
        about_me = AboutMe.get_default()
        first = blog.numchild + 1  # numbers the slugs, which must be unique
        # Seeded, repeatable filler for benchmarks, not security.
        rng = random.Random(seed + first)  # nosec B311
        started = time.perf_counter()
        created = []
        recent = list(
            ArticlePage.objects.child_of(blog)
            .order_by("-pk")
            .values_list("pk", flat=True)[:50]
        )
        oldest = (
            ArticlePage.objects.child_of(blog)
            .order_by("date")
            .values_list("date", flat=True)
            .first()
            or timezone.localdate()
        )
        # Indexing each page as it is saved (about 25 ms each) would dominate;
        # pages are indexed in bulk once they all exist, as update_index does.
        post_save.disconnect(post_save_signal_handler, sender=ArticlePage)
        try:
            with disable_reference_index_auto_update():
                for start in range(0, count, BATCH):
                    with transaction.atomic():
                        batch = [
                            self.add(
                                blog, about_me, rng, start + n, first, oldest, recent
                            )
                            for n in range(min(BATCH, count - start))
                        ]
                    created += [page.pk for page in batch]
                    self.index(batch)
                    if self.stdout.isatty():
                        self.stdout.write(f"\r{len(created)}/{count}", ending="")
        finally:
            post_save.connect(post_save_signal_handler, sender=ArticlePage)
        content_replaced.send(sender=ArticlePage)
        self.stdout.write(
            f"\nCreated {count} articles in {time.perf_counter() - started:.1f} s."
        )

    def add(self, blog, about_me, rng, n, first, oldest, recent):
        topics = rng.sample(TOPICS, rng.randint(1, 5))
        topic = topics[0].lower()
        people = rng.sample(PEOPLE, rng.randint(1, 2))
        title = rng.choice(TITLES).format(t=topic)
        day = oldest - timedelta(days=n + 1)
        published = timezone.make_aware(datetime.combine(day, clock(9)))
        body = [
            ("intro", paragraphs(rng, topic, people[0], rng.randint(2, 3))),
            ("heading", f"How {topic} takes hold"),
            ("paragraph", paragraphs(rng, topic, people[0], rng.randint(1, 3))),
            (
                "vignette",
                {
                    "kind": rng.choice(["fictional", "composite"]),
                    "title": f"{people[0]} and the long week",
                    "disclaimer": f"{' and '.join(people)} are invented for this "
                    "article and describe no real client.",
                    "people": people,
                    "deidentified": True,
                    "body": [
                        ("paragraph", paragraphs(rng, topic, people[0], 2)),
                    ],
                },
            ),
            ("conclusion", paragraphs(rng, topic, people[0], 1)),
            ("getting_help", {"text": ""}),
        ]
        if about_me is not None:
            body.append(("about_me", about_me))
        page = ArticlePage(
            title=title[0].upper() + title[1:],
            slug=f"{slugify(title)}-{first + n}",
            summary=sentences(rng, topic, people[0], 2),
            body=body,
            date=day,
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
        )
        page.tags.set(topics)
        page.related_links = [
            ArticleRelatedPage(page_id=pk, sort_order=place)
            for place, pk in enumerate(
                rng.sample(recent, min(len(recent), rng.randint(0, 3)))
            )
        ]
        blog.add_child(instance=page)
        recent.insert(0, page.pk)
        del recent[50:]
        return page

    def index(self, batch):
        """Search entries, vignette-library entries and references (what the
        links report reads, as the editor keeps them) for a batch."""
        pages = list(
            ArticlePage.objects.filter(
                pk__in=[page.pk for page in batch]
            ).prefetch_related("tags")
        )
        get_search_backend().add_bulk(ArticlePage, pages)
        catalogue(*pages)
        for page in pages:
            ReferenceIndex.create_or_update_for_object(page)
