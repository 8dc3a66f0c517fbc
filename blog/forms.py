from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.forms import WagtailAdminPageForm

from blog.warnings import ACKNOWLEDGE_LABEL, writing_warnings

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
    """Offers the common content notes as tick boxes; they are stored as a
    list. Publishing an article with open warnings needs her tick that she
    has read them, given again for each revision; a draft never does."""

    content_notes = forms.TypedMultipleChoiceField(
        label="This article discusses",
        choices=CONTENT_NOTE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Tick what this article discusses, so readers can decide "
        "whether now is a good time to read it.",
    )
    acknowledge_warnings = forms.BooleanField(
        label=ACKNOWLEDGE_LABEL,
        required=False,
        help_text="Needed only to publish an article with the warnings above. "
        "It is written to the page's history with the warnings.",
    )

    def is_valid(self):
        # After the formsets are cleaned: only then are their rows known.
        valid = super().is_valid()
        return self.no_repeated_author() and valid

    def no_repeated_author(self):
        """An author chosen twice gets a message at the second, not a byline
        that names them twice."""
        seen, repeated = set(), False
        for form in self.formsets["authors"].forms:
            data = getattr(form, "cleaned_data", {})
            clinician = data.get("clinician")
            if clinician is None or data.get("DELETE"):
                continue
            if clinician.pk in seen:
                form.add_error(
                    "clinician", f"{clinician.name} is named as an author already."
                )
                repeated = True
            seen.add(clinician.pk)
        return not repeated

    def __init__(self, *args, instance=None, for_user=None, **kwargs):
        # A new article is by the clinician who signs in, until she says
        # otherwise in the Authors panel.
        clinician = getattr(for_user, "clinician", None)
        new = instance is not None and instance.pk is None
        if new and clinician is not None and not instance.authors.all():
            instance.authors = [instance.authors.model(clinician=clinician)]
        super().__init__(*args, instance=instance, for_user=for_user, **kwargs)

    def clean(self):
        cleaned = super().clean()
        self.instance.acknowledged_warnings = []
        if self.is_deferred_validation or "body" not in cleaned:
            return cleaned  # a draft, or a body with errors of its own
        warnings = writing_warnings(cleaned["body"], cleaned.get("content_notes"))
        if warnings and not cleaned.get("acknowledge_warnings"):
            self.add_error(
                "acknowledge_warnings",
                ValidationError(
                    "Read these warnings before publishing: "
                    + " ".join(warnings)
                    + " Change the text, or tick this box to publish it as it is."
                ),
            )
        elif warnings:
            self.instance.acknowledged_warnings = warnings
        return cleaned
