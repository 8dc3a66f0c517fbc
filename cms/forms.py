"""The admin's "Forgot password?" form, refusing at once when the site has
no email to send the link with."""

from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from cms.mail import UnconfiguredEmailBackend


class PasswordResetForm(WagtailPasswordResetForm):
    def clean(self):
        if isinstance(get_connection(), UnconfiguredEmailBackend):
            raise ValidationError(
                "This site cannot send email yet, so no reset link can be sent. "
                "Whoever looks after the site can set up email (EMAIL_URL), or "
                "set a new password with `manage.py changepassword`."
            )
        return super().clean()
