"""The consultation form: only what a first call needs, nothing about health.

Spam is kept out without a third party: a field people never see (a bot
fills it), a signed start time (a person takes more than a few seconds, and
a form is sent once), and an hourly limit per address (limits.py).
"""

import hashlib
import re
import secrets
import time

from django import forms
from django.core import signing

APPOINTMENT_CHOICES = [
    ("in_person", "In person"),
    ("online", "Online"),
    ("either", "Either"),
]
MIN_FILL_SECONDS = 3
MAX_FORM_AGE = 24 * 3600
SALT = "consultations.form"
PHONE = re.compile(r"^\+?[\d\s().-]+$")
NOTES_HELP = (
    "Please don't include details about your health here. We'll talk about "
    "that privately."
)


def new_token():
    """When the form was shown, and a nonce that makes it single-use, signed."""
    return signing.dumps({"at": time.time(), "nonce": secrets.token_hex(16)}, salt=SALT)


class ConsultationForm(forms.Form):
    EXPIRED = (
        "This form was open for more than a day. Please check your details and "
        "send it again."
    )
    UNCHECKED = (
        "This form could not be checked. Please check your details and send it again."
    )
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
    # People never see it (the template hides it); bots fill it in.
    website = forms.CharField(label="Leave this field empty", required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    too_many = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = new_token()

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = re.sub(r"\D", "", phone)
        if phone and (not PHONE.match(phone) or not 7 <= len(digits) <= 15):
            raise forms.ValidationError(
                "Enter a phone number of 7 to 15 digits, for example (718) 555-0142."
            )
        return phone

    def clean_started(self):
        try:
            token = signing.loads(
                self.cleaned_data["started"], salt=SALT, max_age=MAX_FORM_AGE
            )
        except signing.SignatureExpired as error:
            raise forms.ValidationError(self.EXPIRED, code="expired") from error
        except (signing.BadSignature, ValueError) as error:
            raise forms.ValidationError(self.UNCHECKED, code="unchecked") from error
        if not isinstance(token, dict) or not {"at", "nonce"} <= token.keys():
            raise forms.ValidationError(self.UNCHECKED, code="unchecked")
        age = time.time() - float(token["at"])
        if age > MAX_FORM_AGE:
            raise forms.ValidationError(self.EXPIRED, code="expired")
        if age < MIN_FILL_SECONDS:
            raise forms.ValidationError(
                "That was sent very quickly. Please check your details and "
                "send it again.",
                code="too_fast",
            )
        return self.cleaned_data["started"]

    def clean(self):
        cleaned = super().clean()
        given = cleaned.get("email") or cleaned.get("phone")
        if not given and "email" not in self.errors and "phone" not in self.errors:
            message = "Give an email address or a phone number, so I can reply."
            self.add_error("email", message)
            self.add_error("phone", message)
        if self.has_error("started") and not self.has_error("started", "too_fast"):
            # Shown again, the form carries a token that can still be sent.
            self.data = self.data.copy()
            self.data["started"] = new_token()
        return cleaned

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

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
