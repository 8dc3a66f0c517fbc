"""The admin's "Forgot password?" form: refused at once when the site has no
email to send the link with, and unable to bury an inbox. One account gets
at most one link every 15 minutes, and one client address may ask a few
times an hour; past either, the page answers as it always does, so it tells
nobody whether an account exists or was asked for."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from base import limits
from cms.mail import UnconfiguredEmailBackend

ASKED = "password-reset"
SENT = "password-reset-sent"
ASKS_PER_HOUR = 5
ONE_LINK_PER = timedelta(minutes=15)


class PasswordResetForm(WagtailPasswordResetForm):
    def clean(self):
        if isinstance(get_connection(), UnconfiguredEmailBackend):
            raise ValidationError(
                "This site cannot send email yet, so no reset link can be sent. "
                "Whoever looks after the site can set up email (EMAIL_URL), or "
                "set a new password with `manage.py changepassword`."
            )
        return super().clean()

    def get_users(self, email):
        """The accounts to send a link to: not one sent a link in the last
        15 minutes."""
        for user in super().get_users(email):
            account = f"user:{user.pk}"
            if limits.recently(SENT, account, within=ONE_LINK_PER):
                continue
            limits.note(SENT, account)
            yield user

    def save(self, *args, request=None, **kwargs):
        if request is not None:
            if limits.over_limit(request, ASKED, ASKS_PER_HOUR):
                return
            limits.record(request, ASKED)
        super().save(*args, request=request, **kwargs)
