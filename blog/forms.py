from django import forms
from wagtail.admin.forms import WagtailAdminPageForm

CONTENT_NOTE_CHOICES = [
    ("suicide", "suicide"),
    ("self-harm", "self-harm"),
    ("sexual-violence", "sexual violence"),
    ("child-abuse", "child abuse"),
    ("domestic-abuse", "domestic abuse"),
    ("eating-disorders", "eating disorders"),
    ("substance-use", "substance use"),
    ("pregnancy-loss", "pregnancy loss"),
    ("death-and-grief", "death and grief"),
    ("trauma", "trauma"),
]


class ArticlePageForm(WagtailAdminPageForm):
    """Offers the common content notes as tick boxes; they are stored as a list."""

    content_notes = forms.TypedMultipleChoiceField(
        label="This article discusses",
        choices=CONTENT_NOTE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Tick what this article discusses, so readers can decide "
        "whether now is a good time to read it.",
    )
