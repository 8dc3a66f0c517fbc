"""The subscription form: an address and, if the reader wants, topics. Spam
is kept out as on every reader's form (base/forms.py)."""

from django import forms

from base.forms import GuardedForm
from base.models import AboutMe
from subscriptions.topics import topic_choices

TOPICS_HELP = "Leave them all unticked to get every new article."


class TopicsField(forms.ModelMultipleChoiceField):
    """Topics named by their slugs, the same in every form that sends here."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(queryset=None, to_field_name="slug", **kwargs)

    def label_from_instance(self, obj):
        return obj.name


class ClinicianField(forms.ModelMultipleChoiceField):
    """A group practice's clinicians, named by their slugs, as the short
    form on a profile sends them."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(
            queryset=AboutMe.objects.none(), to_field_name="slug", **kwargs
        )

    def label_from_instance(self, obj):
        return obj.name


class SubscribeForm(GuardedForm):
    salt = "subscriptions.form"

    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    topics = TopicsField(
        label="Only articles about",
        required=False,
        help_text=TOPICS_HELP,
        error_messages={
            "invalid_choice": "“%(value)s” is no longer a topic here. Please "
            "choose again.",
        },
    )

    clinicians = ClinicianField(label="Only articles by", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = topic_choices()
        # A practice of one has no one else to follow.
        if AboutMe.is_group_practice():
            self.fields["clinicians"].queryset = AboutMe.objects.filter(
                live=True
            ).order_by("pk")
        else:
            del self.fields["clinicians"]
