"""A group practice's team page, profiles, feeds, bylines and author lists,
as readers see them, and what they cost at two sizes."""

import json
import re

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from base.clinicians import ClinicianLicence
from base.models import AboutMe
from blog.models import ArticleAuthor
from consultations.models import ConsultationPage
from home.team import TeamPage
from tests.factories import article_body, home_page, make_about_me, make_article
from tests.schema_org import assert_schema_org

pytestmark = pytest.mark.django_db


def clinician(name, languages=("en",), licences=(), online=(), topics=(), **fields):
    """A published profile, as an owner fills it in."""
    profile = make_about_me(name=name, languages=list(languages), **fields)
    profile.online_states = list(online)
    profile.licences = [
        ClinicianLicence(kind=kind, number=f"{state}-{n}", state=state)
        for n, (kind, state) in enumerate(licences)
    ]
    profile.topics = [Tag.objects.get_or_create(name=topic)[0] for topic in topics]
    profile.save()
    profile.save_revision().publish()
    return profile


def by(*authors, **fields):
    page = make_article(body=article_body(authors[0]), publish=False, **fields)
    page.authors = [ArticleAuthor(clinician=author) for author in authors]
    page.save_revision().publish()
    return page


@pytest.fixture
def team(blog):
    page = TeamPage(title="Our team", slug="team")
    home_page().add_child(instance=page)
    page.save_revision().publish()
    consultation = ConsultationPage(title="Consultation", slug="consultation")
    home_page().add_child(instance=consultation)
    consultation.save_revision().publish()
    return {
        "ana": clinician(
            "Ana Lima",
            languages=["en", "pt"],
            licences=[("LCSW", "NY")],
            online=["NJ"],
            topics=["Anxiety"],
            credentials="LCSW",
            fees="Sessions are $150.",
        ),
        "ben": clinician(
            "Ben Carter",
            languages=["en", "fr"],
            licences=[("Psychologist", "PA")],
            topics=["Grief"],
            accepting_new_clients=False,
        ),
        "cleo": clinician(
            "Cleo Marsh",
            languages=["en"],
            licences=[("LMFT", "CA")],
            online=["CA", "OR"],
            topics=["Anxiety", "Couples"],
        ),
    }


def names(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in html.select(".clinician-summary h3 a")]


def draft_clinician(name):
    profile = AboutMe(name=name, bio="<p>Not yet.</p>", live=False)
    profile.save()
    return profile


def test_the_team_lists_every_published_clinician(client, team):
    draft_clinician("Dee Draft")
    response = client.get("/team/")
    assert response.status_code == 200
    assert names(response) == ["Ana Lima", "Ben Carter", "Cleo Marsh"]
    assert "Not taking new clients just now" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=anxiety", ["Ana Lima", "Cleo Marsh"]),
        ("language=pt", ["Ana Lima"]),
        ("language=FR", ["Ben Carter"]),
        ("state=nj", ["Ana Lima"]),  # online there
        ("state=PA", ["Ben Carter"]),  # licensed there
        ("accepting=1", ["Ana Lima", "Cleo Marsh"]),
        ("online=1", ["Ana Lima", "Cleo Marsh"]),
        ("topic=anxiety&state=OR", ["Cleo Marsh"]),
        ("topic=anxiety&language=pt&accepting=1&online=1", ["Ana Lima"]),
        ("topic=grief&accepting=1", []),
        # The form's "Any" options send empty values: no filter.
        ("topic=&language=&state=&accepting=1", ["Ana Lima", "Cleo Marsh"]),
    ],
)
def test_filters_alone_and_combined(client, team, query, expected):
    response = client.get(f"/team/?{query}")
    assert response.status_code == 200
    assert names(response) == expected
    assert ("No clinician matches" in response.text) == (not expected)
    # A filtered list is not a page of its own for search engines.
    assert '<meta name="robots" content="noindex">' in response.text


