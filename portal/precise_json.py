"""Django's JSON serialization format, keeping times to the microsecond (export_content uses it).

DjangoJSONEncoder cuts times to milliseconds, JavaScript's precision, so a restored database
held other times than the exported one: export → import → export differed whenever a time's
fraction fell below a millisecond, and the sync API orders by exact change times. Registered
as the "json" format (SERIALIZATION_MODULES); reading is Django's own.
"""

import datetime

from django.core.serializers import json


class MicrosecondEncoder(json.DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, datetime.time) and o.tzinfo is None:
            return o.isoformat()
        return super().default(o)


class Serializer(json.Serializer):
    def _init_options(self):
        super()._init_options()
        self.json_kwargs["cls"] = MicrosecondEncoder


Deserializer = json.Deserializer
