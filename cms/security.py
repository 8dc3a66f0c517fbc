"""One Content-Security-Policy for readers, a looser one for the admin.

Public pages carry no inline script or style, so their policy forbids both.
Wagtail's editor needs inline scripts and style attributes, and frames its
own preview of a page, so paths under the admin get ADMIN_CONTENT_SECURITY_POLICY.
"""

from functools import cache

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and is_admin(request):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts


@cache
def admin_prefix():
    return reverse("wagtailadmin_home")


def is_admin(request):
    """Wagtail's admin, its previews included: Wagtail renders a preview
    through the middleware again with the page's own path, marked
    `is_preview`, and the editor frames it."""
    return request.path_info.startswith(admin_prefix()) or getattr(
        request, "is_preview", False
    )
