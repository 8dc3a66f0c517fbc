"""Article pictures are sized for the screen, in modern formats, and only the
one at the top loads before the reader scrolls."""

import re

import pytest
from wagtail.images import get_image_model

from tests.factories import article_body, make_about_me, make_article, make_image

pytestmark = pytest.mark.django_db


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, re.S)


def img(picture):
    return re.search(r"<img [^>]*>", picture).group(0)


def test_article_pictures_offer_avif_and_webp_with_sizes(client, blog):
    picture = make_image()
    about_me = make_about_me(photo=make_image("Portrait"))
    figure = {"image": picture, "alt_text": "An empty chair", "decorative": False}
    article = make_article(
        image=picture, body=[*article_body(about_me), ("image", figure)]
    )
    html = client.get(article.url).content.decode()
    shown = pictures(html)
    assert len(shown) == 3
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
