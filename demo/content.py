"""Original demo writing for `load_demo`: a fictional therapist and her articles.

Every person, practice, phone number and address here is invented. Links
between articles are written `[[slug|link text]]` and become internal page
links once every article exists.
"""

COMPOSITE_DISCLAIMER = (
    "This is a composite vignette: details from many people have been blended "
    "and changed, so it describes no one client."
)

SITE_NAME = "Dana Whitfield Psychotherapy"
SITE_DESCRIPTION = (
    "Articles by a Brooklyn psychotherapist on anxiety, relationships and "
    "starting therapy, each with an invented client story that shows the idea "
    "at work."
)

HOME_INTRO = (
    "<p>I am a psychotherapist in Brooklyn and online across New York State. "
    "On this blog I write about the ideas that guide my work, each illustrated "
    "with a short fictional story, so that therapy feels a little less "
    "mysterious before you ever walk into a session.</p>"
)

BLOG_INTRO = (
    "<p>Articles on relationships, anxiety, shame and the work of therapy. "
    "Every client story here is fictional or a composite.</p>"
)

VIGNETTES_INTRO = (
    "<p>The short stories from my articles, gathered in one place. Each shows "
    "an idea from therapy at work in an invented life.</p>"
)

# The first call, as every demo page and the getting-help box describe it:
# its length typed once.
FIRST_CALL = "a free 20-minute call, by phone or video"
GETTING_HELP_OFFER = (
    "<p>If something in this article feels familiar, you do not have to sort it "
    f"out alone. A first consultation is {FIRST_CALL}, to talk about what is "
    "going on and whether we might work well together.</p>"
)

# Information pages (home.StandardPage): (type, value) blocks.
FEES_PAGE = {
    "title": "Fees",
    "slug": "fees",
    "body": [
        (
            "paragraph",
            f"<p>A first consultation is {FIRST_CALL}. It is a chance to ask "
            "questions and see whether we might work well together.</p>",
        ),
        ("heading", "Sessions"),
        (
            "paragraph",
            "<p>Individual sessions last 50 minutes and cost $180. Couples "
            "sessions last 75 minutes and cost $240.</p>",
        ),
        (
            "question",
            {
                "question": "Do you take insurance?",
                "answer": "<p>I am out of network with every insurer. I give you "
                "a monthly statement you can send to your plan for out-of-network "
                "reimbursement.</p>",
            },
        ),
        (
            "question",
            {
                "question": "Do you offer a sliding scale?",
                "answer": "<p>Yes, a few places each year are kept for people "
                "who could not otherwise afford therapy. Ask about them when we "
                "first speak.</p>",
            },
        ),
        (
            "question",
            {
                "question": "What if I need to cancel?",
                "answer": "<p>Cancel at least 48 hours ahead and there is "
                "nothing to pay.</p>",
            },
        ),
    ],
}

PRIVACY_PAGE = {
    "title": "Privacy",
    "slug": "privacy",
    "body": [
        (
            "paragraph",
            "<p>This site keeps nothing about the people who read it. It "
            "sets no cookies while you read, uses no analytics or advertising, "
            "and loads nothing from any other company: no fonts, maps or "
            "videos. No one, including me, can see who read which article.</p>",
        ),
        ("heading", "Consultation requests"),
        (
            "paragraph",
            "<p>If you ask for a first consultation through this site's form, "
            "what you send is stored encrypted, so that not even a copy of the "
            "database shows who asked. Only I can read it, and it is deleted "
            "{days} days after it arrives. The email that tells me a request "
            "has come says nothing else: not your name, nor how to reach you.</p>",
        ),
        (
            "paragraph",
            "<p>The form asks only how to reach you and when. Please do not send "
            "details about your health, by the form or by email: we will talk "
            "about that privately.</p>",
        ),
        ("heading", "New articles by email"),
        (
            "paragraph",
            "<p>If you ask to be emailed new articles, your address is stored "
            "encrypted and used for nothing else. Nothing is sent until you "
            "confirm, and an address not confirmed within 7 days is deleted. "
            "The emails record nothing about you: not whether you open them, "
            "nor what you click. Every one has a link to unsubscribe, and "
            "unsubscribing deletes your address.</p>",
        ),
    ],
}

# The practice's notices (base.PracticeNotices), all switched on by the demo.
NOTICES = {
    "good_faith_estimate_shown": True,
    "good_faith_estimate_contact": "Ask me for an estimate by email at "
    "dana@example.com or by phone at (718) 555-0142, before or after our first "
    "call. There is no charge for it.",
    "client_portal_url": "https://portal.example.com/",
    "booking_url": "https://booking.example.com/dana-whitfield/",
}