@pytest.mark.parametrize(
    "query",
    [
        "topic=no-such-topic",
        "language=xx",
        "state=ZZ",
        "state=%00",
        "language=" + "e" * 500,
        "topic=" + "%22" * 300,
        "accepting=yes&online=2",
    ],
)
def test_unknown_values_give_a_sentence_never_an_error(client, team, query):
    response = client.get(f"/team/?{query}")
    assert response.status_code == 200
    if "accepting" not in query:
        assert names(response) == []
        assert "No clinician matches all of these choices" in response.text
    else:  # a flag that is not "1" is no filter at all
        assert len(names(response)) == 3


def test_the_filters_are_a_plain_form_that_offers_only_what_someone_offers(
    client, team
):
    html = BeautifulSoup(client.get("/team/").content, "html.parser")
    form = html.select_one("form.team-filters")
    assert form["method"] == "get"
    options = {
        select["name"]: [o["value"] for o in select.select("option")]
        for select in form.select("select")
    }
    assert options["topic"] == ["", "anxiety", "couples", "grief"]
    assert options["language"] == ["", "en", "fr", "pt"]
    assert set(options["state"]) == {"", "CA", "NJ", "NY", "OR", "PA"}
    assert not html.select("script[src]:not([src^='/static/'])")


def test_a_profile_shows_who_they_are_and_links_to_a_consultation_with_them(
    client, team
):
    ana = team["ana"]
    article = by(ana, title="On worry")
    by(team["ben"], title="On loss")
    response = client.get("/team/ana-lima/")
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ")
    for words in (
        "Ana Lima, LCSW",
        "I help adults untangle old patterns.",
        "LCSW, New York",
        "Online sessions are possible with clients located in New Jersey",
        "Portuguese",
        "Accepting new clients",
        "Sessions are $150.",
        "Anxiety",
        "On worry",
    ):
        assert words in " ".join(text.split()), words
    assert "On loss" not in text
    assert 'href="/consultation/?clinician=ana-lima"' in response.text
    assert f'href="{article.url}"' in response.text
    data = json.loads(
        re.search(r'application/ld\+json">(.*?)</script>', response.text, re.S)[1]
    )
    assert data["@type"] == "Person" and data["name"] == "Ana Lima"
    assert data["url"].endswith("/team/ana-lima/")
    assert data["knowsLanguage"] == ["en", "pt"]
    assert {"@type": "State", "name": "New Jersey"} in data["makesOffer"]["areaServed"]
    licence = [c for c in data["hasCredential"] if c.get("identifier")]
    assert licence[0]["validIn"]["name"] == "New York"
    assert_schema_org(data)


def test_a_profile_of_nobody_or_of_a_draft_is_not_found(client, team):
    draft_clinician("Dee Draft")
    assert client.get("/team/dee-draft/").status_code == 404
    assert client.get("/team/nobody/").status_code == 404


def test_a_profile_lists_their_articles_page_by_page(client, team):
    for n in range(12):
        by(team["cleo"], title=f"Cleo's note {n}")
    first = client.get("/team/cleo-marsh/")
    second = client.get("/team/cleo-marsh/?page=2")
    assert first.text.count("Cleo&#x27;s note") == 10
    assert second.text.count("Cleo&#x27;s note") == 2


def test_each_clinician_has_a_feed_of_their_own_articles(client, team):
    by(team["ana"], title="On worry")
    by(team["ben"], title="On loss")
    feed = feedparser.parse(client.get("/team/ana-lima/feed/").content)
    assert [entry.title for entry in feed.entries] == ["On worry"]
    assert feed.feed.title.endswith("Ana Lima")
    assert feed.entries[0].author == "Ana Lima"
    atom = feedparser.parse(client.get("/team/ana-lima/feed/atom/").content)
    assert [entry.title for entry in atom.entries] == ["On worry"]


