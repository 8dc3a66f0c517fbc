"""Build the demo site. Only what is missing is created, so a second run
changes nothing and never overwrites the therapist's own edits."""

import os
import re
import secrets
from datetime import date
from io import BytesIO
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand
from django.db import transaction
from PIL import Image as PillowImage
from PIL import ImageDraw
from taggit.models import Tag
from wagtail.images.models import Image
from wagtail.models import Site

from base.clinicians import ClinicianLicence
from base.models import (
    AboutMe,
    GettingHelpSettings,
    PracticeNotices,
    SharingSettings,
    SitePages,
)
from blog.library import VignetteIndexPage
from blog.models import ArticleAuthor, ArticlePage, ArticleRelatedPage, BlogIndexPage
from blog.series import Series, SeriesArticle
from consultations.models import ConsultationPage
from demo import content as demo
from demo import group_content as group
from home.models import StandardPage, StartHereArticle
from home.team import TeamPage
from subscriptions.models import SubscribePage
from vignettes.blocks import DEFAULT_DISCLAIMER, DISCLAIMERS

IMPORTERS = "Importers"
LINK_RE = re.compile(r"\[\[([\w-]+)\|([^\]]+)\]\]")


def sharing_card():
    """A calm 1200 × 630 picture for link previews, drawn here so the demo
    ships no one else's image."""
    card = PillowImage.new("RGB", (1200, 630), "#e8f1ee")
    draw = ImageDraw.Draw(card)
    draw.ellipse((760, 140, 1260, 640), fill="#2f6b5e")
    draw.ellipse((-160, -220, 420, 360), fill="#f6f1e7")
    draw.rectangle((120, 430, 620, 446), fill="#b08a3e")
    buffer = BytesIO()
    card.save(buffer, "PNG")
    return buffer


