"""Django's JSON serialization, with times kept to the microsecond.

Django's JSON encoder cuts times to milliseconds, so a restored site would
show other modification times (`dateModified`, `article:modified_time`, the
sitemap) than the site backed up. Registered as the `backup_json` format
(SERIALIZATION_MODULES) for `manage.py backup`; what it writes is plain JSON,
which loaddata's own `json` format reads back exactly.
"""

import datetime

from django.core.serializers.json import Deserializer
from django.core.serializers.json import Serializer as JSONSerializer

__all__ = ["Deserializer", "Serializer"]


class Serializer(JSONSerializer):
    def get_dump_object(self, obj):
        data = super().get_dump_object(obj)
        for name, value in data["fields"].items():
            if isinstance(value, datetime.datetime | datetime.time):
                data["fields"][name] = value.isoformat()
        return data
