"""Article pictures are sized for the screen, in modern formats, and only the
one at the top loads before the reader scrolls. An upload that is too large
or not an image is refused with a message the therapist can act on."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.factories import article_body, make_about_me, make_article, make_image

pytestmark = pytest.mark.django_db


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, re.S)


def img(picture):
    return re.search(r"<img [^>]*>", picture).group(0)


def test_article_pictures_offer_avif_and_webp_with_sizes(client, blog):
    picture = make_image()
    about_me = make_about_me(photo=make_image("Portrait"))
    figure = {
        "image": picture,
        "alt_text": "An empty chair",
        "decorative": False,
        "caption": "The chair she never sits in",
    }
    plain = {"image": picture, "alt_text": "A window", "decorative": False}
    article = make_article(
        image=picture,
        body=[*article_body(about_me), ("image", figure), ("image", plain)],
    )
    html = client.get(article.url).content.decode()
    shown = pictures(html)
    assert len(shown) == 4
    # A caption is read under its picture; a picture without one has none.
    assert re.search(
        r'alt="An empty chair".*?</picture>\s*<figcaption>The chair she never '
        r"sits in</figcaption></figure>",
        html,
        re.S,
    )
    assert html.count("<figcaption>") == 1
    (header,) = [p for p in shown if "article-image" in p]
    (body,) = [p for p in shown if "An empty chair" in p]
    (photo,) = [p for p in shown if "about-me-photo" in p]
    for picture in (header, body, photo):
        assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
        tag = img(picture)
        assert re.search(r'width="\d+"', tag) and re.search(r'height="\d+"', tag)
        assert "srcset=" in tag and "sizes=" in tag
    # The header picture is what the reader sees first: fetched at once.
    assert 'loading="lazy"' not in img(header)
    assert 'fetchpriority="high"' in img(header)
    assert 'loading="lazy"' in img(body) and 'alt="An empty chair"' in img(body)
    assert 'loading="lazy"' in img(photo) and 'alt=""' in img(photo)

    rendition = get_image_model().get_rendition_model()
    avif = rendition.objects.filter(filter_spec__contains="format-avif")
    assert avif.exists()
    with avif.first().file.open("rb") as file:
        assert file.read(12)[4:12] == b"ftypavif"


def upload(client, name, content):
    return client.post(
        "/admin/images/add/",
        {"title": "Upload", "file": SimpleUploadedFile(name, content)},
    )


def test_an_image_upload_is_saved(editor_client):
    response = upload(editor_client, "room.png", get_test_image_file().file.getvalue())
    assert response.status_code == 302
    assert Image.objects.filter(title="Upload").exists()


@pytest.mark.parametrize("name", ["notes.png", "notes.txt", "notes"])
def test_a_file_that_is_not_an_image_is_refused_with_a_message(editor_client, name):
    response = upload(editor_client, name, b"my session notes, not a picture")
    assert response.status_code == 200
    assert "Upload a valid image. The file you uploaded was either not an image" in (
        response.text
    )
    assert not Image.objects.filter(title="Upload").exists()


def test_a_too_large_image_is_refused_with_its_size_and_the_limit(
    editor_client, settings
):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1024
    picture = get_test_image_file(size=(400, 400)).file.getvalue()
    assert len(picture) > 1024
    response = upload(editor_client, "big.png", picture)
    assert response.status_code == 200
    assert "This file is too big" in response.text
    assert "Maximum filesize 1.0\xa0KB" in response.text
    assert not Image.objects.filter(title="Upload").exists()
