"""The Readership report and the dashboard's most-read panel, through the
real admin: reads per article and per topic over 7, 30 and 365 days, a chart
drawn by the server, and query counts that do not grow with the articles."""

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from readership.models import DailyReads
from tests.factories import make_article

pytestmark = pytest.mark.django_db
URL = "/admin/reports/readership/"


def read(article, days_ago, reads):
    DailyReads.objects.create(
        article=article,
        day=timezone.localdate() - timedelta(days=days_ago),
        reads=reads,
    )


def table(html, caption):
    soup = BeautifulSoup(html, "html.parser")
    found = soup.find("caption", string=re.compile(caption)).find_parent("table")
    return [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in found.tbody.find_all("tr")
    ]


@pytest.fixture
def reads(blog):
    grief = make_article(parent=blog, title="On grief", tags=["Grief"])
    shame = make_article(parent=blog, title="On shame", tags=["Shame", "Grief"])
    quiet = make_article(parent=blog, title="Never read")
    read(grief, 0, 3)  # today
    read(grief, 10, 2)
    read(grief, 100, 4)
    read(shame, 2, 7)
    read(shame, 400, 50)  # over a year ago: in no column
    return grief, shame, quiet


def test_reads_per_article_and_per_topic_over_7_30_and_365_days(editor_client, reads):
    response = editor_client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert table(html, "Reads per article") == [
        ["On shame", "7", "7", "7"],
        ["On grief", "3", "5", "9"],
    ]
    # "On shame" counts for both its topics.
    assert table(html, "Reads per topic") == [
        ["Grief", "10", "12", "16"],
        ["Shame", "7", "7", "7"],
    ]
    assert "Never read" not in html


def test_the_chart_is_drawn_by_the_server_with_no_script(editor_client, reads):
    html = editor_client.get(URL).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    chart = soup.find("figure", class_="readership-chart")
    bars = chart.find_all("rect")
    assert len(bars) == 30
    # Today is the last bar, the tallest (7 reads two days ago) is full height.
    assert bars[-1].title.get_text().endswith(": 3 reads")
    heights = [float(bar["height"]) for bar in bars]
    assert max(heights) == 120.0 and heights[-3] == 120.0
    assert "12 reads in all; the most in one day, 7." in chart.figcaption.get_text()
    assert chart.find("script") is None


def test_the_dashboard_lists_the_months_five_most_read(editor_client, blog):
    for n in range(7):
        read(make_article(parent=blog, title=f"Read {n} times"), n % 3, n)
    read(make_article(parent=blog, title="Read long ago"), 40, 99)
    html = editor_client.get("/admin/").content.decode()
    panel = BeautifulSoup(html, "html.parser").find(attrs={"data-most-read": True})
    items = [item.get_text(" ", strip=True) for item in panel.ol.find_all("li")]
    assert items == [
        "Read 6 times : 6 reads",
        "Read 5 times : 5 reads",
        "Read 4 times : 4 reads",
        "Read 3 times : 3 reads",
        "Read 2 times : 2 reads",
    ]
    assert panel.find("a", href=URL)


def test_nothing_read_yet_says_so(editor_client, blog):
    html = editor_client.get(URL).content.decode()
    assert "No article has been read in the last 365 days yet." in html
    assert "0 reads in all" in html
    assert "No reads counted yet." in editor_client.get("/admin/").content.decode()


def test_the_report_is_in_the_reports_menu_and_needs_the_admin(editor_client, reads):
    client = Client()
    assert client.get(URL).status_code == 302
    client.force_login(get_user_model().objects.create_user("reader"))
    assert client.get(URL).status_code == 302
    # The Reports menu's item, in the sidebar's data (the panel links too).
    html = editor_client.get("/admin/").content.decode()
    assert '"name": "readership", "label": "Readership"' in html


def test_the_report_says_when_counting_is_off(editor_client, settings, reads):
    settings.READERSHIP_COUNTS = False
    assert "Counting is switched off" in editor_client.get(URL).content.decode()


def test_the_report_and_panel_cost_the_same_queries_at_5_and_50_articles(
    editor_client, blog
):
    def add(count):
        for n in range(count):
            article = make_article(parent=blog, title=f"A{n}", tags=[f"T{n % 7}"])
            read(article, n % 20, n + 1)

    def costs():
        found = {}
        for url in (URL, "/admin/"):
            with CaptureQueriesContext(connection) as queries:
                assert editor_client.get(url).status_code == 200
            found[url] = len(queries)
        return found

    add(5)
    costs()  # the first request signs the editor in and creates settings rows
    small = costs()
    add(45)
    assert costs() == small
    # The report: the session and user, the articles' and topics' sums, the
    # titles, the chart's days, and the admin's own menu and settings.
    assert small[URL] <= 10
