"""The words the safe-messaging check looks for, kept apart from the code so a
clinician can review them (blog/safe_messaging.py applies them).

Each pattern is a regular expression, matched without regard to case, on
whole words. The lists lean towards warning: a warning costs a second look,
a miss can cost a reader.

Sources:
- RRS: Recommendations for Reporting on Suicide, reportingonsuicide.org
- SPRC: Suicide Prevention Resource Center, recommendations for blogging on
  suicide
- 988: the 988 Suicide & Crisis Lifeline's messaging framework,
  suicidepreventionmessaging.org
"""

RRS = "Recommendations for Reporting on Suicide (reportingonsuicide.org)"
SPRC = "SPRC, recommendations for blogging on suicide"
FRAMEWORK = "988 messaging framework (suicidepreventionmessaging.org)"

# An article is checked when it mentions any of these, or its content note
# names suicide or self-harm.
MENTIONS = [
    r"suicid\w*",
    r"self[- ]harm\w*",
    r"kill(?:s|ed|ing)? (?:himself|herself|themselves|themself|myself|yourself)",
    r"(?:take|took|taking|takes) (?:his|her|their|my|your) (?:own )?life",
    r"end(?:s|ed|ing)? (?:his|her|their|my|your) (?:own )?life",
    r"want(?:s|ed)? to die",
    r"(?:cut|cuts|cutting) (?:himself|herself|themselves|myself)",
]

CONTENT_NOTES = {"suicide", "self-harm"}

RULES = [
    {
        "name": "committed suicide",
        "patterns": [r"commit(?:s|ted|ting)? suicide"],
        "why": "“Committed” recalls a crime or a sin; say “died by suicide” "
        "or “took their own life”.",
        "source": RRS,
    },
    {
        "name": "method or means",
        "patterns": [
            r"over ?dos(?:e|ed|ing) on",
            r"lethal dose",
            r"(?:took|swallowed|stockpiled|saved up) (?:\w+ )?(?:\d+|dozens of|"
            r"a handful of|a bottle of|all (?:of )?(?:his|her|their|the)) "
            r"(?:\w+ )?(?:pills|tablets)",
            r"hanged (?:himself|herself|themselves|myself)",
            r"hang(?:s|ing)? (?:himself|herself|themselves|myself)",
            r"noose",
            r"ligature",
            r"(?:slit|slits|slitting|slashed|cut) (?:his|her|their|my) wrists?",
            r"shot (?:himself|herself|themselves|myself)",
            r"(?:gun|pistol|rifle) to (?:his|her|their|my) head",
            r"jump(?:s|ed|ing)? (?:off|from) (?:a|the) "
            r"(?:bridge|roof|building|cliff|balcony)",
            r"carbon monoxide",
            r"(?:drank|swallowed) (?:bleach|poison|antifreeze)",
        ],
        "why": "Describing how someone harmed themselves can lead a reader at "
        "risk to copy it; leave the method and the means out.",
        "source": RRS,
    },
    {
        "name": "sensational words",
        "patterns": [
            r"epidemic",
            r"skyrocket(?:s|ed|ing)?",
            r"soar(?:s|ed|ing)",
            r"spik(?:e|es|ed|ing) in suicides?",
            r"suicide (?:crisis|wave|surge)",
            r"alarming (?:rate|number)",
        ],
        "why": "Alarming words make suicide sound common and expected; give "
        "the facts plainly, with the ways people get help.",
        "source": RRS,
    },
    {
        "name": "suicide as a solution",
        "patterns": [
            r"(?:the )?only way out",
            r"(?:a|the) way (?:out|to end (?:the|his|her|their|my) pain)",
            r"(?:finally|now) (?:at peace|free)",
            r"end (?:his|her|their|my) suffering",
            r"better off (?:dead|without (?:me|him|her|them))",
            r"no (?:other )?(?:choice|option)s? (?:left|but)",
            r"(?:suicide|death|dying) (?:was|is|seemed|seems) (?:the|a) "
            r"(?:answer|solution|relief|release)",
        ],
        "why": "Presenting suicide as a way to end pain or as inevitable can "
        "make it seem an option; show that pain can ease and help works.",
        "source": FRAMEWORK,
    },
    {
        "name": "a single cause",
        "patterns": [
            r"(?:bullying|a breakup|the breakup|a divorce|the divorce|losing "
            r"(?:his|her|their|my) job|debt|a bad grade|the diagnosis) "
            r"(?:caused|led to|drove (?:him|her|them|me) to) "
            r"(?:(?:his|her|their|my) )?(?:suicide|death)",
            r"(?:killed (?:himself|herself|themselves)|died by suicide|took "
            r"(?:his|her|their) (?:own )?life) (?:because of|due to|over) "
            r"(?:a|an|the|his|her|their)",
            r"suicide (?:was )?caused by",
        ],
        "why": "Suicide almost never has one cause; naming one oversimplifies "
        "it and can suggest the same event would lead a reader there too.",
        "source": SPRC,
    },
]

MISSING_NOTE = {
    "name": "no content note",
    "why": "A reader who is struggling should be able to choose whether to "
    "read on: tick suicide or self-harm under Content note.",
    "source": SPRC,
}
