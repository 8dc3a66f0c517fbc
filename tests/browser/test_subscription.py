"""A reader subscribes in a real Chromium from an article, confirms by the
link in the email a real SMTP server received, gets the next article, and
unsubscribes by the link in it."""

import re
import time
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Site

from blog.models import ArticlePage
from subscriptions.models import Subscriber
from tests.browser.conftest import BROWSER_TEST, WCAG_22_AA
from tests.factories import make_article
from tests.workers import work

pytestmark = BROWSER_TEST


@pytest.fixture
def site(demo):
    """The site answers at the live server's address, as a deployed site is
    set up to, so the links in its emails lead back to it."""
    address = urlsplit(demo)
    Site.objects.update(hostname=address.hostname, port=address.port)
    return demo


def link_in(message, part):
    text = message.get_body(("plain",)).get_content()
    (url,) = [u for u in re.findall(r"https?://\S+", text) if part in u]
    return url


def test_subscribe_confirm_receive_and_unsubscribe(tab, site, smtp_server):
    article = ArticlePage.objects.live().filter(tags__slug="anxiety").first()
    tab.goto(site + article.url)
    form = tab.locator("form.subscribe-form")
    form.get_by_label("Your email address").fill("reader@example.org")
    form.get_by_label("Anxiety").check()
    time.sleep(3.2)  # a person takes at least that long
    form.get_by_role("button", name="Subscribe").click()
    expect(tab.get_by_role("heading", name="Check your email")).to_be_visible()
    assert tab.context.cookies() == []

    work()
    ((to, confirmation),) = smtp_server.mailbox.messages
    assert to == ["reader@example.org"]
    assert "about Anxiety" in confirmation.get_content()
    tab.goto(link_in(confirmation, "/subscriptions/confirm/"))
    expect(tab.get_by_role("heading", name="Confirm your subscription")).to_be_visible()
    assert not Subscriber.objects.get().confirmed  # opening the link asks
    tab.get_by_role("button", name="Confirm").click()
    expect(tab.get_by_role("heading", name="You are subscribed")).to_be_visible()
    expect(tab.locator("main")).to_contain_text("about Anxiety")

    make_article(title="Sitting with worry", tags=["Anxiety"])
    make_article(title="Sleeping again", tags=["Sleep"])
    work()
    (message,) = [m for _, m in smtp_server.mailbox.messages[1:]]
    assert message["Subject"] == "Sitting with worry"

    tab.goto(link_in(message, "/subscriptions/unsubscribe/"))
    assert Subscriber.objects.exists()  # opening the link alone changes nothing
    tab.get_by_role("button", name="Unsubscribe").click()
    expect(tab.get_by_role("heading", name="You are unsubscribed")).to_be_visible()
    assert not Subscriber.objects.exists()
    assert tab.context.cookies() == []


def test_the_subscribe_page_and_its_answers_have_no_wcag_22_aa_violations(tab, site):
    tab.goto(site + "/subscribe/")
    results = Axe().run(tab, options=WCAG_22_AA)
    assert results.violations_count == 0, results.generate_report()
    tab.get_by_role("button", name="Subscribe").click()  # empty: errors shown
    expect(tab.get_by_role("alert")).to_contain_text("You are not subscribed yet")
    results = Axe().run(tab, options=WCAG_22_AA)
    assert results.violations_count == 0, results.generate_report()