PRIVACY_PRACTICES_PAGE = {
    "title": "Notice of Privacy Practices",
    "slug": "notice-of-privacy-practices",
    "body": [
        (
            "paragraph",
            "<p>This notice describes how health information about you may be "
            "used and disclosed, and how you can get access to it. Please read "
            "it carefully. (It is the demo's sample: a practice puts its own "
            "notice here.)</p>",
        ),
        ("heading", "What I keep, and why"),
        (
            "paragraph",
            "<p>Once you are my client, I keep a record of our sessions, your "
            "contact details and what is needed for billing. I use it to treat "
            "you, to be paid for my work, and to run the practice. I share it "
            "with no one else without your written permission, except where "
            "the law requires it, for example to prevent serious harm.</p>",
        ),
        ("heading", "Your rights"),
        (
            "paragraph",
            "<p>You may see and get a copy of your record, ask me to correct "
            "it, ask me to limit what I share, ask to be contacted in a "
            "particular way, and get a list of those I have shared it with. "
            "You may also complain to me, or to the US Department of Health "
            "and Human Services, without any consequence for your care.</p>",
        ),
    ],
}

ACCESSIBILITY_PAGE = {
    "title": "Accessibility statement",
    "slug": "accessibility",
    "body": [
        (
            "paragraph",
            "<p>I want everyone to be able to read this site, whatever device, "
            "browser or assistive technology they use. Its pages are built and "
            "tested to meet the Web Content Accessibility Guidelines (WCAG) 2.2 "
            "at level AA, in light and dark mode, with and without JavaScript.</p>",
        ),
        ("heading", "If something does not work for you"),
        (
            "paragraph",
            "<p>Please tell me by email at dana@example.com or by phone at "
            "(718) 555-0142: say which page, and what got in the way. I will "
            "reply within five working days, and send you what you need in "
            "another form in the meantime.</p>",
        ),
    ],
}

# Her licence, and where she sees clients online.
LICENCES = [("LCSW", "R-058213", "NY")]
ONLINE_STATES = ["NY"]

CONSULTATION_PAGE = {
    "title": "Ask for a consultation",
    "slug": "consultation",
    "intro": f"<p>A first consultation is {FIRST_CALL}, to talk about what "
    "brings you and whether we are a good fit. Leave your first name and how "
    "to reach you, and I will get back to you.</p>",
    "reply_time": "within two working days",
}

SUBSCRIBE_PAGE = {
    "title": "Get new articles by email",
    "slug": "subscribe",
    "intro": "<p>I write a new article every month or so. Leave your address and "
    "you will get one short email when it is published, with a link to read "
    "it. You can choose topics, or get everything.</p>",
}

# Articles to read in order, and those a newcomer should start with.
SERIES = {
    "title": "Beginning therapy",
    "description": "<p>From the first doubt to the first session: three short "
    "articles to read in order.</p>",
    "articles": [
        "fear-of-asking-for-help",
        "choosing-a-therapist",
        "starting-where-the-client-is",
    ],
}
START_HERE = ["fear-of-asking-for-help", "anxiety-and-avoidance", "empathic-attunement"]

ABOUT_ME = {
    "name": "Dana Whitfield",
    "credentials": "LCSW",
    "job_title": "Psychotherapist",
    "bio": (
        "<p>I am a licensed clinical social worker and psychodynamic "
        "psychotherapist. For fifteen years I have worked with adults who feel "
        "stuck in the same painful patterns with partners, family and work. I "
        "believe change begins when someone feels truly heard, and I try to "
        "offer that from the very first phone call.</p>"
    ),
    "specialties": "Relationship difficulties\nAnxiety\nShame and self-criticism\n"
    "Life transitions",
    "modalities": "Psychodynamic psychotherapy\nAttachment-focused therapy\n"
    "Couples therapy",
    "location": "Brooklyn, New York, and online in New York State",
    "phone": "(718) 555-0142",
    "email": "dana@example.com",
    "website": "https://example.com/",
    "booking_url": "https://example.com/book/",
}

