"""The words the safe-messaging check looks for, kept apart from the code so a
clinician can review them (blog/safe_messaging.py applies them).

Each pattern is a regular expression, matched without regard to case, on
whole words, one sentence at a time. A rule's `unless` patterns name the
everyday sentences that share its words ("took her pills as prescribed",
"fireworks from the roof"); a sentence holding one is not flagged by that
rule. A rule's `when_about_suicide` patterns flag only sentences that are
themselves about suicide or self-harm, since their words ("epidemic", "at
peace") are harmless elsewhere. The lists lean towards warning: a warning costs a second
look, a miss can cost a reader.

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

SELF = r"(?:himself|herself|themselves|themself|myself|yourself|oneself)"
POSSESSIVE = r"(?:his|her|their|my|your)"
# Up to a few words in between, inside one sentence.
GAP = r"(?:[\w'’,-]+\s+){0,5}?"
PILLS = (
    r"(?:pills?|tablets?|capsules?|meds|medications?|medicines?|prescriptions?|"
    r"painkillers?|pain ?killers?|sleeping pills|antidepressants?|"
    r"anti-depressants?|insulin|opioids?|oxy\w*|benzos?|sedatives?|"
    r"paracetamol|acetaminophen|tylenol|ibuprofen|aspirin|lithium|xanax|"
    r"valium|klonopin|ativan|ambien|percocet|vicodin|seroquel|prozac|zoloft|"
    r"lexapro|wellbutrin|adderall|benadryl|advil|fentanyl|heroin|morphine|"
    r"codeine|tramadol|hydrocodone)(?! cabinet)"
)

# What a ligature is tied to, for the hanging pairs below.
TIED_TO = [
    r"closet rod",
    r"beams?",
    r"rafters?",
    r"banister",
    r"ceiling",
    r"hooks?",
    r"strung",
    r"door ?frame",
    r"shower (?:rod|head)",
    r"curtain rod",
    r"bunk bed",
    r"stair ?rail",
]

# An article is about suicide or self-harm when it mentions any of these, or
# its content note names them.
MENTIONS = [
    r"suicid\w*",
    r"self[- ]harm\w*",
    r"self[- ]injur\w*",
    rf"kill(?:s|ed|ing)? {SELF}",
    rf"(?:take|took|taking|takes|taken) {POSSESSIVE} (?:own )?li(?:fe|ves)",
    rf"end(?:s|ed|ing)? {POSSESSIVE} (?:own )?li(?:fe|ves)",
    r"want(?:s|ed)? to die",
    r"end it all\b",
    rf"(?:harm|harms|harming) {SELF}",
]

# A sentence that only points to help (a crisis line, a hotline) is not a
# mention that needs a content note.
POINTS_TO_HELP = [
    r"988",
    r"lifeline",
    r"hotline",
    r"crisis (?:line|text line|team|service)",
    r"(?:call|text|phone|ring) (?:\w+ ){0,3}(?:right away|now|today|911|999|112)",
    r"suicide prevention",
]

CONTENT_NOTES = {"suicide", "self-harm"}

RULES = [
    {
        "name": "committed suicide",
        "patterns": [
            r"commit(?:s|ted|ting)? (?:suicide|self[- ]harm)",
            r"suicide was committed",
        ],
        "why": "“Committed” recalls a crime or a sin; say “died by suicide” "
        "or “took their own life”.",
        "source": RRS,
    },
    {
        "name": "successful or failed attempt",
        "patterns": [
            r"(?:successful|unsuccessful|failed|botched|completed|half-hearted|"
            r"serious) suicides?(?: attempts?)?",
            r"(?:successful|unsuccessful|failed|botched|half-hearted) "
            r"attempts?(?! (?:at|to) (?!(?:kill|end|take|die|hang|drown)\b))"
            r"(?: (?:on|at|to (?:kill|end|take)) (?:\w+ )?(?:life|lives|"
            rf"{SELF}))?",
            r"attempts? (?:had |has )?(?:succeeded|failed|(?:was|were) "
            r"(?:nearly |almost )?"
            r"(?:successful|a success|unsuccessful|a failure))",
            rf"(?:succeeded|succeeds|failed|fails) (?:in|at) (?:killing|taking|"
            rf"ending) (?:{SELF}|{POSSESSIVE} (?:own )?li(?:fe|ves))",
            rf"failed to (?:kill|end) (?:{SELF}|{POSSESSIVE} (?:own )?li(?:fe|ves))",
        ],
        "why": "Calling a suicide “successful” or an attempt “failed” makes "
        "death the goal; say “died by suicide” or “survived an attempt”.",
        "source": RRS,
    },
    {
        "name": "method or means",
        # How, with what and where: the details a reader at risk could copy.
        "patterns": [
            # Swallowing, or saving up, pills and medicines
            r"over ?dos(?:e|ed|es|ing)\b(?: (?:on|of|with))?",
            r"\bod(?:'d|’d|ed)\b",
            r"(?:lethal|fatal|deadly|toxic) (?:dose|amount|quantity)",
            rf"(?:swallow(?:s|ed|ing)?|gulp(?:s|ed|ing)?|down(?:s|ed|ing)) "
            rf"{GAP}(?:{PILLS}|everything in the (?:medicine )?(?:cabinet|"
            r"bathroom|drawer)|the (?:whole|entire) (?:bottle|packet|box|pack)|"
            r"(?:a|the|every) (?:bottle|packet|box|pack)|handfuls?)",
            rf"(?:took|take|takes|taking|ate|eat|eats|eating) {GAP}(?:all|"
            r"every|the whole|a whole|the entire|an entire|handfuls? of|a "
            r"handful of|a fistful of|fistfuls of|dozens of|a bottle of|a box "
            r"of|a packet of|a month'?s|a week'?s|a year'?s|too many|double|"
            r"triple|\d{2,}|twenty|thirty|forty|fifty|sixty|a hundred|hundreds "
            rf"of) (?:[\w'’-]+ ){{0,4}}?{PILLS}",
            rf"(?:sav(?:e|es|ed|ing)|stockpil\w+|hoard\w*|collect(?:s|ed|ing)?|"
            rf"squirrel(?:l?ed|l?ing)? away|stash(?:es|ed|ing)?|"
            rf"hid(?:e|es|ing|den)?|st(?:ore|ored|oring) up) (?:up )?{GAP}{PILLS}",
            rf"(?:empty|empties|emptied|open|opened|scattered) (?:{PILLS} )?"
            r"(?:pill |medicine )?bottles",
            r"(?:pill|medicine) bottles (?:\w+ ){0,2}?(?:scattered|empty|"
            r"everywhere|around (?:her|him|them))",
            rf"emptied {GAP}(?:medicine cabinet|{PILLS}|bottles?)",
            r"(?:medicine|bathroom) cabinet (?:bare|empty)",
            rf"enough {PILLS} to",
            # Heights: bridges, roofs, ledges, windows, cliffs
            rf"(?:jump(?:s|ed|ing)?|leap(?:s|ed|t|ing)?|threw {SELF}|throw "
            rf"{SELF}|throwing {SELF}|hurl(?:ed|ing)? {SELF}|step(?:s|ped|ping)? "
            r"off|fell|fall(?:s|ing)?|plung(?:e|ed|es|ing)) (?:\w+ ){0,3}?"
            r"(?:off|from|out of|over|into|down) (?:\w+ ){0,3}?(?:bridges?|"
            r"roofs?|rooftops?|ledges?|windows?|cliffs?|balcon(?:y|ies)|"
            r"buildings?|overpass(?:es)?|parking (?:garage|structure|deck)|"
            r"towers?|top floor|\w+(?:th|rd|nd|st) floor|railings?|parapets?|"
            r"edges?|gorge|canyon|dam|quarry)",
            r"(?:stood|standing|stand|stands|sat|sitting|sit|perched|climb(?:s|"
            r"ed|ing)?|crawl(?:ed|ing)?|step(?:s|ped|ping)?|"
            r"walk(?:s|ed|ing)?|went|go|going) (?:out )?(?:on|onto|over|out "
            r"on|out onto|to|up to|at|past|through) (?:the|a|an) (?:\w+ )?"
            r"(?:ledge|railing|rail|parapet|guardrail|barrier|window ?sill|roof'?s "
            r"edge|top of the (?:bridge|building|parking|cliff|tower)|edge of "
            r"(?:the|a) (?:\w+ )?(?:roof|rooftop|bridge|building|cliff|platform|"
            r"balcony|tower|overpass|parking \w+|quarry|gorge|dam))",
            r"(?:climb(?:s|ed|ing)?|lean(?:s|ed|ing)|hung|hanging|dangl\w+) "
            r"(?:\w+ ){0,3}?over the (?:railing|rail|edge|ledge|side of the "
            r"bridge|parapet|balcony)",
            r"(?:sat|sitting|stood|standing|perched) on (?:the|a) (?:window )?"
            r"ledge",
            r"(?:bridges?|roofs?|rooftops?|ledges?|cliffs?|balcon(?:y|ies)|"
            r"overpass(?:es)?|parking garage|top floor) (?:[\w'’,-]+ ){0,8}?"
            rf"(?:jump\w*|leap\w*|throw\w* {SELF}|threw {SELF}|to end it|"
            r"to die)",
            # Hanging and ligatures
            rf"hang(?:s|ed|ing)? {SELF}",
            r"found (?:\w+ )?hanging|hanging (?:from|by) (?:a|the|his|her|"
            r"their) (?:rope|belt|cord|neck|noose|sheet)",
            r"hanging from (?:the|a|an) (?:\w+ )?(?:rafters?|beams?|ceiling|"
            r"trees?|branch|banister|closet|door|pipe|light fixture|hook)",
            r"\bhanged\b",
            r"nooses?",
            r"ligatures?",
            r"strung (?:himself|herself|themselves|myself) up",
            r"(?:rope|belt|cord|cable|sheet|bedsheet|dog "
            r"leash|leash|extension cord|shoelaces?|wire)s? (?:\w+ ){0,6}?"
            r"(?:around (?:his|her|their|my) neck|to the (?:beam|rafters?|"
            r"banister|ceiling|closet rod|door ?(?:knob|frame)?|hook|pipe|"
            r"light fixture|tree|branch|stair ?rail))",
            r"tied (?:\w+ ){0,4}?to (?:the|a) (?:\w+ )?(?:beam|rafters?|"
            r"banister|ceiling|closet rod|hook|pipe|light fixture|stair ?rail)",
            r"(?:around|round) (?:his|her|their|my) neck (?:\w+ ){0,4}?"
            r"(?:rope|belt|cord|cable|sheet|wire)",
            # Firearms
            rf"shot {SELF}",
            rf"shoot(?:s|ing)? {SELF}",
            r"(?:gun|pistol|rifle|shotgun|revolver|handgun|firearm|barrel|"
            r"muzzle|weapon)s? (?:\w+ ){0,3}?(?:to|against|at|in|into|under) "
            r"(?:his|her|their|my|your) (?:own )?(?:head|temple|chest|mouth|"
            r"heart|chin)",
            r"pull(?:s|ed|ing)? the trigger",
            r"used (?:his|her|their|my|a|the) (?:[\w'’]+ ){0,3}?(?:gun|pistol|rifle|"
            r"shotgun|revolver|handgun|firearm|weapon)",
            r"(?:where|that) (?:\w+ ){0,3}?(?:kept|keeps|hid|hides|stored|"
            r"stores) (?:\w+ ){0,2}?(?:gun|guns|pistol|rifle|shotgun|revolver|"
            r"handgun|firearm|bullets|ammunition)",
            r"(?:gun|pistol|rifle|shotgun|revolver|handgun|firearm)s? and "
            r"(?:the )?(?:bullets|ammunition|shells)",
            r"(?:loaded|load|loads|loading|cocked) (?:the|a|his|her|"
            r"their|my) (?:father'?s |dad'?s |husband'?s |own )?(?:gun|pistol|"
            r"rifle|shotgun|revolver|handgun)",
            r"(?:bought|buy|buys|buying|got|get|gets|getting|purchas(?:e|ed|"
            r"ing)) (?:a|an|the) (?:\w+ )?(?:gun|pistol|rifle|shotgun|revolver|"
            r"handgun|firearm) (?:\w+ ){0,6}?(?:to (?:end|kill|die|use it on)|"
            r"for {SELF}|so (?:he|she|they|i) could)".replace("{SELF}", SELF),
            r"(?:kept|keeps|keep|hid|hidden|had|has) (?:a|an|the) (?:loaded )?"
            r"(?:gun|pistol|rifle|shotgun|revolver|handgun|firearm) (?:loaded )?"
            r"(?:in|under|by|beside|next to) (?:the|his|her|their|my) (?:\w+ )?"
            r"(?:nightstand|bed|pillow|drawer|glovebox|glove box|car|closet)",
            # Cutting and burning
            rf"(?:cut|cuts|cutting|slit|slits|slitting|slash(?:ed|es|ing)?|"
            rf"slic(?:e|ed|es|ing)|carv(?:e|ed|es|ing)|gash(?:ed|ing)?|"
            rf"scratch(?:ed|es|ing)?|burn(?:s|ed|t|ing)?|drag(?:s|ged|ging)? "
            r"(?:\w+ ){1,3}?(?:across|along|over)) (?:\w+ ){0,3}?(?:into |on )?"
            rf"(?:{POSSESSIVE} )?(?:own )?(?:left |right |upper |inner |"
            r"both )?(?:wrists?|forearms?|arms?|thighs?|legs?|skin|stomach|"
            r"veins?|hips?)",
            rf"(?:cut|cuts|cutting|slash(?:ed|es|ing)|slic(?:ed|ing)|"
            rf"carv(?:ed|ing)|burn(?:s|ed|t|ing)?) {SELF}",
            r"(?:razors?|razor ?blades?|blades?|box cutters?|craft knife|"
            r"scalpels?|broken glass|shards? of glass|lighter|cigarettes?) "
            r"(?:\w+ ){0,5}?(?:to|against|on|into|across|along) (?:his|her|"
            r"their|my|the) (?:\w+ )?(?:skin|wrists?|arms?|forearms?|thighs?|"
            r"legs?|stomach|veins?)",
            r"(?:razors?|razor ?blades?|blades?|box cutters?) (?:\w+ ){0,4}?"
            r"(?:to cut|for cutting|she used to cut|he used to cut|to hurt)",
            r"(?:how|where) deep (?:to cut|the cuts?)",
            r"(?:carv|etch|scratch|cut)(?:e|ed|es|ing)? (?:\w+ ){0,3}?into "
            r"(?:his|her|their|my) (?:\w+ )?(?:skin|wrists?|arms?|forearms?|"
            r"thighs?|legs?|stomach)",
            # Trains and vehicles
            rf"(?:threw|throw|throws|throwing|flung|fling|hurled|stepped|"
            rf"jumped|lay|lie|lying|laid) (?:{SELF} )?(?:down )?under (?:a|an|"
            r"the) (?:\w+ ){0,2}?(?:trains?|subway|tube|metro|buse?s?|trucks?|"
            r"lorr(?:y|ies)|cars?|tram|wheels)",
            r"(?:parked|stopped|waited|sat|stood|knelt|lay) (?:\w+ ){0,3}?on the "
            r"(?:\w+ )?(?:railway|railroad|level|train|rail) crossing",
            r"waited for the (?:\w+ )?train (?:\w+ ){0,3}?(?:on the tracks|"
            r"on the crossing|at the crossing)",
            r"(?:swerv|steer|veer|aim|turn)(?:e|ed|es|ing)? (?:\w+ ){0,3}?into "
            r"(?:the )?(?:oncoming|on-coming|opposite) (?:traffic|lane|cars?|"
            r"trucks?|vehicles?)",
            r"in front of (?:a|an|the|his|her|their|oncoming|an oncoming|the "
            r"oncoming) (?:\w+ )?(?:trains?|subway|tube|metro|buse?s?|trucks?|"
            r"lorr(?:y|ies)|cars?|traffic|vehicles?|tram)",
            r"(?:lay|lie|lies|lying|laid|stood|stand|standing|sat|sitting|"
            r"wait(?:ed|ing)?|walk(?:ed|ing)?|stepp(?:ed|ing)|climbed|went|"
            r"jump(?:ed|ing)?) (?:down )?(?:on|onto|along|between|across|"
            r"down on|out on|out onto|to) the (?:train |railway |railroad |"
            r"subway |rail |metro )?(?:tracks|rails|platform edge|edge of the "
            r"platform)",
            r"(?:walk(?:s|ed|ing)?|step(?:s|ped|ping)?|ran|run(?:s|ning)?|"
            r"wander(?:ed|ing)?|jump(?:ed|ing)?|dart(?:ed|ing)?|threw "
            rf"{SELF}|throwing {SELF}) (?:out )?into (?:the )?(?:oncoming |"
            r"heavy |busy |rush[- ]hour )?(?:traffic|highway|freeway|"
            r"motorway|interstate|path of)",
            r"(?:drove|drive|drives|driving|crash(?:ed|es|ing)?|swerv(?:e|ed|"
            r"es|ing)|steer(?:ed|ing)?|aim(?:ed|ing)?|veer(?:ed|ing)?|"
            r"accelerat(?:e|ed|ing)|sped|speed(?:ing)?) (?:\w+ ){0,3}?(?:into|"
            r"off|toward|towards|at) (?:a|an|the) (?:\w+ )?(?:trees?|walls?|"
            r"bridges?|cliffs?|embankment|overpass|pillars?|barriers?|"
            r"abutment|oncoming|truck|lorry|lake|river|guardrail|ravine)"
            r"(?! to (?:park|visit|see|meet|pick|drop|watch))",
            r"crash(?:ed|ing)? (?:the|his|her|their|my) (?:\w+ )?(?:car|"
            r"truck|motorcycle|motorbike|bike) on purpose",
            r"on purpose (?:\w+ ){0,4}?(?:crash|swerve|drive into)",
            # Drowning
            rf"drown(?:s|ed|ing)? {SELF}",
            rf"(?:walk(?:s|ed|ing)?|wad(?:e|ed|es|ing)|swam|swim(?:s|ming)?|"
            rf"went|go|threw {SELF}|throw {SELF}|jump(?:s|ed|ing)?|"
            r"step(?:s|ped|ping)?) (?:out )?into the (?:freezing |icy |cold |"
            r"dark |deep |black |rough )?(?:sea|ocean|lake|river|water|waves|"
            r"surf|canal|reservoir|bay) (?:\w+ ){0,5}?(?:until|and (?:did not|"
            r"didn't|never) (?:come|turn|swim) back|with (?:stones|rocks|"
            r"weights)|to (?:drown|die|end it)|not (?:planning|meaning|"
            r"intending) to (?:come|swim) back|without (?:looking|turning) back)",
            r"(?:stones|rocks|weights|bricks) in (?:his|her|their|my) "
            r"(?:coat )?pockets",
            r"(?:filled|fills|filling|stuffed|loaded|weighed down) (?:his|her|"
            r"their|my) (?:\w+ )?pockets with (?:stones|rocks|weights|bricks)",
            r"(?:swam|swim|swimming|walked|wading|waded) (?:out )?(?:\w+ ){0,2}?"
            r"(?:too far|as far as (?:he|she|they|i) could|past the point "
            r"of|until (?:he|she|they|i) could(?:n't| not) (?:stand|touch|"
            r"feel))",
            r"(?:walk(?:ed|ing)?|wad(?:e|ed|ing)|swam|swim(?:ming)?) (?:out )?"
            r"into the (?:\w+ )?(?:sea|ocean|lake|river|water|waves|surf|bay) "
            r"(?:\w+ ){0,6}?(?:kept (?:going|walking|wading|swimming)|with "
            r"(?:his|her|their) (?:boots|shoes|clothes|coat|jacket) on)",
            r"(?:walked|waded|swam|went) (?:out )?into the (?:sea|ocean|lake|"
            r"river|waves|surf)(?=\s*[.!?;]|$| and (?:kept|never|did not|"
            r"didn't)| until| alone| at night| fully)",
            rf"held {SELF} under",
            r"let (?:the )?(?:waves|current|tide|sea|river|water) (?:take|carry|"
            r"pull) (?:him|her|them|me)",
            r"(?:swam|swim|swimming|drifted|drift|went|carried) (?:\w+ ){0,2}?"
            r"(?:out )?(?:past|beyond) the (?:breakers|buoys|surf|point|reef)",
            r"(?:held|hold|holds|holding|pushed|push) (?:his|her|their|my) "
            r"(?:own )?head under(?:water| the water| water)",
            # Carbon monoxide and gas
            r"carbon monoxide(?! (?:detector|alarm|leak|poisoning from|"
            r"monitor|sensor))",
            r"(?:hose|tube|pipe|tubing)s? (?:\w+ ){0,4}?(?:from|to|into|onto|"
            r"over|attached to|taped to|on) the (?:car'?s |van'?s |)?"
            r"(?:exhaust|tailpipe|tail pipe)",
            r"exhaust fumes",
            r"(?:engine|car|motor|truck|van) (?:\w+ ){0,2}?running (?:\w+ ){0,3}?"
            r"(?:in|inside) (?:the|a) (?:closed|shut|locked|sealed) ?garage",
            r"(?:in|inside) (?:the|a) (?:closed|shut|locked|sealed) garage "
            r"(?:\w+ ){0,4}?(?:engine|car|motor) (?:still )?running",
            r"(?:charcoal|barbecue|bbq|coals?|grill|brazier|generator) "
            r"(?:\w+ ){0,4}?(?:in|inside|into) (?:the|a|his|her|their) "
            r"(?:closed |sealed |locked |shut |small |tiny )?(?:bathroom|"
            r"bedroom|room|car|tent|van|closet)",
            r"(?:sealed|taped|stuffed|blocked) (?:up )?(?:the|every) "
            r"(?:\w+ )?(?:doors?|windows?|vents?|cracks?|gaps?) (?:\w+ ){0,6}?"
            r"(?:gas|fumes|charcoal|engine|oven|exhaust)",
            r"(?:head|face) in(?:to)? the (?:gas )?oven",
            r"turned on the gas (?:\w+ ){0,4}?(?:without|and did not light|"
            r"unlit|and lay|and sat|and waited)",
            # Poisons
            r"(?:drank|drink|drinks|drinking|swallow(?:s|ed|ing)?|ingest"
            r"(?:s|ed|ing)?|ate|eat|eats|eating|down(?:s|ed)|gulp(?:s|ed|ing)?|"
            r"took|taking|mix(?:ed|es|ing)?) (?:\w+ ){0,4}?(?:bleach|poison|"
            r"antifreeze|anti-freeze|pesticides?|weed ?killer|herbicide|rat "
            r"poison|insecticide|paraquat|cyanide|drain cleaner|lye|arsenic|"
            r"(?:toilet|oven|floor) cleaner|cleaning (?:fluid|products?|"
            r"chemicals)|fertili[sz]er|methanol|rubbing alcohol|window cleaner|"
            r"ammonia|lighter fluid|kerosene|gasoline|petrol|pool chemicals|"
            r"nail polish remover|fabric softener|detergent|battery acid)",
            rf"poison(?:s|ed|ing)? {SELF}",
            # Suffocation and strangling
            rf"suffocat(?:e|ed|es|ing) {SELF}",
            rf"smother(?:s|ed|ing)? {SELF}",
            rf"strangl(?:e|ed|es|ing) {SELF}",
            rf"chok(?:e|ed|es|ing) {SELF}",
            r"asphyxi\w+",
            r"(?:plastic |garbage |trash |bin |dry[- ]cleaning )?bags? "
            r"(?:\w+ ){0,3}?over (?:his|her|their|my|your|the) (?:own )?"
            r"(?:head|face)",
            r"exit bags?|suicide bags?",
            r"(?:helium|nitrogen|argon|inert gas) "
            r"(?:\w+ ){0,4}?(?:tanks?|canisters?|cylinders?|hood|bags?|"
            r"inhal\w+|breath\w*|mask)(?! (?:for|from) (?:the )?(?:party|"
            r"balloons?))",
            # Notes and plans
            r"suicide (?:notes?|letters?|messages?|texts?|videos?|plans?|"
            r"pacts?)(?! (?:prevention|safety))",
            r"(?:goodbye|farewell|final|last) (?:notes?|letters?|messages?|"
            r"texts?|videos?|posts?|emails?) (?:\w+ ){0,6}?(?:before (?:he|"
            r"she|they|i) (?:died|tried|killed|took|jumped|overdosed|attempted)"
            r"|to (?:his|her|their|my) (?:family|children|kids|parents|wife|"
            r"husband|partner|mother|father|mom|dad|sister|brother)|saying "
            r"goodbye|explaining why|apologi[sz]ing)",
            r"(?:wrote|write|writes|writing|written|left|leave|leaves|"
            r"leaving|drafted|typed|recorded|posted) (?:a |an |the |his |her |"
            r"their |my )?(?:goodbye|farewell|final|last) (?:notes?|letters?|"
            r"messages?|texts?|videos?|posts?|emails?)",
            r"(?:the|his|her|their|my) note (?:said|read|says|reads|asked|"
            r"told|explained|began|ended)",
            r"(?:had|made|make|makes|making|has|have|drew up|worked out|"
            r"written|wrote|formed|formulated|with) (?:a |an |the )?"
            r"(?:detailed |specific |clear |careful |precise |concrete )?"
            r"plan (?:\w+ ){0,2}?(?:to (?:kill|end|die|take|hang|jump|shoot|"
            r"overdose|drown)|for (?:how|when|where) (?:to|he|she|they|i) "
            r"(?:would )?(?:die|kill|end))",
            r"(?:planned|plans|planning) (?:\w+ ){0,3}?(?:how|where|when) "
            r"(?:he|she|they|i) would (?:die|do it(?! all)|end it|kill)",
            r"(?:where|how|when) (?:he|she|they|i) would do it(?! all)",
            r"the (?:day|date|time|place|way) (?:that )?(?:he|she|they|i) "
            r"would do it(?! all)",
            r"(?:a plan|the (?:pills|gun|rope|means|weapon)) (?:\w+ ){0,3}?to do "
            r"it(?! all)",
            r"(?:picked|pick|chose|choose|chosen|set|sets|had chosen|had "
            r"picked|had set|planned) (?:a|the) (?:exact |specific )?(?:date|"
            r"day|time|place|spot|method|way) (?:\w+ ){0,3}?(?:to (?:die|end "
            r"(?:it|things|her life|his "
            r"life|their life)|kill|do it|jump|overdose)|for (?:the|her|his|"
            r"their|my) (?:suicide|death|attempt))",
            rf"(?:researched|research|researching|googled|searched|searching|"
            rf"looked up|looking up|read up on|studied|asked|described|knew|"
            rf"worked out|calculated) (?:\w+ ){{0,3}}?how (?:many|much) "
            rf"(?:\w+ )?{PILLS} (?:\w+ ){{0,3}}?(?:would (?:need|take|kill|be "
            rf"enough)|it would take|to (?:die|kill|end)|(?:was|were) enough)",
            r"(?:took|swallowed|drank|downed|gulped) (?:the|an|a) (?:entire|whole) "
            r"bottle(?! of (?:water|wine|soda|juice|milk|coke|beer|champagne|"
            r"vodka|whiskey|rum|gin))",
            r"took (?:the|his|her|their|my|a) (?:[\w'’]+ ){0,2}?(?:gun|pistol|"
            r"rifle|revolver|shotgun|handgun)(?! (?:hunting|to the (?:range|"
            r"shop|police)|in for|to sell))",
            r"waited (?:by|on|near|at) the (?:\w+ )?(?:tracks|crossing|rails) "
            r"for (?:the|a) (?:\w+ )?train",
            r"(?:lay|lie|lying|laid|went|stayed|slid|slipped|sank|sunk|"
            r"held (?:him|her|them|my)sel\w+|"
            r"put (?:his|her|their|my) head) (?:\w+ ){0,2}?under (?:the )?"
            r"(?:bath)?water",
            r"climb(?:s|ed|ing)? (?:out )?(?:onto|on|up on|up onto) the (?:\w+ )?"
            r"(?:sill|ledge|railing|parapet|roof|guardrail)",
            r"(?:chose|chosen|picked|picked out|decided on|settled on) "
            r"(?:the|a) (?:bridge|building|roof|cliff|ledge|rope|gun|pills|"
            r"method|overpass|train|tracks)",
            r"(?:walked|waded|went) into the (?:\w+ )?(?:sea|ocean|lake|river) "
            r"in (?:the )?(?:winter|january|february|december|dark|night|cold)",
            r"(?:would|will) be a (?:relief|blessing|gift|mercy|release) "
            r"(?:to|for) (?:everyone|everybody|all of them|the family|"
            r"(?:his|her|their|my) family)",
            r"(?:researched|research|researching|googled|searched|searching|"
            r"looked up|looking up|read up on|studied) (?:\w+ ){0,3}?"
            r"(?:ways|how|methods?|the best way|the easiest way|the quickest "
            r"way|the most painless way|which \w+) (?:\w+ ){0,2}?(?:to (?:die|"
            r"kill|end (?:it|my|his|her|their)|overdose|hang|jump)|of "
            r"(?:suicide|dying|killing))",
            r"(?:rehears(?:ed|ing|e)|practis(?:ed|ing|e)|practic(?:ed|ing|e)) "
            rf"(?:\w+ ){{0,3}}?(?:{POSSESSIVE} )?(?:suicide|death|attempt|"
            r"hanging|the jump|the noose)",
            r"gave away (?:\w+ ){0,2}?(?:belongings|possessions|things|"
            r"treasures|pets?|dog|cat|guitar|savings) (?:\w+ ){0,6}?(?:before|"
            r"and (?:wrote|then|said goodbye)|in the weeks before)",
        ],
        # Pairs of words that describe a method only together, anywhere in
        # one sentence: a means, and what was done with it.
        "together": [
            (  # pills and medicines, in a quantity or with intent
                [
                    PILLS,
                    r"pills?",
                    r"(?:double|triple) (?:her|his|their|my|the) "
                    r"dose",
                    r"medicine cabinet",
                ],
                [
                    r"swallow\w*",
                    r"washed (?:\w+ ){0,2}?down",
                    r"(?:put|putting|puts|set|setting|sets|tuck(?:ed|ing)?) "
                    r"(?:\w+ ){0,3}?(?:aside|away)",
                    r"gulp\w*",
                    r"fistfuls?",
                    r"handfuls?",
                    r"(?:every|each) (?:last )?(?:pill|"
                    r"tablet|capsule|one)",
                    r"took (?:them|it) all",
                    r"all of them",
                    r"the whole (?:bottle|packet|box|lot)",
                    r"bottles? of",
                    r"dozens",
                    r"too many",
                    r"overdos\w*",
                    r"hoard\w*",
                    r"stockpil\w*",
                    r"sav(?:ed|ing) (?:them )?up",
                    r"stash\w*",
                    r"counted (?:out )?",
                    r"lethal",
                    r"enough to",
                    r"then more",
                    r"double",
                    r"triple",
                    r"emptied",
                    r"crush(?:ed|ing)",
                    r"mix(?:ed|ing)? (?:\w+ ){0,3}into",
                    r"month'?s supply",
                    r"(?:all|every one) of (?:them|it)",
                ],
            ),
            (  # heights
                [
                    r"bridges?",
                    r"roofs?",
                    r"rooftops?",
                    r"ledges?",
                    r"windows?",
                    r"cliffs?",
                    r"balcon(?:y|ies)",
                    r"overpass(?:es)?",
                    r"parking (?:structure|garage|deck)",
                    r"\w+[- ]floor",
                    r"towers?",
                    r"railings?",
                    r"parapets?",
                    r"the edge",
                ],
                [
                    r"jump(?:s|ed|ing)?",
                    r"leap(?:s|ed|t|ing)?",
                    rf"threw {SELF}",
                    rf"(?:flung|fling(?:s|ing)?|hurl(?:s|ed|ing)?|launch(?:es|ed|"
                    rf"ing)?|cast) {SELF}",
                    rf"throw(?:s|ing)? {SELF}",
                    r"fell",
                    r"plung\w*",
                    r"climb(?:s|ed|ing)? (?:over|out)",
                    r"over the (?:edge|railing|side)",
                    r"perched",
                    r"dangl\w*",
                    r"looked down",
                    r"(?:bottom|foot) of the",
                    r"step(?:ped)? off",
                    r"ready to",
                    r"imagin\w* (?:falling|jumping|the fall)",
                    r"lean(?:ed|ing) forward",
                ],
            ),
            (  # hanging and ligatures
                [
                    r"ropes?",
                    r"cords?",
                    r"belts?",
                    r"leash",
                    r"bed ?sheets?",
                    r"sheets?",
                    r"cables?",
                    r"wires?",
                    r"shoelaces?",
                    r"extension cords?",
                ],
                [
                    r"(?:his|her|their|my) neck",
                    r"hang\w*",
                    r"door ?knob",
                    r"(?:the|a) tree",
                    r"(?:the|a) branch",
                    r"pipes?",
                    *TIED_TO,
                ],
            ),
            (  # a scarf or a tie is worn around the neck every day
                [r"scarf", r"scarves", r"neck ?ties?", r"\bties?\b"],
                [r"hang(?:ed|ing)", *TIED_TO],
            ),
            (  # firearms
                [
                    r"guns?",
                    r"pistols?",
                    r"rifles?",
                    r"shotguns?",
                    r"revolvers?",
                    r"handguns?",
                    r"firearms?",
                    r"bullets?",
                    r"ammunition",
                    r"ammo",
                ],
                [
                    r"loaded",
                    r"load(?:s|ing)? (?:it|the|his|her)",
                    r"temple",
                    r"(?:his|her|their|my) (?:own )?(?:head|mouth|chest|chin)",
                    SELF,
                    r"(?:single|one|last) bullet",
                    r"cocked",
                    r"drawer",
                    r"nightstand",
                    r"in (?:his|her|their|my) lap",
                    r"under (?:his|her|their|my) (?:pillow|bed)",
                    r"(?:where|what) (?:\w+ ){0,3}kept",
                ],
            ),
            (  # cutting and burning
                [
                    r"razors?",
                    r"(?:razor ?)?blades?",
                    r"knife",
                    r"knives",
                    r"scissors",
                    r"(?:broken )?glass",
                    r"shards?",
                    r"box cutters?",
                    r"lighters?",
                    r"cigarettes?",
                    r"compass",
                    r"self[- ]harm\w*",
                    r"cut(?:s|ting)?",
                    r"slic\w+",
                    r"slash\w*",
                    r"carv\w+",
                    r"burn(?:s|ed|t|ing)?",
                    r"scratch\w*",
                ],
                [
                    r"wrists?",
                    r"forearms?",
                    r"arms?",
                    r"thighs?",
                    r"legs?",
                    r"skin",
                    r"stomach",
                    r"hips?",
                    r"veins?",
                    r"self[- ]harm\w*",
                    r"deep",
                ],
            ),
            (
                [r"self[- ]harm\w*", r"hurt(?:s|ing)? (?:him|her|them|my)sel\w+"],
                [
                    r"razors?",
                    r"blades?",
                    r"knife",
                    r"knives",
                    r"scissors",
                    r"glass",
                    r"lighters?",
                    r"cigarettes?",
                    r"compass",
                    r"needles?",
                    r"pins?",
                ],
            ),
            (
                [r"used", r"broken (?:bottle|glass|mirror|plate)", r"shards?"],
                [
                    r"on (?:his|her|their|my) (?:own )?(?:arms?|wrists?|legs?|"
                    r"thighs?|skin|stomach|body)"
                ],
            ),
            (
                [r"given away|gave away|giving away"],
                [
                    r"set a date",
                    r"a date",
                    r"(?:his|her|their) will",
                    r"note",
                    r"goodbye",
                    r"before (?:he|she|they) (?:died|tried|attempted)",
                    r"the (?:week|day|night) before",
                ],
            ),
            (  # trains and vehicles
                [
                    r"trains?",
                    r"subway",
                    r"metro",
                    r"tube",
                    r"trams?",
                    r"railway",
                    r"railroad",
                    r"rail ?line",
                    r"(?:train )?tracks",
                    r"level crossing",
                    r"traffic",
                    r"buse?s?",
                    r"trucks?",
                    r"lorr(?:y|ies)",
                    r"semis?",
                    r"semi-trucks?",
                    r"18-wheelers?",
                    r"cars?",
                    r"pillars?",
                    r"(?:concrete )?walls?",
                    r"trees?",
                    r"bridges?",
                    r"highway",
                    r"freeway",
                    r"motorway",
                ],
                [
                    r"lay (?:down )?(?:across|on|down)",
                    r"lying (?:across|on)",
                    r"in front of",
                    r"(?:threw|throw|thrown) \w+ under",
                    r"deliberately",
                    r"on purpose",
                    r"steer(?:ed|ing)? (?:\w+ ){0,3}"
                    r"(?:off|into)",
                    r"swerv\w*",
                    r"into oncoming",
                    r"(?:drove|driven|drive|driving) (?:\w+ ){0,3}(?:into|off) "
                    r"(?:a|an|the) (?:\w+ )?(?:pillar|wall|tree|bridge|truck|"
                    r"embankment|barrier|river|lake)",
                ],
            ),
            (  # drowning
                [
                    r"ocean",
                    r"sea",
                    r"lake",
                    r"river",
                    r"canal",
                    r"water",
                    r"waves",
                    r"tide",
                    r"current",
                    r"bath(?:tub)?",
                    r"reservoir",
                    r"pond",
                    r"quarry",
                    r"pool",
                ],
                [
                    r"kept (?:walking|going|wading|swimming)",
                    r"jumped (?:\w+ ){0,4}"
                    r"into the (?:icy|freezing|cold|dark|fast|deep|black)",
                    r"(?:rocks|stones|weights|bricks)",
                    r"sewn",
                    r"fully clothed",
                    r"in (?:his|her|their|my) clothes",
                    r"let (?:him|her|them|my)"
                    r"sel\w+ (?:sink|go under|drift)",
                    r"(?:sink|sank|sunk) to the "
                    r"bottom",
                    r"stayed (?:there|under|down)",
                    r"never "
                    r"(?:came|swam|walked) back",
                    r"head under",
                    r"(?:walked|waded|went) (?:\w+ ){0,2}into the (?:\w+ )?"
                    r"(?:ocean|sea|lake|river|canal|water|waves) (?:\w+ ){0,4}"
                    r"(?:until|and kept|with)",
                ],
            ),
            (  # carbon monoxide and gas
                [
                    r"hoses?",
                    r"tub(?:e|es|ing)",
                    r"garage",
                    r"charcoal",
                    r"barbecue",
                    r"grill",
                    r"brazier",
                    r"generator",
                    r"(?:gas )?oven",
                ],
                [
                    r"exhaust",
                    r"tailpipe",
                    r"(?:engine|motor|car) (?:\w+ )?"
                    r"running",
                    r"running (?:engine|motor)",
                    r"sealed",
                    r"(?:closed|shut|locked) (?:\w+ )?(?:room|door|bathroom|"
                    r"bedroom|car|tent|garage)",
                    r"head in",
                    r"unlit",
                    r"without lighting",
                    r"(?:ran|running|started|left) the (?:car|engine|motor) "
                    r"(?:\w+ ){0,4}?(?:door|doors) (?:shut|closed|down)",
                    r"inside",
                    r"indoors",
                    r"in the (?:house|room|bedroom|bathroom|basement)",
                ],
            ),
            (  # poisons
                [
                    r"bleach",
                    r"poison",
                    r"antifreeze",
                    r"anti-freeze",
                    r"pesticides?",
                    r"weed ?killer",
                    r"insecticide",
                    r"cyanide",
                    r"drain cleaner",
                    r"lye",
                    r"arsenic",
                    r"cleaning (?:product|"
                    r"fluid|chemical)s?",
                    r"cleaners?",
                    r"chemicals",
                    r"fertili[sz]er",
                    r"paraquat",
                    r"methanol",
                    r"(?:paint )?thinner",
                    r"solvents?",
                    r"turpentine",
                    r"kerosene",
                    r"gasoline",
                    r"petrol",
                    r"ammonia",
                    r"\w+ (?:killer|remover|cleaner|fluid|acid)",
                ],
                [
                    r"drank",
                    r"drink(?:s|ing)?",
                    r"swallow\w*",
                    r"ingest\w*",
                    r"\bate\b",
                    r"took",
                    r"consum\w+",
                    r"down(?:ed)?",
                    r"gulp\w*",
                    r"on purpose",
                    rf"poison(?:s|ed|ing)? {SELF}",
                ],
            ),
            (  # suffocation
                [
                    r"(?:plastic |garbage |trash )?bags?",
                    r"helium",
                    r"nitrogen",
                    r"argon",
                    r"pillows?",
                ],
                [
                    rf"(?:over|around) (?:{POSSESSIVE}|the) (?:own )?(?:head|face)",
                    rf"(?:{POSSESSIVE}) head in",
                    r"tanks?",
                    r"masks?",
                    r"canisters?",
                    r"hood",
                    r"filled with",
                    rf"smother\w* {SELF}",
                    rf"suffocat\w* {SELF}",
                ],
            ),
            (
                [
                    r"(?:duct |packing |masking )?tape",
                    r"plastic wrap",
                    r"cling ?film",
                    r"pillows?",
                    r"(?:his|her|their|my) hands?",
                ],
                [rf"(?:around|over|across) {POSSESSIVE} (?:mouth|nose|face|head)"],
            ),
            (  # notes and plans
                [
                    r"notes?",
                    r"letters?",
                    r"messages?",
                    r"texts?",
                    r"emails?",
                    r"videos?",
                    r"texted",
                    r"emailed",
                    r"messaged",
                    r"will",
                ],
                [
                    r"(?:saying|said|say) goodbye",
                    r"goodbye",
                    r"farewell",
                    r"final",
                    r"last words",
                    r"saying (?:she|he|they|i) (?:was|were|"
                    r"am) sorry",
                    r"to be found",
                ],
            ),
            (
                [r"(?:detailed |specific |concrete )?plan"],
                [
                    r"and a (?:date|method|time|place)",
                    r"(?:exactly )?(?:how|"
                    r"when|where) (?:and (?:how|when|where) )?(?:he|she|they|i) "
                    r"would (?:die|do it|kill|end)",
                ],
            ),
            (
                [
                    r"chosen",
                    r"chose",
                    r"picked",
                    r"set",
                    r"decided on",
                    r"had",
                    r"knew",
                    r"fixed",
                ],
                [
                    r"the (?:day|date|time) and the (?:place|time|method|way)",
                    r"the (?:place|method|way) and the (?:day|date|time)",
                    r"the (?:day|date|time|place|way) (?:that )?(?:he|she|they|i) "
                    r"would (?:die|do it(?! all)|end it|kill)",
                ],
            ),
            (
                [
                    r"decided",
                    r"knew",
                    r"worked out",
                    r"figured out",
                    r"written down",
                    r"wrote down",
                    r"planned",
                ],
                [
                    r"(?:exactly )?(?:how|when|where) (?:and (?:how|when|where) )?"
                    r"(?:he|she|they|i) would (?:die|do it(?! all)|kill|end)"
                ],
            ),
        ],
        "unless": [
            r"as prescribed",
            r"organi[sz]er|pharmac(?:y|ist)|side effects|running low|"
            r"headache|(?:picked|pick) up (?:her|his|their|my|the) "
            r"prescription",
            r"\bwore\b|wearing|in the cold|to keep warm|ribbon|gift|lawn "
            r"mower|rope course|clothesline",
            r"swimming lessons|honeymoon|vacation|holiday|kayak|canoe|club|"
            r"training|triathlon|lifeguard|race|held (?:his|her|their|my) "
            r"breath|plane|flight|airport|boarding|"
            r"fishing|boat|dock|cool off|swim team|along the (?:lake|river|"
            r"shore|beach)|every (?:summer|morning)",
            r"coupons|dishes|washing up|candle|toast|tattoo|surgery|blood "
            r"(?:test|draw)|vaccine|injection|cooking|kitchen table (?:and "
            r")?(?:talk|chat)",
            r"shot a (?:video|photo|film)|shooting (?:a )?(?:video|film|photos)",
            r"mosquito|bug bites?|\bbites?\b|itch\w*|rash|eczema|poison ivy",
            r"last day|leaving (?:party|do)|retir\w+|colleagues|co-?workers|"
            r"(?:at|from|to) (?:the|his|her|their) (?:company|team|office|"
            r"job)\b",
            r"for (?:the|a|an|her|his|their|our) (?:reunion|wedding|party|"
            r"meeting|trip|vacation|holiday|move|interview|appointment|"
            r"ceremony|birthday|celebration|launch|event|surgery|exam)",
            r"into (?:the )?(?:city|town)|to (?:visit|see|work)|carefully",
            r"grill(?:ed|ing)|burgers|cookout|barbecued|hot dogs|marshmallows|"
            r"campfire|at the park",
            r"(?:dog|cat|puppy|kitten|kids?|toddler) (?:got into|ate|drank|"
            r"chewed)|the vet\b",
            r"(?:packed|pack) (?:her|his|their|my) lunch|groceries|"
            r"shopping bag|sleeping bag|bean ?bag",
            r"future self|younger self|thank[- ]you (?:note|letter)|"
            r"love letter|cover letter|about the (?:groceries|rent|dinner)",
            r"(?:prescribed|recommended|usual|normal|daily|morning|evening|"
            r"nightly|right) dose",
            r"(?:remember(?:s|ed)?|forg(?:ot|et|ets|ot)) to take",
            r"(?:take|takes|took|taking) (?:\w+ ){0,3}(?:on time|every "
            r"(?:morning|evening|night|day)|each (?:morning|night|day)|with "
            r"(?:food|breakfast|dinner|meals))",
            r"fireworks|sunset|sunrise|the view|the stars|photos?|pictures?|"
            r"painting|poster|laundry|curtains?|hammock|swing|decorations?|"
            r"christmas lights|fairy lights|bird ?feeder",
            r"diving board|laps|pool party|trampoline|parachute|bungee|skydiv\w*|"
            r"jump rope|jumped for joy|puddle",
            r"(?:cat|dog|kitten|puppy|bird|squirrel)s? (?:jumped|leapt|fell|"
            r"climbed)|(?:get|fetch|grab|retrieve) the (?:ball|frisbee|kite)",
            r"chopp\w+|vegetables|onions?|bread|cooking|recipe|haircut|"
            r"shaving|paper cut|by accident|accidentally|sunburn",
            r"lock(?:ed|s|ing)? (?:\w+ ){0,3}?(?:away|up|box|safe)|gun lock|"
            r"safe storage|stored (?:\w+ ){0,3}?safely|gave (?:\w+ ){0,3}?"
            r"(?:guns?|rifles?|firearms?) to|(?:guns?|rifles?|firearms?) out "
            r"of the house|removed (?:the|"
            r"his|her|their) (?:guns?|firearms?|rifles?)",
            r"(?:went|go|goes|going) hunting|target practice|shooting range|"
            r"firing range",
            r"(?:safety|crisis|coping|care|treatment|recovery|wellness) plan",
            r"(?:took|take|takes|taking|caught|catch|catches|rode|ride|rides) "
            r"the (?:train|bus|subway|metro|tube|tram)",
            r"detector|alarm",
            r"balloons?",
            r"in the garden|gardening|garden beds?|weeds|lawn|pests|mopp\w+|"
            r"scrubb\w+",
        ],
        "why": "Describing how someone harmed themselves can lead a reader at "
        "risk to copy it; leave the method and the means out.",
        "source": RRS,
    },
    {
        "name": "sensational words",
        "when_about_suicide": [
            r"epidemics?",
            r"skyrocket(?:s|ed|ing)?",
            r"soar(?:s|ed|ing)",
            r"spik(?:e|es|ed|ing)",
            r"surg(?:e|es|ed|ing)",
            r"explod(?:e|es|ed|ing)|explosion",
            r"(?:suicide|self-harm) (?:crisis|wave|surge|contagion|craze|trend)",
            r"(?:alarming|shocking|staggering|terrifying|frightening) "
            r"(?:rate|rates|number|numbers|rise|increase|statistics?)",
            r"(?:an )?(?:wave|rash|spate|string|cluster) of (?:teen |youth )?"
            r"suicides",
        ],
        "why": "Alarming words make suicide sound common and expected; give "
        "the facts plainly, with the ways people get help.",
        "source": RRS,
    },
    {
        "name": "suicide as a solution",
        "patterns": [
            r"better off (?:dead|without (?:me|him|her|them|us))",
            r"finally (?:at peace|at rest|free (?:of|from) (?:his|her|their|"
            r"the) (?:pain|suffering|torment|demons|misery))",
            r"(?:is|was|are|were) (?:now )?at rest",
            r"(?:rather|better) be dead",
        ],
        "when_about_suicide": [
            r"(?:the )?only (?:way out|way to (?:\w+ ){0,4}?(?:stop|end|escape)|"
            r"answer|solution|option|escape|choice)",
            r"(?:suicide|death|dying|killing (?:him|her|them|my)sel\w+) as "
            r"(?:a|the|their|his|her) (?:only )?(?:way|means|solution|answer|"
            r"escape|option|release)",
            r"(?:stop|no longer) being a burden",
            r"(?:would|will|could) (?:\w+ ){0,2}?(?:set (?:\w+ ){0,2}?free|make "
            r"(?:\w+ ){0,3}?(?:easier|better|stop)|end (?:the|his|her|their|my|"
            r"all the) (?:pain|suffering)|solve (?:\w+ ){0,2}?problems)",
            r"no (?:other )?(?:way out|choice|option|escape)s?",
            r"(?:a|the) way (?:out|to end (?:the|his|her|their|my|it all))",
            r"(?:finally|at last|now|forever) (?:at peace|free|at rest|"
            r"out of pain|released)",
            r"(?:finally|at last) (?:found|gave (?:him|her|them|me)|brought "
            r"(?:him|her|them|me)|got|has|had) (?:\w+ )?(?:peace|relief|rest|"
            r"release|freedom|escape)(?! with)",
            r"(?:brought|brings|bring|gave|gives|offered|offers) (?:him|her|"
            r"them|me|us|the family) (?:\w+ )?(?:peace|relief|rest|release|"
            r"freedom)",
            r"(?:end|ended|ends|ending|stop|stopped|escape|escaped) (?:to )?"
            r"(?:his|her|their|my|the) (?:pain|suffering|misery|torment|"
            r"problems)",
            r"(?:was|is|seemed|seems|felt|feels|became|as) (?:like )?(?:the|"
            r"a|an) (?:only |final |last |logical |rational |natural "
            r"|understandable |peaceful |painless |easy |brave |courageous )"
            r"?(?:answer|solution|relief|release|escape|way out|option|"
            r"choice|resolution|rest|mercy|gift)",
            r"(?:peaceful|painless|easy|quick|brave|courageous|noble|"
            r"beautiful|dignified) (?:death|way to die|way out|end|exit|"
            r"choice|act|decision)",
            r"(?:was|is) (?:a |an )?(?:relief|release|blessing|mercy|escape)",
            r"rest in peace now",
        ],
        "why": "Presenting suicide as a way to end pain or as inevitable can "
        "make it seem an option; show that pain can ease and help works.",
        "source": FRAMEWORK,
    },
    {
        "name": "a single cause",
        "when_about_suicide": [
            r"(?:caused|causes|cause|led to|leads to|lead to|drove|drives|"
            r"pushed|pushes|push|triggered|triggers) (?:\w+ ){0,4}?(?:to "
            r"(?:suicide|kill|take (?:his|her|their|my) (?:own )?life|end "
            r"(?:it|his|her|their|my))|(?:his|her|their|my) (?:suicide|death)|"
            r"the suicide|over the edge)",
            rf"(?:killed {SELF}|died by suicide|died of suicide|took (?:his|"
            rf"her|their|my) (?:own )?life|ended (?:his|her|their|my) (?:own )?"
            r"life|suicide) (?:\w+ ){0,2}?(?:because|due to|over|as a result "
            r"of|the day after|right after|after (?:she|he|they) (?:lost|was|"
            r"got|failed|broke))",
            r"suicide (?:was |is )?(?:caused by|because of|due to|the result of|"
            r"a result of|a reaction to|explained by)",
            r"(?:the|one) (?:reason|cause) (?:why )?(?:he|she|they|people|"
            r"someone|teens?|kids) (?:\w+ )?(?:killed|die|died|take|took|end|"
            r"ended|attempt)",
            r"(?:the|one|a single) (?:reason|cause) (?:for|of|behind) "
            r"(?:his|her|their|the) (?:suicide|death)",
            r"(?:if (?:only )?(?:he|she|they) had(?:n't| not)|had (?:he|she|"
            r"they) not) (?:\w+ ){1,6}?(?:would|might) (?:still )?be (?:alive|"
            r"here)",
        ],
        "unless": [
            r"(?:rarely|never|almost never|seldom|not) (?:has |have |just |"
            r"only )?(?:one|a single)",
            r"many (?:causes|reasons|strands|factors)",
            r"(?:more than|not just) one (?:cause|reason|thing)",
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
