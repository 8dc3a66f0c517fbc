"""A post's author comes along: matched to a clinician of the practice by
name, or given a draft profile that the report lists."""

import pytest

from base.models import AboutMe
from blog.models import ArticlePage
from tests.factories import make_about_me
from tests.importing.commands import FIXTURES, draft, run

pytestmark = pytest.mark.django_db


def test_a_wordpress_export_with_two_authors(blog):
    known = make_about_me(name="Marisol Reyes")
    output = run(FIXTURES / "wordpress_authors.xml", "--dry-run")
    assert not ArticlePage.objects.exists()
    assert AboutMe.objects.count() == 1  # a dry run makes no profile
    assert "Created a draft profile for “Tobi Okafor”" in output

    output = run(FIXTURES / "wordpress_authors.xml")
    assert ArticlePage.objects.count() == 3
    by_title = {
        title: [a.clinician.name for a in draft(title).authors.all()]
        for title in ArticlePage.objects.values_list("title", flat=True)
    }
    assert by_title == {
        "When the Phone Feels Heavy": ["Marisol Reyes"],
        "The Weekend Slump": ["Tobi Okafor"],
        "Arguing About the Dishes": ["Marisol Reyes"],
    }
    # The clinician the practice has is matched by name, not made again.
    assert draft("Arguing About the Dishes").authors.get().clinician == known
    tobi = AboutMe.objects.get(name="Tobi Okafor")
    assert not tobi.live and tobi.slug == "tobi-okafor"
    assert output.count("Created a draft profile for “Tobi Okafor”") == 1

    # Imported again, nothing new: the same two clinicians, one author each.
    run(FIXTURES / "wordpress_authors.xml")
    assert AboutMe.objects.count() == 2
    assert all(len(draft(t).authors.all()) == 1 for t in by_title)


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Notes</title><link href="https://notes.test/"/><id>https://notes.test/</id>
<entry><title>First</title><id>a</id><published>2025-01-01T10:00:00Z</published>
<author><name>Hana Ito</name></author><author><name>Ravi Menon</name></author>
<content type="html">&lt;p&gt;Written by two.&lt;/p&gt;</content></entry>
<entry><title>Second</title><id>b</id><published>2025-01-02T10:00:00Z</published>
<author><name>Unknown</name></author>
<content type="html">&lt;p&gt;Written by nobody named.&lt;/p&gt;</content></entry>
</feed>
"""
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Notes</title><link>https://notes.test/</link>
<item><title>Third</title><link>https://notes.test/third/</link>
<author>hana@notes.test (Hana Ito)</author>
<description>&lt;p&gt;Words.&lt;/p&gt;</description></item>
</channel></rss>
"""


def test_feed_authors_are_read_by_name_in_order(blog, about_me, tmp_path):
    (tmp_path / "feed.xml").write_text(ATOM)
    (tmp_path / "feed.rss").write_text(RSS)
    run(tmp_path / "feed.xml")
    run(tmp_path / "feed.rss")
    assert [a.clinician.name for a in draft("First").authors.all()] == [
        "Hana Ito",
        "Ravi Menon",
    ]
    assert not draft("Second").authors.all()  # "Unknown" names nobody
    assert [a.clinician.name for a in draft("Third").authors.all()] == ["Hana Ito"]
    assert AboutMe.objects.filter(name="Hana Ito").count() == 1
