"""Spam defences shared by every form readers send (a consultation request, a
subscription), none of them a third party's: a field people never see (a bot
fills it), a signed start time (a person takes more than a few seconds), and
an hourly limit per client address (base/limits.py)."""

import re
import secrets
import time

from django import forms
from django.core import signing

MIN_FILL_SECONDS = 3
MAX_FORM_AGE = 24 * 3600
# A stored page (the page cache, a template fragment) is one copy for every
# reader, so a start time rendered into it would be shared, and old enough
# for a bot's instant post. Forms render this placeholder instead, and each
# response gets its own signed time on the way out (stamp(), called by
# cms.middleware.FreshFormTokensMiddleware).
PLACEHOLDER = b"fresh-form-token:"
FRESH = re.compile(re.escape(PLACEHOLDER) + rb"([a-z][a-z.]{0,60})")


def new_token(salt):
    """When the form was shown, and a nonce that makes each one unique, signed."""
    return signing.dumps({"at": time.time(), "nonce": secrets.token_hex(16)}, salt=salt)


def stamp(content):
    """`content` with each placeholder replaced by a start time of now."""
    return FRESH.sub(lambda match: new_token(match[1].decode()).encode(), content)


class GuardedForm(forms.Form):
    """A reader's form with a honeypot (`website`) and a signed start time
    (`started`), each subclass signing with its own `salt`."""

    salt = None
    EXPIRED = (
        "This form was open for more than a day. Please check your details and "
        "send it again."
    )
    UNCHECKED = (
        "This form could not be checked. Please check your details and send it again."
    )
    TOO_FAST = (
        "That was sent very quickly. Please check your details and send it again."
    )

    # People never see it (the templates hide it); bots fill it in.
    website = forms.CharField(label="Leave this field empty", required=False)
    started = forms.CharField(widget=forms.HiddenInput)

    too_many = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = self.placeholder()

    @classmethod
    def placeholder(cls):
        return (PLACEHOLDER + cls.salt.encode()).decode()

    def clean_started(self):
        try:
            token = signing.loads(
                self.cleaned_data["started"], salt=self.salt, max_age=MAX_FORM_AGE
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
            raise forms.ValidationError(self.TOO_FAST, code="too_fast")
        return self.cleaned_data["started"]

    def clean(self):
        cleaned = super().clean()
        if self.has_error("started") and not self.has_error("started", "too_fast"):
            # Shown again, the form carries a token that can still be sent.
            self.data = self.data.copy()
            self.data["started"] = self.placeholder()
        return cleaned

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))
