"""The demo's group practice (`load_demo --group`): two more clinicians, with
their own languages, states and specialties, an article by each, and the
team page. Every person and story here is invented for the demo."""

TEAM_PAGE = {
    "title": "Our team",
    "slug": "team",
    "intro": "<p>Three therapists, one practice. Find someone who works with "
    "what you are facing, in your language and your state, or ask us to "
    "help you choose.</p>",
}

# The practice's first therapist, as the group demo completes her profile.
FIRST = {
    "languages": ["en"],
    "online_states": ["NY"],
    "licences": [("LCSW", "R-058213", "NY")],
    "notify_email": "dana@example.com",
}

CLINICIANS = [
    {
        "name": "Lucía Ferrer",
        "credentials": "LMFT",
        "job_title": "Marriage and family therapist",
        "bio": "<p>I work with couples and families who keep having the same "
        "argument in different clothes. Sessions are in English or Spanish, "
        "and I often see bilingual families where each generation hears the "
        "other through a different language.</p>",
        "specialties": "Couples\nFamily conflict",
        "modalities": "Emotionally focused therapy\nFamily systems therapy",
        "location": "Jersey City, New Jersey, and online",
        "email": "lucia@example.com",
        "notify_email": "lucia@example.com",
        "languages": ["en", "es"],
        "online_states": ["NJ", "NY"],
        "licences": [("LMFT", "37MF00912", "NJ"), ("LMFT", "001942", "NY")],
        "accepting_new_clients": True,
        "fees": "Sessions are $190 for 50 minutes. In network with Aetna; "
        "superbills for other plans.",
        "topics": ["Relationships", "Couples"],
    },
    {
        "name": "Samuel Osei",
        "credentials": "PhD",
        "job_title": "Clinical psychologist",
        "bio": "<p>I am a clinical psychologist working with adults through "
        "grief, burnout and the low mood that follows long strain. I see "
        "clients online across several states under PSYPACT, and I speak "
        "English and French.</p>",
        "specialties": "Grief\nBurnout",
        "modalities": "Cognitive behavioural therapy\nAcceptance and commitment "
        "therapy",
        "location": "Online",
        "email": "samuel@example.com",
        "notify_email": "samuel@example.com",
        "languages": ["en", "fr"],
        "online_states": ["PA", "CT", "MA"],
        "licences": [("Psychologist", "PS-771204", "PA")],
        "accepting_new_clients": False,
        "fees": "Sessions are $210. Out of network; I give superbills.",
        "topics": ["Grief", "Burnout"],
    },
]

ARTICLES = [
    {
        "author": "Lucía Ferrer",
        "slug": "the-argument-under-the-argument",
        "title": "The argument under the argument",
        "date": "2026-05-04",
        "summary": "Couples rarely fight about the thing they are fighting "
        "about. Finding the need underneath changes the conversation.",
        "tags": ["Relationships", "Couples"],
        "intro": "<p>Most couples who come to me describe a fight that repeats: "
        "the dishes, the phone at dinner, who is late. The subject changes; the "
        "feeling does not. Underneath, one partner is usually asking <em>do I "
        "matter to you?</em> and the other is asking <em>am I good enough for "
        "you?</em></p>",
        "vignette": {
            "kind": "composite",
            "title": "Ana and Tomás and the late dinner",
            "people": ["Ana", "Tomás"],
            "body": [
                (
                    "paragraph",
                    "<p>Ana and Tomás had argued about dinner times for two "
                    "years. Tomás worked late; Ana waited, then ate alone, then "
                    "said nothing until it spilled out on a Sunday.</p>",
                ),
                (
                    "paragraph",
                    "<p>In our sessions Ana found the words for what the "
                    "waiting meant to her: being forgotten. Tomás heard, for the "
                    "first time, that his lateness was not a verdict on her "
                    "cooking but a question about her place in his day.</p>",
                ),
            ],
        },
        "conclusion": "<p>The fight about dinner ended when the question under "
        "it was asked out loud. That question is usually tender, which is why "
        "it hides.</p>",
        "getting_help": "<p>If your arguments keep circling back, couples "
        "therapy can help you both hear the question underneath.</p>",
    },
    {
        "author": "Samuel Osei",
        "slug": "burnout-is-not-laziness",
        "title": "Burnout is not laziness",
        "date": "2026-05-18",
        "summary": "Burnout looks like not caring. It usually comes from "
        "caring for too long with too little back.",
        "tags": ["Burnout", "Grief"],
        "intro": "<p>People in burnout often tell me they have become lazy. "
        "What they describe is something else: a long stretch of giving more "
        "than they received, until the body stops volunteering energy it does "
        "not have.</p>",
        "vignette": {
            "kind": "fictional",
            "title": "Grace and the empty Sunday",
            "people": ["Grace"],
            "body": [
                (
                    "paragraph",
                    "<p>Grace was a nurse who had worked double shifts through "
                    "a hard winter. By spring she could not make herself open "
                    "her post, and she called herself useless.</p>",
                ),
                (
                    "paragraph",
                    "<p>We started with rest she did not have to earn, and with "
                    "naming what the winter had cost her, including the "
                    "patients she had lost. Grief, it turned out, was part of "
                    "her tiredness.</p>",
                ),
            ],
        },
        "conclusion": "<p>Burnout asks for repair, not more effort. Rest, "
        "limits and grieving what was lost are where recovery begins.</p>",
        "getting_help": "<p>If you feel worn down past what sleep can fix, "
        "therapy can help you find out what the tiredness is carrying.</p>",
    },
]