def test_an_article_by_two_names_and_links_both_and_shows_both_bios(client, team):
    article = by(team["ana"], team["cleo"], title="Worry in couples")
    response = client.get(article.url)
    html = BeautifulSoup(response.content, "html.parser")
    byline = html.select_one(".byline")
    assert " ".join(byline.get_text().split()) == "By Ana Lima and Cleo Marsh"
    assert [a["href"] for a in byline.select("a")] == [
        "/team/ana-lima/",
        "/team/cleo-marsh/",
    ]
    headings = [h.get_text() for h in html.select(".about-me h2")]
    assert headings == ["About Ana Lima", "About Cleo Marsh"]
    ids = [h["id"] for h in html.select(".about-me h2")]
    assert len(set(ids)) == 2
    data = json.loads(
        re.search(r'application/ld\+json">(.*?)</script>', response.text, re.S)[1]
    )
    assert [a["name"] for a in data["author"]] == ["Ana Lima", "Cleo Marsh"]
    assert data["author"][0]["@id"].endswith("/team/ana-lima/#person")


def test_listings_show_authors_and_the_blog_lists_one_clinicians_articles(client, team):
    by(team["ana"], title="On worry")
    by(team["ben"], title="On loss")
    blog = client.get("/blog/")
    assert 'By <a href="/team/ana-lima/" rel="author">Ana Lima</a>' in blog.text
    mine = client.get("/blog/?author=ana-lima")
    assert mine.status_code == 200
    assert "On worry" in mine.text and "On loss" not in mine.text
    nobody = client.get("/blog/?author=no-one")
    assert nobody.status_code == 200
    assert "No clinician here goes by this address" in nobody.text


def test_profiles_are_in_the_sitemap_and_members_of_the_practice(client, team):
    index = client.get("/sitemap.xml").text
    (part,) = re.findall(r"<loc>https?://[^/]+(/[^<]+)</loc>", index)
    sitemap = client.get(part)
    for slug in ("ana-lima", "ben-carter", "cleo-marsh"):
        assert f"/team/{slug}/</loc>" in sitemap.text
    home = client.get("/")
    data = json.loads(
        re.search(r'application/ld\+json">(.*?)</script>', home.text, re.S)[1]
    )
    practice = next(n for n in data["@graph"] if n["@type"] == "ProfessionalService")
    assert len(practice["member"]) == 3


def cost(client, url):
    client.get(url)  # the site's and settings' first lookups
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_counts_stay_the_same_from_2_to_20_clinicians_and_5_to_50_articles(
    client, team
):
    ana, cleo = team["ana"], team["cleo"]
    two = by(ana, cleo, title="Shared")

    def costs():
        return {
            "team": cost(client, "/team/"),
            "filtered": cost(client, "/team/?topic=anxiety&language=en&online=1"),
            "profile": cost(client, "/team/ana-lima/"),
            "article": cost(client, two.url),
            "author": cost(client, "/blog/?author=ana-lima"),
            "feed": cost(client, "/team/ana-lima/feed/"),
        }

    for n in range(4):
        by(ana, title=f"Small {n}")
    costs()  # the first request creates the site's settings rows
    small = costs()
    for n in range(17):
        clinician(f"Extra {n}", licences=[("LCSW", "NY")], topics=["Anxiety"])
    for n in range(45):
        by(ana, team["ben"], title=f"Large {n}")
    assert costs() == small


def test_the_filters_live_in_the_page_caches_bounded_keys(client, team, settings):
    settings.PAGE_CACHE_SECONDS = 600
    assert client.get("/team/?state=ny&utm_source=x")["X-Page-Cache"] == "miss"
    # The same filter however written, and with what no listing reads: one copy.
    assert client.get("/team/?state=NY&fbclid=y")["X-Page-Cache"] == "hit"
    # Every unknown value of a bounded filter is the same empty answer.
    assert client.get("/team/?state=ZZ")["X-Page-Cache"] == "miss"
    for junk in ("QQ", "XY", "%00", "A" * 300):
        assert client.get(f"/team/?state={junk}")["X-Page-Cache"] == "hit", junk
    assert client.get("/team/?online=1")["X-Page-Cache"] == "miss"
    assert client.get("/team/?online=yes")["X-Page-Cache"] == "miss"  # = /team/
    assert client.get("/team/")["X-Page-Cache"] == "hit"