class Command(BaseCommand):
    help = (
        "Load the demo practice: home page, blog, articles, bio and an admin "
        "user; with --group, a practice of three with a team page."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--group",
            action="store_true",
            help="Add two more clinicians, an article by each, and the team page.",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            site = Site.objects.get(is_default_site=True)
            home = self.load_home(site)
            about_me = self.load_about_me()
            self.load_sharing()
            self.load_getting_help()
            blog = self.load_index(
                home, BlogIndexPage, title="Blog", slug="blog", intro=demo.BLOG_INTRO
            )
            created = self.load_articles(blog, about_me)
            self.load_reading_paths(home, blog)
            self.load_index(
                home,
                VignetteIndexPage,
                title="Vignettes",
                slug="vignettes",
                intro=demo.VIGNETTES_INTRO,
            )
            fees = self.load_information_page(home, **demo.FEES_PAGE)
            privacy = self.load_information_page(home, **demo.PRIVACY_PAGE)
            self.load_site_pages(site, privacy=privacy, fees=fees)
            self.load_notices(site, home)
            if not ConsultationPage.objects.exists():
                page = ConsultationPage(**demo.CONSULTATION_PAGE, show_in_menus=True)
                home.add_child(instance=page)
                page.save_revision().publish()
            if not SubscribePage.objects.exists():
                page = SubscribePage(**demo.SUBSCRIBE_PAGE)
                home.add_child(instance=page)
                page.save_revision().publish()
            self.load_importers()
            if options["group"]:
                created += self.load_group(home, blog, about_me)
        self.stdout.write(f"Demo content ready: {created} new article(s).")
        self.load_admin()

    def load_group(self, home, blog, first):
        """The group practice: the first therapist's profile completed, two
        more clinicians, an article by each, and the team page. What exists
        is left as it is."""
        if not first.languages:
            specialties = [line.strip() for line in first.specialties.splitlines()]
            topics = Tag.objects.filter(name__in=specialties)
            self.complete_profile(first, group.FIRST, [topic.name for topic in topics])
        clinicians = {first.name: first}
        for spec in group.CLINICIANS:
            found = AboutMe.objects.filter(name=spec["name"]).first()
            clinicians[spec["name"]] = found or self.new_clinician(spec)
        for page in ArticlePage.objects.child_of(blog).filter(authors=None):
            # The demo's first articles are hers: in a group, say so.
            page = page.get_latest_revision_as_object()
            page.authors = [ArticleAuthor(clinician=first)]
            page.save_revision().publish()
        pages = {page.slug: page for page in ArticlePage.objects.child_of(blog)}
        created = 0
        for spec in group.ARTICLES:
            if spec["slug"] not in pages:
                self.group_article(blog, spec, clinicians[spec["author"]])
                created += 1
        self.load_index(home, TeamPage, **group.TEAM_PAGE)
        return created

    def complete_profile(self, clinician, spec, topics):
        clinician.languages = spec["languages"]
        clinician.online_states = spec["online_states"]
        clinician.notify_email = spec["notify_email"]
        clinician.licences = [
            ClinicianLicence(kind=kind, number=number, state=state)
            for kind, number, state in spec["licences"]
        ]
        clinician.topics = [Tag.objects.get_or_create(name=name)[0] for name in topics]
        clinician.save()
        clinician.save_revision().publish()

    def new_clinician(self, spec):
        fields = {
            key: value
            for key, value in spec.items()
            if key not in ("licences", "topics", "languages", "online_states")
        }
        clinician = AboutMe(**fields, live=False)
        self.complete_profile(clinician, spec, spec["topics"])
        return clinician

    def group_article(self, blog, spec, author):
        page = ArticlePage(
            title=spec["title"],
            slug=spec["slug"],
            date=date.fromisoformat(spec["date"]),
            summary=spec["summary"],
            body=[
                ("intro", spec["intro"]),
                (
                    "vignette",
                    {
                        "disclaimer": DISCLAIMERS[spec["vignette"]["kind"]],
                        "deidentified": True,
                    }
                    | spec["vignette"],
                ),
                ("conclusion", spec["conclusion"]),
                ("getting_help", {"text": spec["getting_help"]}),
                ("about_me", author),
            ],
            live=False,
            email_subscribers=False,
        )
        page.authors = [ArticleAuthor(clinician=author)]
        blog.add_child(instance=page)
        page.tags.set(spec["tags"])
        page.save_revision().publish()

    def load_importers(self):
        """A group whose members may use the admin's Import page; add a
        therapist's account to it in Settings > Users."""
        group, _ = Group.objects.get_or_create(name=IMPORTERS)
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label="wagtailadmin", codename="access_admin"
            ),
            Permission.objects.get(
                content_type__app_label="importing", codename="import_articles"
            ),
        )

    def load_home(self, site):
        if not site.site_name:
            site.site_name = demo.SITE_NAME
            site.save()
        if (site.hostname, site.port) == ("localhost", 80):
            # Wagtail's placeholder: give feeds, the sitemap and canonical
            # links the address the demo is served at.
            address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
            site.hostname = address.hostname
            site.port = address.port or (443 if address.scheme == "https" else 80)
            site.save()
        home = site.root_page.specific
        if not home.intro:
            home.intro = demo.HOME_INTRO
            home.save_revision().publish()
        return home

    def load_about_me(self):
        about_me = AboutMe.objects.filter(name=demo.ABOUT_ME["name"]).first()
        if about_me is None:
            about_me = AboutMe(**demo.ABOUT_ME, live=False)
            about_me.online_states = demo.ONLINE_STATES
            about_me.licences = [
                ClinicianLicence(kind=kind, number=number, state=state)
                for kind, number, state in demo.LICENCES
            ]
            about_me.save()
            about_me.save_revision().publish()
        return about_me

    def load_sharing(self):
        sharing = SharingSettings.load()
        if sharing.description and sharing.default_image:
            return
        sharing.description = sharing.description or demo.SITE_DESCRIPTION
        sharing.default_image = sharing.default_image or Image.objects.create(
            title="Sharing card",
            description="Soft green and sand-coloured shapes",
            file=ImageFile(sharing_card(), name="sharing-card.png"),
        )
        sharing.save()

    def load_getting_help(self):
        """The demo's offer, in place of the one a new site starts with; an
        offer she has written herself is kept."""
        getting_help = GettingHelpSettings.load()
        if getting_help.offer == GettingHelpSettings._meta.get_field("offer").default:
            getting_help.offer = demo.GETTING_HELP_OFFER
            getting_help.save()

    def load_index(self, home, model, **fields):
        """The home page's one page of this type, created and listed in the
        site menu if missing."""
        page = model.objects.child_of(home).first()
        if page is None:
            page = model(**fields, show_in_menus=True)
            home.add_child(instance=page)
            page.save_revision().publish()
        return page

    def load_information_page(self, home, slug, title, body, show_in_menus=True):
        """An information page, listed in the site menu unless told, if missing."""
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            days = settings.CONSULTATION_RETENTION_DAYS
            body = [
                (kind, value.format(days=days) if isinstance(value, str) else value)
                for kind, value in body
            ]
            page = StandardPage(
                slug=slug, title=title, body=body, show_in_menus=show_in_menus
            )
            home.add_child(instance=page)
            page.save_revision().publish()
        return page

    def load_site_pages(self, site, **chosen):
        """The demo's privacy and fees pages are the site's, unless she chose
        others."""
        pages = SitePages.for_site(site)
        empty = [
            f"{role}_page"
            for role in chosen
            if getattr(pages, f"{role}_page_id") is None
        ]
        for field in empty:
            setattr(pages, field, chosen[field.removesuffix("_page")])
        if empty:
            pages.save(update_fields=empty)

    def load_notices(self, site, home):
        """Every notice switched on, with the demo's pages and links, unless
        she has set any of them herself."""
        notices = PracticeNotices.for_site(site)
        if any(
            getattr(notices, name)
            for name in ("privacy_practices_page", "accessibility_page", *demo.NOTICES)
        ):
            return
        for name, value in demo.NOTICES.items():
            setattr(notices, name, value)
        notices.privacy_practices_page = self.load_information_page(
            home, **demo.PRIVACY_PRACTICES_PAGE, show_in_menus=False
        )
        notices.accessibility_page = self.load_information_page(
            home, **demo.ACCESSIBILITY_PAGE, show_in_menus=False
        )
        notices.save()

    def load_articles(self, blog, about_me):
        """Create missing articles as drafts first, so that every cross-link
        target exists, then fill in their bodies and publish them."""
        pages = {page.slug: page for page in ArticlePage.objects.child_of(blog)}
        new_specs = [spec for spec in demo.ARTICLES if spec["slug"] not in pages]
        for spec in new_specs:
            page = ArticlePage(
                title=spec["title"],
                slug=spec["slug"],
                date=date.fromisoformat(spec["date"]),
                summary=spec["summary"],
                content_notes=spec.get("content_notes", []),
                content_note_text=spec.get("content_note_text", ""),
                body=[("intro", "".join(spec["intro"]))],
                live=False,
                # The demo's articles are not news to email anyone.
                email_subscribers=False,
            )
            blog.add_child(instance=page)
            pages[spec["slug"]] = page
        for spec in new_specs:
            page = pages[spec["slug"]]
            page.body = self.article_body(spec, pages, about_me)
            page.tags.set(spec["tags"])
            picks = [pages[slug] for slug in spec["related"] if slug in pages]
            page.related_links = [
                ArticleRelatedPage(page=pick, sort_order=place)
                for place, pick in enumerate(picks)
            ]
            page.save_revision().publish()
        return len(new_specs)

    def load_reading_paths(self, home, blog):
        """The demo's series, and its "Start here" list, unless there are
        already some."""
        articles = {page.slug: page for page in ArticlePage.objects.child_of(blog)}
        if not Series.objects.exists():
            spec = demo.SERIES
            series = Series(title=spec["title"], description=spec["description"])
            series.series_articles = [
                SeriesArticle(article=articles[slug], sort_order=place)
                for place, slug in enumerate(spec["articles"])
                if slug in articles
            ]
            series.save()
        home = home.specific
        if not home.start_here_links.exists():
            home.start_here_links = [
                StartHereArticle(article=articles[slug], sort_order=place)
                for place, slug in enumerate(demo.START_HERE)
                if slug in articles
            ]
            home.save_revision().publish()

    def article_body(self, spec, pages, about_me):
        return [
            ("intro", "".join(spec["intro"])),
            ("paragraph", self.link_articles(spec["paragraph"], pages)),
            (
                "vignette",
                {"disclaimer": DEFAULT_DISCLAIMER, "deidentified": True}
                | spec["vignette"],
            ),
            ("conclusion", "".join(spec["conclusion"])),
            ("getting_help", {"text": spec["getting_help"]}),
            ("about_me", about_me),
        ]

    @staticmethod
    def link_articles(html, pages):
        """Turn `[[slug|text]]` into an internal link; a missing target keeps
        its words without a link."""

        def replace(match):
            slug, text = match.groups()
            page = pages.get(slug)
            if page is None:
                return text
            return f'<a linktype="page" id="{page.pk}">{text}</a>'

        return LINK_RE.sub(replace, html)

    def load_admin(self):
        User = get_user_model()
        username = os.environ.get("DEMO_ADMIN_USERNAME", "admin")
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or self.stored_password()
        user = User.objects.filter(username=username).first()
        if user is None:
            password = password or self.new_password()
            User.objects.create_superuser(username, "admin@example.com", password)
        elif password and not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        base_url = settings.WAGTAILADMIN_BASE_URL
        self.stdout.write(f"Admin: {base_url}/admin/")
        self.stdout.write(f"  username: {username}")
        self.stdout.write(
            f"  password: {password}"
            if password
            else "  password: unchanged (set DEMO_ADMIN_PASSWORD to reset it)"
        )

    @property
    def password_file(self):
        return settings.VAR_DIR / "demo-admin-password"

    def stored_password(self):
        if self.password_file.exists():
            return self.password_file.read_text().strip()
        return ""

    def new_password(self):
        """A generated password is kept under var/ so later runs print it again."""
        password = secrets.token_urlsafe(12)
        self.password_file.parent.mkdir(parents=True, exist_ok=True)
        self.password_file.write_text(password + "\n")
        self.password_file.chmod(0o600)
        return password
