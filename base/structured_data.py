"""Schema.org JSON-LD: how search engines learn who wrote an article and what
the practice is."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.safestring import mark_safe

# Inside <script>, "</script>" or "<!--" in an editor's text would end the
# element early; escaped like this they are still the same JSON string.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
HEADLINE_LENGTH = 110


def compact(data):
    """The dict without empty values: no "telephone": "" for a blank field."""
    return {key: value for key, value in data.items() if value not in ("", None, [])}


def local_time(moment):
    """ISO 8601 in the site's time zone, so the date matches the one shown."""
    return timezone.localtime(moment).isoformat() if moment else None


def as_script(data):
    """The data as a JSON-LD <script> element, safe to put in the page."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1)
    # Safe: SCRIPT_ESCAPES turns every <, > and & into \u003C and the like, so
    # no text can close the element (tests/cms/test_xss.py). Django's json_script
    # would do the same but cannot set type="application/ld+json".
    return mark_safe(  # nosec B308 B703
        f'<script type="application/ld+json">{text.translate(SCRIPT_ESCAPES)}</script>'
    )


def person(about, home_url, image_url=None, profile_url=None):
    """A clinician, from their profile: `profile_url` names their page on a
    group practice's team, else they are the practice's one therapist."""
    credentials = [part.strip() for part in about.credentials.split(",")]
    same_as = [url for url in (about.booking_url, about.directory_url) if url]
    return compact(
        {
            "@type": "Person",
            "@id": f"{profile_url or home_url}#person",
            "name": about.name,
            "honorificSuffix": about.credentials,
            "hasCredential": [
                {"@type": "EducationalOccupationalCredential", "name": credential}
                for credential in credentials
                if credential
            ]
            + [licence_credential(licence) for licence in about.licences.all()],
            "jobTitle": about.job_title,
            "url": profile_url or about.website or home_url,
            "sameAs": same_as,
            "image": image_url,
            "knowsAbout": about.specialty_list,
            "knowsLanguage": about.languages,
            "makesOffer": online_sessions(about),
        }
    )


def online_sessions(about):
    """Where the clinician sees clients online, as an offer: schema.org gives
    `areaServed` to offers and services, not to people."""
    if not about.online_states:
        return None
    states = [{"@type": "State", "name": name} for name in about.online_state_names]
    return {
        "@type": "Offer",
        "itemOffered": {"@type": "Service", "name": "Online sessions"},
        "areaServed": states,
    }


def licence_credential(licence):
    """A state licence, as the board that issued it would name it, valid in
    its state."""
    return {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "license",
        "name": licence.kind,
        "identifier": licence.number,
        "validIn": {"@type": "State", "name": licence.state_name},
    }


def practice(about, name, home_url, image_url=None, team=()):
    """The practice and the therapist who runs it, for the home page; a
    group practice's other clinicians, each with their profile's address
    (`team`: pairs of profile and address), are its members."""
    therapist = person(about, home_url, image_url)
    members = [person(member, home_url, None, url) for member, url in team]
    service = compact(
        {
            "@type": "ProfessionalService",
            "@id": f"{home_url}#practice",
            "name": name or about.name,
            "url": home_url,
            "image": image_url,
            "address": about.location,
            "areaServed": about.location,
            "telephone": about.phone,
            "email": about.email,
            "founder": {"@id": therapist["@id"]},
            "employee": {"@id": therapist["@id"]},
            "member": [{"@id": member["@id"]} for member in (therapist, *members)]
            if members
            else [],
        }
    )
    for member in (therapist, *members):
        member["worksFor"] = {"@id": service["@id"]}
    return {"@context": "https://schema.org", "@graph": [therapist, service, *members]}


def blog_posting(article, url, authors, home_url, image_url=None, profiles=None):
    """One article, with its authors: one is given as an object, as before
    the practice had several, more as a list. `profiles` maps an author to
    their profile's address on the team page."""
    profiles = profiles or {}
    people = [person(a, home_url, None, profiles.get(a.pk)) for a in authors]
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": article.title[:HEADLINE_LENGTH],
            "description": article.summary_text,
            "datePublished": local_time(article.published_at),
            "dateModified": local_time(
                article.last_published_at or article.published_at
            ),
            "url": url,
            "mainEntityOfPage": url,
            "image": image_url,
            "keywords": [tag.name for tag in article.topics],
            "author": people[0] if len(people) == 1 else people,
        }
    )


def faq_page(questions, url):
    """An information page's questions and answers, as a FAQPage."""
    return {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "url": url,
        "mainEntity": [
            {
                "@type": "Question",
                "name": qa["question"],
                "acceptedAnswer": {"@type": "Answer", "text": str(qa["answer"])},
            }
            for qa in questions
        ],
    }
