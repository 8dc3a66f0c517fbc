"""A reader asks for a consultation in a real Chromium: with the keyboard,
without JavaScript, errors announced; the therapist's notification arrives at
a real SMTP server through the real worker, and says nothing of the request."""

import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from consultations.models import ConsultationRequest
from tests.browser.conftest import BROWSER_TEST, WCAG_22_AA
from tests.workers import work

pytestmark = BROWSER_TEST


@pytest.fixture
def therapist_email(demo, django_user_model):
    admin = django_user_model.objects.get(username="admin")
    admin.email = "dana@example.org"
    admin.save()
    return admin.email


def fill(tab, **values):
    for label, value in values.items():
        tab.get_by_label(label, exact=False).fill(value)


def test_a_reader_sends_a_request_and_the_therapist_is_told_only_that(
    browser, demo, therapist_email, smtp_server
):
    # No JavaScript: the form works as plain HTML.
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(demo + "/")
    tab.get_by_role("link", name="Ask for a consultation").first.click()
    expect(
        tab.get_by_role("heading", name="This form is not for emergencies")
    ).to_be_visible()

    # Sent empty: the errors are listed, announced, and each links its field.
    tab.get_by_role("button", name="Send request").click()
    alert = tab.get_by_role("alert")
    expect(alert).to_contain_text("Your request was not sent yet")
    expect(tab.locator("#id_name")).to_have_attribute("aria-invalid", "true")
    assert "id_name_error" in tab.locator("#id_name").get_attribute("aria-describedby")

    fill(tab, **{"Your name": "Philippa", "Email": "philippa.quill@example.org",
                 "good time": "Thursdays after four",
                 "practical": "Is there a lift to the third floor?"})  # fmt: skip
    tab.get_by_label("Online").check()
    time.sleep(3.2)  # a person takes at least that long
    tab.get_by_role("button", name="Send request").click()
    expect(tab.get_by_role("heading", name="Thank you")).to_be_visible()
    expect(tab.locator("main")).to_contain_text("I will reply within two working days")
    context.close()

    stored = ConsultationRequest.objects.get()
    assert stored.name == "Philippa" and stored.appointment == "Online"
    work()
    ((recipients, message),) = smtp_server.mailbox.messages
    assert recipients == [therapist_email]
    text = message["Subject"] + "\n" + message.get_body().get_content()
    assert f"/admin/consultation_requests/inspect/{stored.pk}/" in text
    for secret in ("Philippa", "philippa.quill", "Thursdays", "lift", "third floor"):
        assert secret not in text


def test_the_form_and_its_errors_have_no_wcag_22_aa_violations(tab, demo):
    tab.goto(demo + "/consultation/")
    for state in ("empty", "sent with errors"):
        results = Axe().run(tab, options=WCAG_22_AA)
        assert results.response["passes"], "axe checked nothing"
        assert results.violations_count == 0, (state, results.generate_snapshot())
        tab.get_by_role("button", name="Send request").click()
        expect(tab.get_by_role("alert")).to_contain_text("not sent yet")


def test_the_keyboard_reaches_every_field_in_order_and_skips_the_trap(tab, demo):
    tab.goto(demo + "/consultation/")
    tab.locator("#id_name").focus()
    reached = []
    for _ in range(9):
        reached.append(tab.evaluate("document.activeElement.name"))
        tab.keyboard.press("Tab")
    assert reached[:5] == ["name", "email", "phone", "contact_times", "appointment"]
    assert "notes" in reached
    assert "website" not in reached
