"""A check of JSON-LD against schema.org's vocabulary, for the types and
properties this site writes: each type is one of schema.org's, each property
is one its type (or a type it comes from) may have, and typed values are of a
type the property accepts. The vocabulary below is transcribed from the
schema.org pages of each type; a type or property the site starts writing
must be added here from its schema.org page, or the check fails."""

# type: (the types it comes from, the properties schema.org gives it)
TYPES = {
    "Thing": (
        (),
        {
            "name",
            "description",
            "url",
            "image",
            "sameAs",
            "identifier",
            "alternateName",
            "mainEntityOfPage",
        },
    ),
    "CreativeWork": (
        ("Thing",),
        {
            "author",
            "dateModified",
            "datePublished",
            "headline",
            "keywords",
            "mainEntity",
            "text",
            "publisher",
            "inLanguage",
            "about",
        },
    ),
    "Article": (("CreativeWork",), {"articleBody", "articleSection", "wordCount"}),
    "SocialMediaPosting": (("Article",), set()),
    "BlogPosting": (("SocialMediaPosting",), set()),
    "WebPage": (("CreativeWork",), {"breadcrumb", "lastReviewed"}),
    "FAQPage": (("WebPage",), set()),
    "Comment": (("CreativeWork",), set()),
    "Answer": (("Comment",), set()),
    "Question": (("Comment",), {"acceptedAnswer", "suggestedAnswer", "answerCount"}),
    "EducationalOccupationalCredential": (
        ("CreativeWork",),
        {
            "credentialCategory",
            "recognizedBy",
            "validIn",
            "validFor",
            "competencyRequired",
            "educationalLevel",
        },
    ),
    "Person": (
        ("Thing",),
        {
            "honorificSuffix",
            "hasCredential",
            "jobTitle",
            "knowsAbout",
            "knowsLanguage",
            "worksFor",
            "makesOffer",
            "telephone",
            "email",
            "address",
            "memberOf",
        },
    ),
    "Organization": (
        ("Thing",),
        {
            "address",
            "areaServed",
            "email",
            "employee",
            "founder",
            "member",
            "telephone",
            "knowsLanguage",
            "knowsAbout",
            "makesOffer",
            "hasCredential",
        },
    ),
    "Place": (("Thing",), {"address", "telephone"}),
    "LocalBusiness": (("Organization", "Place"), {"priceRange", "openingHours"}),
    "ProfessionalService": (("LocalBusiness",), set()),
    "AdministrativeArea": (("Place",), set()),
    "State": (("AdministrativeArea",), set()),
    "Intangible": (("Thing",), set()),
    "Offer": (
        ("Intangible",),
        {"itemOffered", "areaServed", "price", "priceCurrency", "eligibleRegion"},
    ),
    "Service": (("Intangible",), {"areaServed", "serviceType", "provider"}),
}

# property: the types its typed values may be (and what comes from them)
RANGES = {
    "author": {"Person", "Organization"},
    "hasCredential": {"EducationalOccupationalCredential"},
    "validIn": {"AdministrativeArea"},
    "recognizedBy": {"Organization"},
    "areaServed": {"Place", "AdministrativeArea"},
    "makesOffer": {"Offer"},
    "itemOffered": {"Service"},
    "acceptedAnswer": {"Answer"},
    "mainEntity": {"Thing"},
    "member": {"Person", "Organization"},
    "employee": {"Person"},
    "founder": {"Person", "Organization"},
    "worksFor": {"Organization"},
}


def ancestors(kind):
    parents, _ = TYPES[kind]
    found = {kind}
    for parent in parents:
        found |= ancestors(parent)
    return found


def assert_schema_org(data, path="$"):
    """Fails, naming where, on anything schema.org does not define."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            assert_schema_org(item, f"{path}[{index}]")
        return
    if not isinstance(data, dict):
        return
    if "@graph" in data:
        assert_schema_org(data["@graph"], f"{path}.@graph")
        return
    kind = data.get("@type")
    if kind is None:  # a reference ({"@id": ...}) or a plain value
        assert set(data) <= {"@id", "@context"}, f"{path} has no @type"
        return
    assert kind in TYPES, f"{path}: {kind} is not a schema.org type here"
    allowed = set().union(*(TYPES[k][1] for k in ancestors(kind)))
    for name, value in data.items():
        if name.startswith("@"):
            continue
        assert name in allowed, f"{path}: schema.org gives {kind} no {name}"
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and "@type" in item and name in RANGES:
                assert ancestors(item["@type"]) & RANGES[name], (
                    f"{path}.{name}: a {item['@type']} is not what {name} takes"
                )
            assert_schema_org(item, f"{path}.{name}")
