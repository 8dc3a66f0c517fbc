"""What a clinician's profile holds beyond the bio: licences, the states and
languages they work in, and the form that offers them as tick boxes.

The profile is the about-me snippet (base.models.AboutMe): a practice of one
has one, a group practice one per clinician."""

from django import forms
from django.conf import global_settings
from django.db import models
from django.utils.functional import lazy
from localflavor.us.us_states import (
    CONTIGUOUS_STATES,
    NON_CONTIGUOUS_STATES,
    US_TERRITORIES,
)
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


def state_choices():
    """The states, DC and the territories, where a US licence is issued
    (localflavor's list, without military mail codes), by name."""
    places = CONTIGUOUS_STATES + NON_CONTIGUOUS_STATES + US_TERRITORIES
    return sorted(places, key=lambda place: str(place[1]))


def language_choices():
    """Django's languages, without regional variants ("en", not "en-au"):
    readers look for a clinician who speaks Spanish, not Argentine Spanish."""
    return [
        (code, name)
        for code, name in global_settings.LANGUAGES
        if "-" not in code or code in ("zh-hans", "zh-hant")
    ]


STATES = lazy(state_choices, list)()
LANGUAGES = lazy(language_choices, list)()


def state_name(code):
    return dict(state_choices()).get(code, code)


def language_name(code):
    return str(dict(language_choices()).get(code, code))


class ClinicianLicence(Orderable):
    """One licence: readers and matching services check it with the state's
    board, and online sessions are allowed only where one is held."""

    clinician = ParentalKey(
        "base.AboutMe", on_delete=models.CASCADE, related_name="licences"
    )
    kind = models.CharField(
        "licence type",
        max_length=60,
        help_text="For example LCSW, LMFT, LPC or Psychologist.",
    )
    number = models.CharField("licence number", max_length=40)
    state = models.CharField(max_length=2, choices=state_choices)

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("number"), FieldPanel("state")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = "licence"

    def __str__(self):
        return f"{self.kind} {self.number} ({self.state})"

    @property
    def state_name(self):
        return state_name(self.state)


class ClinicianForm(WagtailAdminModelForm):
    """Languages and online states as tick boxes, stored as lists of codes."""

    online_states = forms.MultipleChoiceField(
        label="States where you offer online sessions",
        choices=STATES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Online sessions are possible only with clients located in "
        "a state where you are licensed or allowed to practise (PSYPACT, say).",
    )
    languages = forms.MultipleChoiceField(
        label="Languages you offer therapy in",
        choices=LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