ARTICLES = [
    {
        "slug": "attachment-styles-in-adult-relationships",
        "title": "How attachment styles shape adult relationships",
        "date": "2026-03-02",
        "summary": "The way we learned to reach for comfort as children often "
        "decides how we reach for partners as adults. Here is what attachment "
        "styles are, and how therapy helps loosen their grip.",
        "tags": ["Attachment", "Relationships"],
        "intro": [
            "<p>Long before we have words, we learn what happens when we need "
            "someone. If a caregiver usually came, we learn that reaching out is "
            "safe. If comfort was unpredictable, or if needing it brought "
            "irritation, we learn other strategies: to cling harder, or to stop "
            "reaching at all. Psychologists call these patterns <em>attachment "
            "styles</em>.</p>",
            "<p>These early strategies were clever solutions to the problems of "
            "childhood. In adult relationships they can misfire. An anxiously "
            "attached person may read a late reply as a sign of rejection; an "
            "avoidantly attached person may feel smothered by the ordinary "
            "closeness a partner hopes for.</p>",
        ],
        "paragraph": "<p>Attachment patterns show up in therapy too, which is "
        "one reason the relationship with the therapist matters so much. See my "
        "article [[empathic-attunement|Empathic attunement: why feeling "
        "understood heals]].</p>",
        "vignette": {
            "kind": "fictional",
            "title": "Priya and the unanswered message",
            "people": ["Priya", "Sam"],
            "body": [
                (
                    "paragraph",
                    "<p>Priya came to therapy after a fight with her boyfriend, "
                    "Sam, that she described as being about nothing. Sam had gone "
                    "to a concert and not answered her messages for three hours. "
                    "By the time he called, Priya had written and deleted a "
                    "dozen texts and was sure he was about to leave her.</p>",
                ),
                (
                    "paragraph",
                    "<p>In our sessions she noticed how quickly her mind leapt "
                    "from silence to abandonment. She remembered waiting at the "
                    "window as a girl for a father who often forgot to come. "
                    "Her panic with Sam was an old alarm, ringing in a new "
                    "house.</p>",
                ),
                ("heading", "Learning to pause"),
                (
                    "paragraph",
                    "<p>Over several months Priya practised naming the alarm "
                    "before acting on it: <em>this is the waiting-at-the-window "
                    "feeling</em>. She began telling Sam what she needed instead "
                    "of testing whether he would guess. Sam, it turned out, was "
                    "glad to be asked.</p>",
                ),
            ],
        },
        "conclusion": [
            "<p>Attachment styles are not life sentences. They are learned, and "
            "what is learned can be revised, especially inside a relationship "
            "that responds differently from the one that taught us.</p>",
        ],
        "getting_help": "<p>If you recognise your own alarm in Priya's story, "
        "therapy is a place to understand it without judgement.</p>",
        "related": ["empathic-attunement", "fear-of-asking-for-help"],
    },
    {
        "slug": "empathic-attunement",
        "title": "Empathic attunement: why feeling understood heals",
        "date": "2026-04-13",
        "summary": "Being accurately understood, moment by moment, is more "
        "than a pleasant feeling. It is one of the main ways therapy helps.",
        "tags": ["Empathy", "The therapy relationship"],
        "intro": [
            "<p>Empathic attunement means tuning in to what another person is "
            "feeling right now, and letting them know you have caught it. It is "
            "different from agreeing, and different from reassuring. It sounds "
            "more like <em>you are furious, and underneath that you seem "
            "frightened</em> than <em>don't worry, it will be fine</em>.</p>",
            "<p>Many people grew up with adults who were loving but could not "
            "attune: they fixed, distracted or told the child how to feel. Such "
            "children often become adults who cannot name their own feelings, "
            "because no one ever named them first.</p>",
        ],
        "paragraph": "<p>Attunement starts with following the client rather "
        "than leading. See my article [[starting-where-the-client-is|Meeting "
        "clients where they are]].</p>",
        "vignette": {
            "kind": "composite",
            "disclaimer": COMPOSITE_DISCLAIMER,
            "title": "Marcus and the missed session",
            "people": ["Marcus"],
            "body": [
                (
                    "paragraph",
                    "<p>Marcus missed a session without calling, then arrived "
                    "the next week cheerful and apologetic, talking quickly "
                    "about work. His therapist noticed that his cheerfulness "
                    "did not reach his eyes.</p>",
                ),
                (
                    "paragraph",
                    "<p>Instead of discussing the missed session as a rule that "
                    "had been broken, she said: <em>I wonder if last time we "
                    "got close to something painful, and staying away felt "
                    "safer.</em> Marcus went quiet. Then he said that no one had "
                    "ever guessed that about him before.</p>",
                ),
                (
                    "paragraph",
                    "<p>That moment of being understood did more than any "
                    "advice. Marcus began to notice, and then to say, when a "
                    "conversation was becoming too much, rather than simply "
                    "disappearing from it.</p>",
                ),
            ],
        },
        "conclusion": [
            "<p>Feeling understood calms the nervous system, and over time it "
            "teaches us to understand ourselves. That is why a good therapist "
            "listens for the feeling under the words.</p>",
        ],
        "getting_help": "<p>If you have rarely felt understood, a therapist "
        "who listens closely can be a new experience in itself.</p>",
        "related": ["starting-where-the-client-is", "choosing-a-therapist"],
    },
    {
        "slug": "starting-where-the-client-is",
        "title": "Meeting clients where they are in therapy",
        "date": "2026-05-18",
        "summary": "A therapist may see where the work could go long before "
        "the client does. Why good therapy follows the client's pace instead.",
        "tags": ["The therapy relationship", "Starting therapy"],
        "intro": [
            "<p>A therapist often forms ideas early about what is really going "
            "on. Sometimes those ideas are right. Even so, pushing a client "
            "toward them too soon usually backfires: the client feels unheard, "
            "argues, or quietly stops coming.</p>",
            "<p>Meeting clients where they are means taking their stated "
            "concern seriously as the place to begin, and trusting that deeper "
            "material will surface when it is ready.</p>",
        ],
        "paragraph": "<p>Pacing is a form of respect, and respect is the ground "
        "of trust. See my article [[empathic-attunement|Empathic attunement: "
        "why feeling understood heals]].</p>",
        "vignette": {
            "kind": "fictional",
            "title": "Lena only wanted to sleep",
            "people": ["Lena"],
            "body": [
                (
                    "paragraph",
                    "<p>Lena asked for help with insomnia and said firmly that "
                    "she did not want to talk about her childhood. Her "
                    "therapist agreed, and for several weeks they worked on "
                    "bedtime routines and racing thoughts.</p>",
                ),
                (
                    "paragraph",
                    "<p>Because her request was respected, Lena relaxed. One "
                    "evening she mentioned that the racing thoughts were often "
                    "about her sister, whom she had not spoken to in years. "
                    "She raised it herself, and so she was ready to explore "
                    "it.</p>",
                ),
            ],
        },
        "conclusion": [
            "<p>Clients know the way into their own stories. A therapist's job "
            "is to walk beside them, offer a light, and resist the urge to run "
            "ahead.</p>",
        ],
        "getting_help": "<p>You can start therapy with whatever is bothering "
        "you most today. That is always a good enough place to begin.</p>",
        "related": ["empathic-attunement", "choosing-a-therapist"],
    },
    {
        "slug": "fear-of-asking-for-help",
        "title": "When asking for help feels dangerous",
        "date": "2026-06-22",
        "summary": "For some people, needing help feels shameful or even "
        "unsafe. Where that fear comes from, and how to make the first call "
        "anyway.",
        "tags": ["Shame", "Starting therapy", "Anxiety"],
        "content_notes": ["trauma"],
        "content_note_text": "The vignette mentions panic attacks and a "
        "parent's illness.",
        "intro": [
            "<p>Some people would rather struggle for years than ask for help. "
            "They are not stubborn. Somewhere along the way they learned that "
            "needs were a burden, that asking led to being mocked, or that the "
            "people who helped expected something in return.</p>",
            "<p>When that is your history, even booking a consultation can "
            "feel like stepping off a ledge.</p>",
        ],
        "paragraph": "<p>These fears often have roots in early attachment. See "
        "my article [[attachment-styles-in-adult-relationships|How attachment "
        "styles shape adult relationships]].</p>",
        "vignette": {
            "kind": "fictional",
            "title": "Tom fixes everything himself",
            "people": ["Tom"],
            "body": [
                (
                    "paragraph",
                    "<p>Tom prided himself on never needing anyone. He repaired "
                    "his own car, did his own taxes, and took care of his "
                    "mother after her stroke without telling his friends. He "
                    "came to therapy only because his doctor insisted after a "
                    "string of panic attacks.</p>",
                ),
                (
                    "paragraph",
                    "<p>In the first sessions Tom apologised for taking up "
                    "time. Slowly he described a household where asking for "
                    "anything was met with a sigh. Needing help, he had "
                    "concluded, made you a problem.</p>",
                ),
                (
                    "paragraph",
                    "<p>The turning point came when Tom let himself admit he "
                    "was exhausted, and noticed that his therapist did not "
                    "sigh. It was a small experience, repeated many times, that "
                    "began to change his expectations.</p>",
                ),
            ],
        },
        "conclusion": [
            "<p>The fear of asking for help is learned, and it can be "
            "unlearned, usually by asking in small ways and discovering that "
            "the feared response does not come.</p>",
        ],
        "getting_help": "<p>If reaching out feels hard, you can send a short "
        "email first. You do not need to explain everything at once.</p>",
        "related": ["choosing-a-therapist", "anxiety-and-avoidance"],
    },
    {
        "slug": "choosing-a-therapist",
        "title": "How to choose a therapist who fits",
        "date": "2026-08-10",
        "summary": "Research suggests the relationship matters more than the "
        "method. Practical questions to ask when you look for a therapist.",
        "tags": ["Starting therapy", "The therapy relationship"],
        "intro": [
            "<p>Studies of psychotherapy keep finding the same thing: the "
            "quality of the relationship between client and therapist predicts "
            "how much therapy helps, often more than the specific method.</p>",
            "<p>So when you look for a therapist, credentials matter, but so "
            "does a simple question: <em>do I feel I could tell this person "
            "the truth?</em></p>",
        ],
        "paragraph": "<p>A good fit is a therapist who follows your pace. See "
        "my article [[starting-where-the-client-is|Meeting clients where they "
        "are in therapy]] and [[fear-of-asking-for-help|When asking for help "
        "feels dangerous]].</p>",
        "vignette": {
            "kind": "composite",
            "disclaimer": COMPOSITE_DISCLAIMER,
            "title": "Ana tries three first sessions",
            "people": ["Ana"],
            "body": [
                (
                    "paragraph",
                    "<p>Ana booked consultations with three therapists. The "
                    "first was warm but talked about herself for much of the "
                    "hour. The second had an impressive list of trainings and "
                    "explained a treatment plan before Ana had finished her "
                    "story.</p>",
                ),
                (
                    "paragraph",
                    "<p>The third asked fewer questions and left more silence. "
                    "Ana felt uncomfortable and, at the same time, strangely "
                    "relieved. She chose the third, and later said it was the "
                    "first place she had been allowed to take her time.</p>",
                ),
            ],
        },
        "conclusion": [
            "<p>Ask about training, fees and availability, and then notice how "
            "you feel in the room. It is fine to meet more than one therapist "
            "before deciding.</p>",
        ],
        "getting_help": "<p>A consultation is a chance for you to interview me "
        "as much as for me to hear what brings you.</p>",
        "related": ["starting-where-the-client-is", "fear-of-asking-for-help"],
    },
    {
        "slug": "anxiety-and-avoidance",
        "title": "Why avoiding what scares us keeps anxiety alive",
        "date": "2026-10-05",
        "summary": "Avoidance brings quick relief and long-term trouble. How "
        "anxiety grows in the spaces we stay away from, and how to take them "
        "back gently.",
        "tags": ["Anxiety"],
        "intro": [
            "<p>Anxiety makes a persuasive offer: stay away from the thing you "
            "fear and you will feel better. In the short term it keeps its "
            "promise. In the long term, every avoided situation becomes a "
            "little more frightening, because we never learn that we could "
            "have managed it.</p>",
            "<p>Therapy for anxiety therefore often involves approaching what "
            "has been avoided, slowly and with support, while understanding "
            "what the fear has been protecting.</p>",
        ],
        "paragraph": "<p>Avoidance can also keep people from seeking help. See "
        "my article [[fear-of-asking-for-help|When asking for help feels "
        "dangerous]].</p>",
        "vignette": {
            "kind": "fictional",
            "title": "Ruth takes the stairs",
            "people": ["Ruth"],
            "body": [
                (
                    "paragraph",
                    "<p>Ruth had not used an elevator in six years. At first it "
                    "was easy: she liked the exercise. Then she turned down a "
                    "job on a high floor, and stopped visiting a friend who "
                    "lived in a tower.</p>",
                ),
                (
                    "paragraph",
                    "<p>In therapy she discovered that the fear had begun the "
                    "winter her marriage ended, when she felt trapped in "
                    "every sense. Understanding this did not make elevators "
                    "easy, but it made the fear make sense.</p>",
                ),
                (
                    "paragraph",
                    "<p>Ruth and her therapist planned small steps: standing in "
                    "an open elevator, riding one floor with a friend, then two "
                    "alone. Each ride was frightening, and each one ended.</p>",
                ),
            ],
        },
        "conclusion": [
            "<p>Avoidance shrinks our lives a little at a time. Approaching "
            "fear with understanding and support lets us take that space "
            "back.</p>",
        ],
        "getting_help": "<p>If anxiety has been making your world smaller, we "
        "can work on it together, at a pace that feels manageable.</p>",
        "related": [
            "fear-of-asking-for-help",
            "attachment-styles-in-adult-relationships",
        ],
    },
]
