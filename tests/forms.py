"""Admin form data for articles, built the way the page editor posts it."""

from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from base.models import ReaderNoticeSettings


def list_block(values):
    """Form data for a ListBlock, the way the editor's JavaScript posts it."""
    data = {
        str(i): {"value": value, "deleted": "", "order": str(i)}
        for i, value in enumerate(values)
    }
    data["count"] = str(len(values))
    return data


def vignette_form(**overrides):
    return {
        "kind": "composite",
        "title": "Noor and the silent dinner",
        "disclaimer": "Noor is a composite of many people.",
        "people": list_block(["Noor", "Elias"]),
        "deidentified": "on",
        "body": streamfield(
            [
                ("heading", "The first session"),
                ("paragraph", rich_text("<p>Noor arrived ten minutes late.</p>")),
            ]
        ),
    } | overrides


def article_form(body, related=(), authors=(), **fields):
    """Post data for the article editor; `body` is a list of (type, value),
    `authors` clinicians in the byline's order."""
    return nested_form_data(
        {
            "title": "Why we go quiet when we are hurt",
            "slug": "why-we-go-quiet",
            "date": "2026-02-14",
            "summary": "Silence can protect us and cost us at the same time.",
            "tags": "Shame, Relationships",
            "body": streamfield(body),
            "related_links": inline_formset([{"page": page.pk} for page in related]),
            "authors": inline_formset(
                [{"clinician": clinician.pk} for clinician in authors]
            ),
        }
        | fields
    )


def about_me_form(about_me, **changes):
    """The about-me snippet's edit form as it stands, with `changes`."""
    fields = {
        "name": about_me.name,
        "credentials": about_me.credentials,
        "job_title": about_me.job_title,
        "bio": rich_text(about_me.bio),
        "specialties": about_me.specialties,
        "modalities": about_me.modalities,
        "location": about_me.location,
        "phone": about_me.phone,
        "email": about_me.email,
        "website": about_me.website,
        "booking_url": about_me.booking_url,
        "slug": about_me.slug,
        "accepting_new_clients": about_me.accepting_new_clients,
        "fees": about_me.fees,
        "directory_url": about_me.directory_url,
        "notify_email": about_me.notify_email,
        "languages": about_me.languages,
        "online_states": about_me.online_states,
        "topics": [topic.pk for topic in about_me.topics.all()] if about_me.pk else [],
        "licences": inline_formset(
            [
                {"id": x.pk, "kind": x.kind, "number": x.number, "state": x.state}
                for x in about_me.licences.all()
            ]
            if about_me.pk
            else []
        ),
    }
    fields |= changes
    # Multiple choices post each value under the one name, which
    # nested_form_data would number as a formset's.
    choices = {
        name: fields.pop(name)
        for name in ("languages", "online_states", "topics")
        if name in fields
    }
    return nested_form_data(fields) | choices


def post_notices(client, crisis, not_therapy="<p>This blog is not therapy.</p>"):
    """Save Settings > Reader notices through the admin, as the editor does."""
    pk = ReaderNoticeSettings.load().pk
    return client.post(
        reverse("wagtailsettings:edit", args=["base", "readernoticesettings", pk]),
        nested_form_data(
            {
                "crisis_notice": rich_text(crisis),
                "not_therapy_notice": rich_text(not_therapy),
            }
        ),
    )
