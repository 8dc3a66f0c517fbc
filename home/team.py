"""A group practice's team page: every clinician, found by what a reader
needs (a topic, a language, their state, a free place, online sessions),
and a profile for each with their articles and their feed."""

from dataclasses import dataclass
from urllib.parse import urlencode, urljoin

from django.http import Http404
from django.utils.functional import SimpleLazyObject
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from base import structured_data
from base.clinicians import language_name, state_name
from base.models import AboutMe, IndexPage, SitePages
from base.pagination import listing_filters, paginate
from blog.feeds import ArticleFeed, AtomArticleFeed
from blog.models import ArticlePage


@dataclass
class Filters:
    """What the reader asked the team page for, each from a fixed set
    (base/pagination.py), so a junk value is one cached copy saying that
    nobody matched."""

    topic: str = ""
    language: str = ""
    state: str = ""
    accepting: bool = False
    online: bool = False

    @classmethod
    def from_request(cls, request):
        given = dict(listing_filters(request))
        return cls(
            topic=given.get("topic", "")[:100],
            language=given.get("language", ""),
            state=given.get("state", ""),
            accepting="accepting" in given,
            online="online" in given,
        )

    def __bool__(self):
        return any((self.topic, self.language, self.state, self.accepting, self.online))

    def admit(self, clinician):
        return (
            (not self.topic or self.topic in {t.slug for t in clinician.topics.all()})
            and (not self.language or self.language in clinician.languages)
            and (not self.state or self.state in states_of(clinician))
            and (not self.accepting or clinician.accepting_new_clients)
            and (not self.online or bool(clinician.online_states))
        )


def states_of(clinician):
    """Where a reader can see them: a state they are licensed in, or one
    they offer online sessions in."""
    return {licence.state for licence in clinician.licences.all()} | set(
        clinician.online_states
    )


def choices(team):
    """The filters' options: only what some clinician offers, so no choice
    leads to an empty page."""
    topics = {t.slug: t.name for c in team for t in c.topics.all()}
    languages = {code for c in team for code in c.languages}
    states = {code for c in team for code in states_of(c)}
    return {
        "topics": sorted(topics.items(), key=lambda item: item[1]),
        "languages": sorted(
            ((code, language_name(code)) for code in languages), key=lambda i: i[1]
        ),
        "states": sorted(
            ((code, state_name(code)) for code in states), key=lambda i: i[1]
        ),
    }


class TeamPage(RoutablePageMixin, IndexPage):
    """The practice's clinicians, each with a profile at <team>/<slug>/."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    site_pages = ["team"]

    class Meta:
        verbose_name = "team page"

    @path("", name="index")
    def index(self, request):
        team = list(AboutMe.objects.team())
        filters = Filters.from_request(request)
        return self.render(
            request,
            context_overrides={
                "clinicians": [c for c in team if filters.admit(c)],
                "filters": filters,
                "choices": choices(team),
                "noindex": bool(filters),
            },
        )

    @path("<slug:slug>/", name="profile")
    def profile(self, request, slug):
        clinician = self.clinician(slug)
        articles = self.articles_by(clinician)
        return self.render(
            request,
            template="home/team_profile.html",
            context_overrides={
                "clinician": clinician,
                "meta_title": clinician.name,
                "meta_description": f"{clinician.name}, {clinician.job_title}: "
                "profile, licences and articles.",
                "articles": SimpleLazyObject(lambda: paginate(request, articles)),
                "consultation_url": self.consultation_url(request, clinician),
                "feed_url": self.reverse_subpage("feed", args=[slug]),
                "structured_data": lambda meta: self.person(clinician, meta),
            },
        )

    @path("<slug:slug>/feed/", name="feed")
    def feed(self, request, slug):
        return self.feed_of(ArticleFeed, request, slug)

    @path("<slug:slug>/feed/atom/", name="atom_feed")
    def atom_feed(self, request, slug):
        return self.feed_of(AtomArticleFeed, request, slug)

    def feed_of(self, feed, request, slug):
        """The clinician's articles on the site's blog, as a feed."""
        blog = SitePages.find(request, "blog")
        if blog is None:
            raise Http404("This site has no blog yet.")
        return feed()(request, blog=blog, author=self.clinician(slug))

    def clinician(self, slug):
        clinician = AboutMe.objects.team().filter(slug=slug).first()
        if clinician is None:
            raise Http404("No clinician of this practice has this address.")
        return clinician

    def articles_by(self, clinician):
        """Their live, public articles on this site, newest first."""
        home = self.get_parent()
        return ArticlePage.objects.listed().descendant_of(home).by(clinician)

    def consultation_url(self, request, clinician):
        """The consultation form with this clinician chosen, or ""."""
        url = SitePages.url(request, "consultation")
        return f"{url}?{urlencode({'clinician': clinician.slug})}" if url else ""

    def person(self, clinician, meta):
        """The clinician's schema.org Person, working for the practice."""
        photo = (
            clinician.photo.get_rendition("fill-400x400") if clinician.photo else None
        )
        url = meta["url"]
        person = structured_data.person(
            clinician,
            meta["home_url"],
            urljoin(meta["home_url"], photo.url) if photo else None,
            url,
        )
        person["worksFor"] = {"@id": f"{meta['home_url']}#practice"}
        return {"@context": "https://schema.org", **person}

    def get_sitemap_urls(self, request=None):
        """The team and every published profile."""
        own = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        team = AboutMe.objects.filter(live=True).order_by("pk")
        return own + [
            {
                "location": base + self.reverse_subpage("profile", args=[c.slug]),
                "lastmod": c.last_published_at,
            }
            for c in team
        ]

    def get_cached_paths(self):
        """Everything a CDN holds of the team: the list, profiles and feeds."""
        slugs = AboutMe.objects.filter(live=True).values_list("slug", flat=True)
        return ["/"] + [
            f"/{slug}/{tail}" for slug in slugs for tail in ("", "feed/", "feed/atom/")
        ]
