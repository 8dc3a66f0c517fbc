"""The clinical vignette: an invented story that shows an article's idea at work."""

import re

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

from base.blocks import AnchoredBlock, ArticleImageBlock, HeadingBlock, ParagraphBlock

DEFAULT_DISCLAIMER = (
    "This vignette is fictional. It is based on no one client and contains no "
    "identifying information."
)
COMPOSITE_DISCLAIMER = (
    "This vignette is a composite. Details from several people have been "
    "combined and changed, so that no one person is described."
)
# What each kind tells readers, filled in until she writes her own words.
DISCLAIMERS = {"fictional": DEFAULT_DISCLAIMER, "composite": COMPOSITE_DISCLAIMER}
# Words that say the other kind: a composite is drawn from real people, so it
# is never "fictional" or "based on no one"; a fictional story never "combines
# details" of several clients.
CONTRADICTIONS = {
    "composite": re.compile(
        r"\bfiction(?:al)?\b|\bbased on no (?:one|real|actual|single)\b"
        r"|\bnot based on (?:any|a) real\b|\bentirely invented\b",
        re.IGNORECASE,
    ),
    "fictional": re.compile(
        r"\bcomposite\b|\bbased on (?:several|many|a number of|real|actual|"
        r"my|former|past) (?:clients|people|cases|patients)\b"
        r"|\b(?:combin|blend|merg)\w* (?:the )?(?:details|elements|stories|features)",
        re.IGNORECASE,
    ),
}

KIND_CHOICES = [
    ("fictional", "Fictional"),
    ("composite", "Composite"),
]

DEIDENTIFIED_LABEL = (
    "I confirm this vignette contains no real names, dates, places, occupations "
    "or other details that could identify a client, or that I have the client's "
    "written consent."
)

KIND_LABELS = {
    "fictional": "Fictional clinical vignette",
    "composite": "Composite vignette",
}


def kind_label(kind):
    """What readers see above a vignette of this kind."""
    return KIND_LABELS.get(kind, "Clinical vignette")


class VignetteBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock(
        features=["bold", "italic", "link"],
        help_text="A paragraph of the story.",
        description="A paragraph of the vignette.",
        preview_value="<p>Jane arrived early and sat by the door.</p>",
    )
    heading = HeadingBlock(
        help_text="A short heading inside the vignette, for example 'Session two'.",
        template="blocks/vignette_heading_block.html",
        description="A heading inside the vignette.",
        preview_value="Session two",
    )
    image = ArticleImageBlock()

    class Meta:
        min_num = 1


class VignetteBlock(AnchoredBlock, blocks.StructBlock):
    """A fictional or composite client story, set apart from the rest of the article.

    The kind and disclaimer tell readers plainly that no real client is described.
    """

    anchor_prefix = "vignette"

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
    deidentified = blocks.BooleanBlock(
        required=True,
        label=DEIDENTIFIED_LABEL,
        help_text="Needed before the article can be published. Drafts save without it.",
    )

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
            "deidentified": True,
            "body": [
                (
                    "paragraph",
                    "<p>Ned, a man in his forties, came to therapy saying he "
                    "only wanted tips for sleeping better.</p>",
                ),
            ],
        }

    def clean(self, value):
        """On publish, name each missing safeguard in words the therapist
        understands, rather than Wagtail's bare "This field is required"."""
        gate = {} if self.is_deferred_validation else publish_problems(value)
        child_errors = {}
        try:
            cleaned = super().clean(value)
        except StructBlockValidationError as error:
            child_errors = error.block_errors
        if gate or child_errors:
            raise StructBlockValidationError(
                block_errors=child_errors | gate,
                non_block_errors=[PUBLISH_REFUSED] if gate else None,
            )
        return cleaned

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["kind_label"] = kind_label(value.get("kind"))
        return context


PUBLISH_REFUSED = (
    "This vignette can't be published until it is labelled fictional or "
    "composite, has a disclaimer, and is confirmed as de-identified."
)


def publish_problems(value):
    """The safeguards a vignette lacks before it may go live, by child name."""
    disclaimer = (value.get("disclaimer") or "").strip()
    missing = {
        "kind": not value.get("kind"),
        "disclaimer": not disclaimer,
        "deidentified": not value.get("deidentified"),
    }
    messages = {
        "kind": "Choose whether this vignette is fictional or composite.",
        "disclaimer": "Write the disclaimer readers see above the vignette.",
        "deidentified": "Tick this box to confirm the vignette identifies no "
        "client, or that you have the client's written consent.",
    }
    problems = {
        name: ValidationError(messages[name])
        for name, lacking in missing.items()
        if lacking
    }
    if contradiction := disclaimer_contradiction(value.get("kind"), disclaimer):
        problems["disclaimer"] = ValidationError(contradiction)
    return problems


def disclaimer_contradiction(kind, disclaimer):
    """What is untrue in a disclaimer for this kind of vignette, or ""."""
    found = CONTRADICTIONS.get(kind) and CONTRADICTIONS[kind].search(disclaimer)
    if not found:
        return ""
    if kind == "composite":
        return (
            f"This disclaimer says “{found.group(0)}”, but a composite vignette "
            "is drawn from real people, changed and combined, so readers would "
            f"be told something untrue. For example: “{COMPOSITE_DISCLAIMER}”"
        )
    return (
        f"This disclaimer says “{found.group(0)}”, but a fictional vignette "
        "describes an invented client, so readers would be told something "
        f"untrue. For example: “{DEFAULT_DISCLAIMER}”"
    )
