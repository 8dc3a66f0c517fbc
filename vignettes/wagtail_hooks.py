"""The page editor's help with vignettes."""

from django.templatetags.static import static
from django.utils.html import format_html, json_script
from wagtail import hooks

from vignettes.blocks import DISCLAIMERS


@hooks.register("insert_editor_js")
def disclaimer_follows_the_kind():
    """Each kind's wording, and the script that fills it in as she switches
    kinds (static/js/vignette_disclaimer.js)."""
    return format_html(
        '{}<script src="{}" defer></script>',
        json_script(DISCLAIMERS, "vignette-disclaimers"),
        static("js/vignette_disclaimer.js"),
    )
