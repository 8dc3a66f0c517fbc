"""The home page's heading is the practice's own words, never "Home"."""

import re

import pytest

from tests.factories import home_page

pytestmark = pytest.mark.django_db


def heading(client):
    return re.search(r"<h1>(.*?)</h1>", client.get("/").text, re.S).group(1)


def test_the_site_name_stands_in_until_the_therapist_writes_a_welcome(client):
    home = home_page()
    site = home.get_site()
    site.site_name = "Alder Counselling"
    site.save()
    assert heading(client) != home.title
    assert heading(client) == "Alder Counselling"

    home.heading = "Therapy for adults in Brooklyn"
    home.save_revision().publish()
    assert heading(client) == "Therapy for adults in Brooklyn"
