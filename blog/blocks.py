"""The article body: its named parts plus a few general-purpose blocks."""

from wagtail import blocks

from base.blocks import (
    PARAGRAPH_FEATURES,
    AboutMeBlock,
    ArticleImageBlock,
    GettingHelpBlock,
    HeadingBlock,
    ParagraphBlock,
)
from vignettes.blocks import VignetteBlock


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text="The words being quoted.")
    attribution = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text="Optional. Who said or wrote it.",
    )

    class Meta:
        icon = "openquote"
        label = "Quote"
        template = "blocks/quote_block.html"
        help_text = "A quotation set apart from the text."
        description = "A quotation, with an optional attribution."
        preview_value = {
            "text": "The curious paradox is that when I accept myself just as I "
            "am, then I can change.",
            "attribution": "Carl Rogers",
        }


class ArticleStreamBlock(blocks.StreamBlock):
    intro = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        icon="doc-full",
        label="Introduction",
        help_text="Explain the clinical idea this article is about. Shown as "
        "the lead of the article.",
        template="blocks/intro_block.html",
        description="The opening that explains the article's idea.",
        preview_value="<p>One of the first lessons therapists learn is to slow "
        "down and listen before trying to help.</p>",
    )
    vignette = VignetteBlock()
    conclusion = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES,
        icon="tick",
        label="Conclusion",
        help_text="Draw the threads together after the vignette.",
        template="blocks/conclusion_block.html",
        description="The closing thoughts of the article.",
        preview_value="<p>Change tends to come when we feel understood first.</p>",
    )
    getting_help = GettingHelpBlock()
    about_me = AboutMeBlock()
    paragraph = ParagraphBlock(
        features=PARAGRAPH_FEATURES,
        help_text="Text, lists and links. Use the link button to point to "
        "another of your articles ('see my article ...').",
        description="A paragraph of text that can link to your other articles.",
        preview_value="<p>See my article on choosing a therapist for more on this.</p>",
    )
    heading = HeadingBlock(
        help_text="A section heading inside the article.",
        description="A section heading.",
        preview_value="Why listening comes first",
    )
    quote = QuoteBlock()
    image = ArticleImageBlock()

    class Meta:
        block_counts = {
            "intro": {"max_num": 1},
            "conclusion": {"max_num": 1},
            "getting_help": {"max_num": 1},
            "about_me": {"max_num": 1},
        }
