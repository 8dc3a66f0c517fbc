"""The clinical vignette: an invented story that shows an article's idea at work."""

from wagtail import blocks

DEFAULT_DISCLAIMER = (
    "This vignette is fictional. It is based on no one client and contains no "
    "identifying information."
)

KIND_CHOICES = [
    ("fictional", "Fictional"),
    ("composite", "Composite"),
]

KIND_LABELS = {
    "fictional": "Fictional clinical vignette",
    "composite": "Composite vignette",
}


class VignetteBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link"],
        icon="pilcrow",
        label="Paragraph",
        help_text="A paragraph of the story.",
        template="blocks/paragraph_block.html",
        description="A paragraph of the vignette.",
        preview_value="<p>Jane arrived early and sat by the door.</p>",
    )
    heading = blocks.CharBlock(
        max_length=120,
        icon="title",
        label="Heading",
        help_text="A short heading inside the vignette, for example 'Session two'.",
        template="blocks/vignette_heading_block.html",
        description="A heading inside the vignette.",
        preview_value="Session two",
    )

    class Meta:
        min_num = 1


class VignetteBlock(blocks.StructBlock):
    """A fictional or composite client story, set apart from the rest of the article.

    The kind and disclaimer tell readers plainly that no real client is described.
    """

    kind = blocks.ChoiceBlock(
        choices=KIND_CHOICES,
        required=True,
        help_text="Fictional: the client is invented. Composite: details from "
        "many people are blended so no one person is described.",
    )
    title = blocks.CharBlock(
        max_length=200,
        help_text="For example 'Ned and the empty waiting room'.",
    )
    disclaimer = blocks.TextBlock(
        default=DEFAULT_DISCLAIMER,
        help_text="Shown to readers at the top of the vignette. The standard "
        "wording is filled in for you.",
    )
    people = blocks.ListBlock(
        blocks.CharBlock(max_length=60, label="Pseudonym"),
        required=False,
        default=[],
        label="Pseudonyms",
        help_text="The invented names used in this story, for example Ned, Jane.",
    )
    body = VignetteBodyBlock(help_text="The story itself.")

    class Meta:
        icon = "user"
        label = "Clinical vignette"
        template = "blocks/vignette_block.html"
        help_text = (
            "An invented or composite client story that shows the article's idea. "
            "Never include real names, dates, places or other details that "
            "could identify a client."
        )
        description = "A fictional or composite client story, clearly labelled."
        preview_value = {
            "kind": "fictional",
            "title": "Ned and the unanswered email",
            "disclaimer": DEFAULT_DISCLAIMER,
            "people": ["Ned"],
            "body": [
                (
                    "paragraph",
                    "<p>Ned, a man in his forties, came to therapy saying he "
                    "only wanted tips for sleeping better.</p>",
                ),
            ],
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["kind_label"] = KIND_LABELS.get(value.get("kind"), "Clinical vignette")
        return context
