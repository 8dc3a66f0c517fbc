"""The consultation form: only what a first call needs, nothing about health.

Spam is kept out as on every reader's form (base/forms.py), and a request can
be sent once: the hash of its start token is stored with a unique constraint.
"""

import hashlib
import re

from django import forms

from base.clinicians import state_name
from base.forms import GuardedForm
from base.text import join_words

APPOINTMENT_CHOICES = [
    ("in_person", "In person"),
    ("online", "Online"),
    ("either", "Either"),
]
SALT = "consultations.form"


def online_places(clinicians):
    """The states some clinician offers online sessions in, by name and code:
    "New Jersey (NJ) and New York (NY)"."""
    codes = sorted(
        {code for clinician in clinicians for code in clinician.online_states}
    )
    return join_words([f"{state_name(code)} ({code})" for code in codes])


PHONE = re.compile(r"^\+?[\d\s().-]+$")
NOTES_HELP = (
    "Please don't include details about your health here. We'll talk about "
    "that privately."
)


def label(clinician):
    name = (
        f"{clinician.name}, {clinician.credentials}"
        if clinician.credentials
        else clinician.name
    )
    if not clinician.accepting_new_clients:
        return f"{name} (not taking new clients just now)"
    return name


class ConsultationForm(GuardedForm):
    salt = SALT
    ALREADY_SENT = (
        "This request has already been sent. If you want to send another, "
        "please reload the page first."
    )
    name = forms.CharField(
        label="Your name",
        max_length=100,
        help_text="A first name is enough.",
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    email = forms.EmailField(
        label="Email",
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label="Phone",
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    contact_times = forms.CharField(
        label="When is a good time to reach you?",
        max_length=200,
        help_text="For example: weekday evenings, or Tuesday mornings.",
    )
    appointment = forms.ChoiceField(
        label="Would you like to meet in person or online?",
        choices=APPOINTMENT_CHOICES,
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(
        label="Anything practical I should know? (optional)",
        max_length=500,
        required=False,
        help_text=NOTES_HELP,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    HELP_ME_CHOOSE = "Help me choose"

    def __init__(self, *args, clinicians=(), chosen="", **kwargs):
        """In a group practice, the reader may name whom they would like to
        see, or leave the choice to the practice. "Online" says where online
        sessions are possible; the reader is never asked where they live."""
        super().__init__(*args, **kwargs)
        places = online_places(clinicians)
        if places:
            self.fields["appointment"].choices = [
                (value, f"Online, with clients located in {places}")
                if value == "online"
                else (value, text)
                for value, text in APPOINTMENT_CHOICES
            ]
            self.fields["appointment"].help_text = (
                "Online sessions are possible only while you are in one of "
                "those states, where the law lets us see you."
            )
        self.clinicians = {clinician.slug: clinician for clinician in clinicians}
        if len(self.clinicians) > 1:
            self.fields["clinician"] = forms.ChoiceField(
                label="Who would you like to see?",
                choices=[
                    *((slug, label(c)) for slug, c in self.clinicians.items()),
                    ("", self.HELP_ME_CHOOSE),
                ],
                required=False,
                initial=chosen if chosen in self.clinicians else "",
                widget=forms.RadioSelect,
                help_text="If you are not sure, choose “Help me choose”: "
                "we will suggest who fits what you are looking for.",
            )

    @property
    def clinician(self):
        """The clinician chosen, or None for "Help me choose"."""
        return self.clinicians.get(self.cleaned_data.get("clinician", ""))

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = re.sub(r"\D", "", phone)
        if phone and (not PHONE.match(phone) or not 7 <= len(digits) <= 15):
            raise forms.ValidationError(
                "Enter a phone number of 7 to 15 digits, for example (718) 555-0142."
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        given = cleaned.get("email") or cleaned.get("phone")
        if not given and "email" not in self.errors and "phone" not in self.errors:
            message = "Give an email address or a phone number, so I can reply."
            self.add_error("email", message)
            self.add_error("phone", message)
        return cleaned

    @property
    def token_key(self):
        """The token as stored: a hash, since only its reuse matters."""
        return hashlib.sha256(self.cleaned_data["started"].encode()).hexdigest()

    @property
    def details(self):
        """What is sealed and kept."""
        return {
            name: self.cleaned_data[name]
            for name in ("name", "email", "phone", "contact_times", "appointment",
                         "notes")
        }  # fmt: skip
