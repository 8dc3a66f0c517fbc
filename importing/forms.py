from pathlib import Path

from django import forms
from django.conf import settings

SUFFIXES = (".xml", ".atom", ".rss", ".json", ".md", ".markdown", ".txt", ".zip")


class ImportForm(forms.Form):
    export_file = forms.FileField(
        label="Your blog's export",
        help_text="A Blogger, WordPress or Squarespace export (.xml), your blog's "
        "RSS feed (Wix: save /blog-feed.xml), Ghost's export (.json, or a .zip "
        "with its images), Substack's or Medium's export (.zip), a Markdown or "
        "text file, or a .zip of Markdown or text files.",
    )
    publish = forms.BooleanField(
        required=False,
        label="Publish what is safe to publish",
        help_text="Articles with a vignette, or anything that may be a client "
        "story, always stay drafts until you have checked them.",
    )

    def clean_export_file(self):
        upload = self.cleaned_data["export_file"]
        limit = settings.IMPORT_MAX_UPLOAD_MB
        if upload.size > limit * 2**20:
            raise forms.ValidationError(
                f"This file is {upload.size / 2**20:.0f} MB; the largest export "
                f"the site takes is {limit} MB."
            )
        if Path(upload.name).suffix.lower() not in SUFFIXES:
            raise forms.ValidationError(
                "This is not a file the importer reads. Choose a blog export "
                "(.xml, .json or .zip), an RSS feed, or a Markdown or text file."
            )
        return upload
