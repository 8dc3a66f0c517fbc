"""Blocks that show practice-wide content inside an article."""

from copy import copy

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.caching import remember
from home.models import GettingHelpSettings


class GettingHelpBlock(blocks.StructBlock):
    """The practice's shared call to action, with optional words for this article.

    The shared part lives in the "Getting help in therapy" setting, so a new
    phone number or booking link is typed once and reaches every article.
    """

    text = blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "link"],
        label="Words for this article",
        help_text="Optional. Shown above the practice's standard offer, for "
        "example a sentence tying the offer to this article's topic.",
    )

    class Meta:
        icon = "help"
        label = "Getting help in therapy"
        template = "blocks/getting_help_block.html"
        help_text = (
            "The practice's consultation offer and contact details, from "
            "Settings > Getting help in therapy."
        )
        description = "The call to action that ends every article."
        preview_value = {
            "text": "<p>If you recognise yourself in this article, therapy can "
            "help.</p>"
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["help"] = GettingHelpSettings.load(
            request_or_site=context.get("request")
        )
        return context


class AboutMeBlock(SnippetChooserBlock):
    """The shared about-me bio; editing the snippet changes every article."""

    def __init__(self, **kwargs):
        super().__init__("home.AboutMe", **kwargs)

    def get_preview_value(self):
        return self.target_model.get_default()

    def bulk_to_python(self, values):
        """The bios (there is usually one), kept in the page cache until one
        is published or deleted, as every article shows one."""
        bios = remember(
            "about-me", lambda: {bio.pk: bio for bio in self.model_class.objects.all()}
        )
        return [
            copy(bios.get(value)) if value is not None else None for value in values
        ]

    class Meta:
        icon = "user"
        label = "About me"
        template = "blocks/about_me_block.html"
        help_text = (
            "Your bio from Snippets > About me. Edit it there once and every "
            "article changes."
        )
        description = "Your shared bio card, the same on every article."
