from django import template

from base.notices import current_notices

register = template.Library()


@register.simple_tag(takes_context=True)
def reader_notices(context):
    """The crisis and "not therapy" notices, as HTML, for the page footer."""
    return current_notices(context.get("request"))
