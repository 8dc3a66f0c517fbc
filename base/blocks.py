"""Blocks every body is made of: text, and the practice-wide parts of an article."""

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from base.models import AboutMe, GettingHelpSettings

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class ParagraphBlock(blocks.RichTextBlock):
    """A paragraph of rich text; each body chooses the features it allows."""

    class Meta:
        icon = "pilcrow"
        label = "Paragraph"
        template = "blocks/paragraph_block.html"


class AnchoredBlock:
    """A block whose place in a page has an id made from its block id, so a
    link to it (an article's contents, the vignette library) keeps working
    when the text changes. Its template gets the id as `anchor` when given a
    `block_id`."""

    anchor_prefix = None

    @classmethod
    def anchor_for(cls, block_id):
        return f"{cls.anchor_prefix}-{block_id}"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        if block_id := context.get("block_id"):
            context["anchor"] = self.anchor_for(block_id)
        return context


class HeadingBlock(AnchoredBlock, blocks.CharBlock):
    """A short heading inside a body."""

    def __init__(self, **kwargs):
        super().__init__(max_length=120, **kwargs)

    class Meta:
        icon = "title"
        label = "Heading"
        template = "blocks/heading_block.html"

    anchor_prefix = "section"


class ArticleImageBlock(blocks.StructBlock):
    """A picture with its alt text and an optional caption shown under it.

    Stored as Wagtail's ImageBlock stores a picture (image, decorative,
    alt_text), with `caption` beside them, so pictures saved before captions
    existed read back unchanged. ImageBlock itself turns its value into the
    image and has no place for a caption.
    """

    image = ImageChooserBlock()
    decorative = blocks.BooleanBlock(
        required=False,
        label="Decorative",
        help_text="Tick only if the picture adds nothing to the words.",
    )
    alt_text = blocks.CharBlock(
        required=False,
        max_length=350,
        label="Alt text",
        help_text="What the picture shows, for readers who cannot see it.",
    )
    caption = blocks.CharBlock(
        required=False,
        max_length=500,
        help_text="Shown to readers under the picture.",
    )

    def clean(self, value):
        value = super().clean(value)
        if not value["decorative"] and not (value["alt_text"] or "").strip():
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        "Describe the picture, or tick 'decorative'."
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["alt"] = "" if value["decorative"] else value["alt_text"]
        return context

    def get_preview_value(self):
        image = get_image_model().objects.order_by("-created_at").first()
        if image is None:
            return None
        return self.to_python({"image": image.pk, "alt_text": image.title})

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/image_block.html"
        help_text = (
            "Describe the image in the alt text for readers who cannot see it, "
            "or tick 'decorative' if it adds nothing to the words."
        )
        description = "A picture from the image library, with alt text and caption."


class QuestionAnswerBlock(blocks.StructBlock):
    """A question readers ask and its answer. A page's questions are also
    given to search engines as a schema.org FAQPage (base/structured_data.py)."""

    question = blocks.CharBlock(
        max_length=200,
        help_text="As a reader would ask it, for example "
        "'Do you offer sliding-scale fees?'",
    )
    answer = blocks.RichTextBlock(features=PARAGRAPH_FEATURES)

    class Meta:
        icon = "help"
        label = "Question and answer"
        template = "blocks/question_answer_block.html"
        help_text = "One question with its answer, for a FAQ."
        description = "A question readers ask, with your answer."
        preview_value = {
            "question": "How long is a session?",
            "answer": "<p>Sessions last 50 minutes.</p>",
        }


class InformationStreamBlock(blocks.StreamBlock):
    """The body of an information page (about, fees, FAQ, privacy): the
    article's text blocks, an image, and questions with their answers."""

    heading = HeadingBlock(
        help_text="A section heading, for example 'Insurance'.",
        description="A section heading.",
        preview_value="Fees and insurance",
    )
    paragraph = ParagraphBlock(
        features=PARAGRAPH_FEATURES,
        help_text="Text, lists and links.",
        description="A paragraph of text.",
        preview_value="<p>A first consultation is free of charge.</p>",
    )
    image = ArticleImageBlock()
    question = QuestionAnswerBlock()


class GettingHelpBlock(AnchoredBlock, blocks.StructBlock):
    """The practice's shared call to action, with optional words for this article.

    The shared part lives in the "Getting help in therapy" setting and the
    contact details in the about-me, so each is typed once and reaches every
    article.
    """

    anchor_prefix = "getting-help"

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
            "The practice's consultation offer from Settings > Getting help in "
            "therapy, with the phone, email and booking link from the first "
            "profile in Clinicians."
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
        # A page showing many articles (a feed) looks the practice up once.
        context["contact"] = context.get("contact") or AboutMe.get_default()
        return context


class AboutMeBlock(SnippetChooserBlock):
    """The shared about-me bio; editing the snippet changes every article."""

    def __init__(self, **kwargs):
        super().__init__("base.AboutMe", **kwargs)

    def get_preview_value(self):
        return self.target_model.get_default()

    def get_context(self, value, parent_context=None):
        """The bios to show: a page that names its authors says whose
        (`bios`, an article's); else the one chosen here, if published."""
        context = super().get_context(value, parent_context=parent_context)
        page = context.get("page")
        if hasattr(page, "bios"):
            context["bios"] = page.bios(value)
        else:
            context["bios"] = [value] if value and value.live else []
        return context

    class Meta:
        icon = "user"
        label = "About me"
        template = "blocks/about_me_block.html"
        help_text = (
            "Your bio from Clinicians. Edit it there once and every article "
            "changes. Where an article names its authors, their bios are "
            "shown instead."
        )
        description = "Your shared bio card, the same on every article."
