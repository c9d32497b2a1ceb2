"""schema.org structured data for module pages.

A module is a unit of help that AMW organisations offer, so the fitting schema.org type is
`Service` (not MedicalTherapy: AMW is social work, not medical care). Its audience is given as
PeopleAudience per target group, its category as the AMW function(s), and `isRelatedTo` links
related modules. Which programmes use a module is left out: schema.org has no property that
says "is one of the services combined in", and a guessed one would mislead crawlers.
"""
from __future__ import annotations

import json

from ..catalogue.model import Module
from ..catalogue.views import Views


SERVICE_TYPES = {"AMW": "Algemeen maatschappelijk werk", "BMW": "Bedrijfsmaatschappelijk werk"}


def module_jsonld(views: Views, module: Module, url: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "Service",
        "@id": url,
        "url": url,
        "identifier": module.id,
        "name": module.name,
        "description": module.summary,
        "serviceType": SERVICE_TYPES[module.discipline],
        "category": [views.functions[f].name for f in module.functions],
        "audience": [{"@type": "PeopleAudience", "audienceType": views.target_groups[t].name}
                     for t in module.target_groups],
        "isRelatedTo": [{"@type": "Service", "name": views.modules[m].name, "identifier": m}
                        for m in module.related],
        "keywords": ", ".join(module.search_terms),
        "inLanguage": "nl",
    }
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # Inside <script>, "</" or "<!--" from data must not end the element early.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
