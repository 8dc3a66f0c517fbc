"""`load_demo` builds a real-looking site, and a second run changes nothing."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from taggit.models import Tag
from wagtail.models import Page, Revision

from base.models import AboutMe, GettingHelpSettings
from blog.library import Vignette
from blog.models import ArticlePage, ArticleRelatedPage
from vignettes.blocks import publish_problems
from vignettes.identifiers import vignette_findings

pytestmark = pytest.mark.django_db

PARTS = ["intro", "vignette", "conclusion", "getting_help", "about_me"]


CALL_LENGTH = re.compile(r"\b(\w+-minute|\w+ minutes) (?:call|consultation|phone)")


def load_demo(monkeypatch, tmp_path, **env):
    monkeypatch.setattr("django.conf.settings.VAR_DIR", tmp_path)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    return {
        "pages": Page.objects.count(),
        "articles": ArticlePage.objects.live().count(),
        "revisions": Revision.objects.count(),
        "about_me": AboutMe.objects.count(),
        "tags": Tag.objects.count(),
        "related": ArticleRelatedPage.objects.count(),
        "users": get_user_model().objects.count(),
        "vignettes": Vignette.objects.count(),
    }


def test_running_twice_gives_the_same_counts(monkeypatch, tmp_path):
    first_output = load_demo(monkeypatch, tmp_path)
    first = counts()
    second_output = load_demo(monkeypatch, tmp_path)
    assert counts() == first
    assert first["articles"] >= 6
    password = re.search(r"password: (\S+)", first_output).group(1)
    assert f"password: {password}" in second_output
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.check_password(password)


def test_admin_login_comes_from_the_environment(monkeypatch, tmp_path):
    output = load_demo(
        monkeypatch,
        tmp_path,
        DEMO_ADMIN_USERNAME="therapist",
        DEMO_ADMIN_PASSWORD="correct-horse-battery",
    )
    assert "username: therapist" in output
    assert "password: correct-horse-battery" in output
    user = get_user_model().objects.get(username="therapist")
    assert user.check_password("correct-horse-battery")


def test_every_demo_article_has_the_full_shape_and_renders(
    monkeypatch, tmp_path, client
):
    load_demo(monkeypatch, tmp_path)
    articles = ArticlePage.objects.live()
    topics = set()
    for article in articles:
        block_types = [block.block_type for block in article.body]
        assert [t for t in block_types if t in PARTS] == PARTS, article.title
        assert article.related_articles, article.title
        topics.update(tag.name for tag in article.tags.all())

        html = client.get(article.url).content.decode()
        assert 'class="lead"' in html
        assert 'class="vignette-label"' in html
        assert 'id="conclusion-heading"' in html
        assert 'id="getting-help-heading"' in html
        assert 'id="about-me-heading"' in html
        assert "Dana Whitfield" in html
    assert len(topics) >= 4


def test_demo_articles_link_to_each_other(monkeypatch, tmp_path, client):
    load_demo(monkeypatch, tmp_path)
    urls = {article.url for article in ArticlePage.objects.live()}
    for article in ArticlePage.objects.live():
        paragraphs = [b for b in article.body if b.block_type == "paragraph"]
        assert 'linktype="page"' in paragraphs[0].value.source
        html = client.get(article.url).content.decode()
        linked = set(re.findall(r'<a href="(/blog/[\w-]+/)">', html))
        assert linked & (urls - {article.url}), article.title


def test_demo_keeps_the_therapists_own_edits(monkeypatch, tmp_path):
    load_demo(monkeypatch, tmp_path)
    article = ArticlePage.objects.live().first()
    article.title = "My own title"
    article.save_revision().publish()
    load_demo(monkeypatch, tmp_path)
    article.refresh_from_db()
    assert article.title == "My own title"


def test_the_demo_names_one_length_for_the_first_call(monkeypatch, tmp_path, client):
    """The getting-help box, the fees page and the consultation page all
    describe the same first call."""
    load_demo(monkeypatch, tmp_path)
    pages = [
        client.get(ArticlePage.objects.live().first().url).text,
        client.get("/fees/").text,
        client.get("/consultation/").text,
    ]
    lengths = {length for page in pages for length in CALL_LENGTH.findall(page)}
    assert lengths == {"20-minute"}


def test_the_demo_keeps_an_offer_she_wrote(monkeypatch, tmp_path):
    GettingHelpSettings.objects.update(offer="<p>Call me for a chat.</p>")
    load_demo(monkeypatch, tmp_path)
    assert GettingHelpSettings.load().offer == "<p>Call me for a chat.</p>"


def test_demo_fills_the_vignette_library_with_safe_vignettes(
    monkeypatch, tmp_path, client
):
    load_demo(monkeypatch, tmp_path)
    vignettes = [
        block.value
        for article in ArticlePage.objects.live()
        for block in article.body
        if block.block_type == "vignette"
    ]
    assert len(vignettes) == Vignette.objects.count() >= 6
    for value in vignettes:
        assert publish_problems(value) == {}, value["title"]
        assert vignette_findings(value) == [], value["title"]
    html = client.get("/vignettes/").content.decode()
    assert html.count('class="vignette-summary') == Vignette.objects.count()
    assert 'href="/vignettes/"' in html.split("</nav>")[0]  # in the site menu
    assert "composite" in html and "fictional" in html


def test_the_group_demo_adds_a_team_and_a_second_run_changes_nothing(
    client, monkeypatch, tmp_path
):
    load_demo(monkeypatch, tmp_path)
    call_command("load_demo", "--group", stdout=StringIO())
    first = counts()
    call_command("load_demo", "--group", stdout=StringIO())
    assert counts() == first
    assert first["about_me"] == 3
    team = client.get("/team/")
    assert team.status_code == 200
    for name in ("Dana Whitfield", "Lucía Ferrer", "Samuel Osei"):
        assert name in team.text
    # Each clinician's article is theirs, with the disclaimer for its kind.
    for article in ArticlePage.objects.live():
        assert [a.clinician.name for a in article.authors.all()], article.title
        for block in article.body:
            if block.block_type == "vignette":
                assert not publish_problems(block.value), article.title
    spanish = client.get("/team/?language=es")
    assert "Lucía Ferrer" in spanish.text and "Samuel Osei" not in spanish.text
