"""The cues that say what an employer's reply is, in each language Followup reads.

A cue is a named pattern with a weight for one kind: 3 for a phrase that on its own says
what the email is ("the position has been filled"), 2 for a strong hint ("offer letter"),
1 for a word that leans one way ("unfortunately"). Patterns are matched on folded text
(lower case, accents dropped, see `bot.domain.text.unaccented`), so they are written that
way. The names are what a Reading reports as its cues: never the email's words.

Good news can be said in the negative ("we are unable to offer you the role"), so cues for
an offer or a next round are `negatable`: `NEGATORS` shortly before them in the same
sentence turn them into evidence of a rejection instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_F = re.compile  # every pattern here is matched on folded text


@dataclass(frozen=True)
class Cue:
    """One rule: its name, the kind it speaks for, how much, and its pattern."""

    name: str
    kind: str  # a ReplyKind value
    weight: float
    pattern: re.Pattern[str]
    negatable: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Everything one language's replies are read with."""

    cues: tuple[Cue, ...]
    stop: re.Pattern[str]  # asks not to be contacted again
    negators: re.Pattern[str]  # matched on the words just before a negatable cue
    material: tuple[tuple[str, re.Pattern[str]], ...]  # (Material value, what names it)
    request: re.Pattern[str]  # "could you send", "merci de nous transmettre"
    words: frozenset[str]  # common short words, to tell the language


def _cues(kind: str, table: dict[str, tuple[float, str]], *, negatable: bool = False) -> list[Cue]:
    return [
        Cue(f"{kind}.{name}", kind, weight, _F(pattern), negatable)
        for name, (weight, pattern) in table.items()
    ]


def lexicon(
    kinds: dict[str, dict[str, tuple[float, str]]],
    *,
    stop: str,
    negators: str,
    material: dict[str, str],
    request: str,
    words: str,
) -> Lexicon:
    """One language's lexicon from its tables (`kind -> name -> (weight, pattern)`)."""
    positive = {"offer", "next_round"}
    cues = [
        cue
        for kind, table in kinds.items()
        for cue in _cues(kind, table, negatable=kind in positive)
    ]
    return Lexicon(
        cues=tuple(cues),
        stop=_F(stop),
        negators=_F(negators),
        material=tuple((value, _F(pattern)) for value, pattern in material.items()),
        request=_F(request),
        words=frozenset(words.split()),
    )


_WHO = r"(?:candidates?|applicants?|person|individual|profiles?)"
# "after your final round" names the round that was: no cue for one to come. The cue tries
# these only where a round's first letter starts a word, so they cost little.
_PAST_ROUND = (
    "".join(
        f"(?<!{before} {whose} )"
        for before in ("after", "following", "from", "since", "before", "in", "during")
        for whose in ("the", "your", "our")
    )
    + "(?<!after )"
)
_OTHER = r"(?:other|another|a different|the other|an? (?:internal|external)|someone|somebody)"

ENGLISH = lexicon(
    {
        "rejection": {
            "pass_on_you": (
                3,
                r"\bdecided to pass\b|\b(?:made|have made"
                r"|we'?ve made) a hire\b|\bclose out your application",
            ),
            "this_occasion": (1, r"\bon this occasion\b|\bat this time\b"),
            "others_chosen": (
                3,
                rf"\b(?:mov(?:e|ing)|go(?:ing)?|proceed(?:ing)?|continu(?:e|ing)) (?:forward "
                rf"|ahead |on )?"
                rf"with (?:{_OTHER}|candidates whose|applicants whose) ?{_WHO}?"
                rf"|\bpursu(?:e|ing) (?:{_OTHER}|a) {_WHO}"
                rf"|\b(?:chose|chosen|selected|picked|hired?|appoint(?:ed)?|gone with"
                rf"|went with|decided on)"
                rf" {_OTHER}"
                rf" {_WHO}|\bother {_WHO} (?:are|were) (?:better|more closely)"
                rf"|\b{_OTHER} {_WHO}'?s? (?:\w+ ){{0,3}}(?:was|were|is) (?:a )?(?:stronger|better"
                r"|closer)"
                r"|\b(?:opted|opt|settled|chose|chosen|selected|decided|went|gone|going)"
                rf" (?:for|on|with|to (?:go|move|proceed) with|to hire) (?:a|an|one|{_OTHER})"
                rf" (?:\w+ ){{0,2}}{_WHO}\b",
            ),
            "offered_elsewhere": (
                3,
                rf"\boffer(?:ed)? (?:the (?:role|position|job) )?to {_OTHER}"
                r"|\bhire internally|\bfilled (?:\w+ ){0,2}internally|\bpourvu en interne",
            ),
            "not_moving_on": (
                3,
                r"(?:\bnot|n't|\bunable) (?:to )?(?:be )?(?:able to )?(?:mov(?:e|ing)|go(?:ing)?"
                r"|proceed(?:ing)?|"
                r"progress(?:ing)?|tak(?:e|ing) (?:your application|it|this) (?:any )?further|"
                r"pursu(?:e|ing)|continu(?:e|ing)|advanc(?:e|ing)|schedul(?:e|ing) further|"
                r"tak(?:e|ing) (?:your \w+|you|things) (?:any )?further)"
                r"(?: (?:forward|ahead|further|with))?\b",
            ),
            "position_filled": (
                3,
                r"\b(?:position|role|vacancy|job|post|opening|req\w*)"
                r" (?:has|have|is|was)(?: now| already)?(?: been)? (?:filled|closed|cancell?ed"
                r"|withdrawn|pulled|eliminated|scrapped)"
                r"|\b(?:have|has|we'?ve) (?:now |already )?filled the (?:position|role|vacancy)"
                r"|\bclos(?:e|ed|ing) (?:out )?(?:the (?:search|position|role|req\w*)"
                r"|(?:all )?(?:open )?applications)|\b(?:concluded|completed|ended"
                r"|closed) (?:our|the)"
                r" search",
            ),
            "regret": (
                3,
                r"\b(?:regret|sorry|afraid|sad) to (?:inform|tell|let you know|say|share|advise"
                r"|report|write|confirm)|\bi'?m afraid (?:we|that)"
                r"|(?:\bnot|n't) (?:been )?(?:selected|successful|shortlisted|chosen)\b"
                r"|\bunsuccessful\b",
            ),
            "cannot_offer": (
                3,
                r"\b(?:unable|not able|cannot|can'?t|can not) (?:to )?offer you"
                r"|\b(?:not|won'?t|will not|unable to) (?:be )?(?:extend\w*|mak\w*"
                r"|offer\w*) (?:you )?"
                r"(?:an? )?offer",
            ),
            "short_of_requirements": (
                3,
                r"\b(?:does not|doesn'?t|did not|didn'?t|do not|don'?t) (?:fully "
                r"|quite )?(?:meet|match"
                r"|align with) (?:the|our)",
            ),
            "decided_against": (2, r"\bdecided (?:not to|against)\b"),
            "not_considered": (
                3,
                r"\bnot be considered (?:further|for)\b|\bno longer (?:being )?considered\b"
                r"|\bno longer (?:recruiting|hiring|looking|pursuing|moving)\b"
                r"|\bno longer under consideration",
            ),
            "other_direction": (3, r"\b(?:go|going|gone|went) in a different direction"),
            "not_a_fit": (
                2,
                r"(?:\bnot|n't) (?:feel )?(?:it'?s |be )?(?:the |a )?right (?:match|fit)"
                rf"|\b{_WHO} whose (?:\w+ ){{0,3}}(?:more closely|better|closer)"
                r"|\b(?:a )?closer fit\b|\bbetter suited\b|\b(?:stronger|better"
                r"|closer) (?:match|fit)\b",
            ),
            "not_hiring": (2, r"(?:\bnot|n't) (?:be )?(?:currently )?hiring\b"),
            "bad_news": (
                2,
                r"\bnot the news you\b|\bnot-so-great news|\bisn'?t better news|\bdisappointing\b"
                r"|\b(?:difficult|tough|hard) (?:decision|call|choice)\b|\bwas not easy\b"
                r"|\bnot (?:what|the answer) you (?:were|had been) hoping",
            ),
            "unfortunately": (1, r"\b(?:unfortunately|regrettably|sadly)\b"),
            "good_wishes": (
                1,
                r"\bwish you (?:the best|every success|all the best|success|well|luck)"
                r"|\bbest of luck\b|\bsuccess in your (?:search|future)",
            ),
            "kept_on_file": (
                1,
                r"\b(?:on file|in mind for|keep in touch|stay in touch|future (?:openings|"
                r"opportunities|roles|positions|vacancies)|retain your details|hang on to your)",
            ),
        },
        "offer": {
            "offer_you": (
                3,
                r"\b(?:offer|offering) you (?:the |a |an |this |employment|our )"
                r"|\byou(?:'ve| have)? got the (?:job|role|position)\b"
                r"|\bpleased to offer\b|\b(?:make|making|made|extend(?:ing)?) (?:you )?an?"
                r" (?:conditional |formal |verbal |official )?offer(?! to)"
                r"|\b(?:like|love|pleased|happy|delighted|excited|thrilled|glad) to (?:formally )?"
                r"(?:offer|extend)\b(?! (?:a|an|the|this) (?:\w+ )?(?:interview|invit\w*))"
                r"|\bextending you an offer|\b(?:job|role|position) is yours\b"
                r"|\bbring you on(?: board)?\b|\bwelcome you (?:to|aboard)\b|\bhire you\b"
                r"|\b(?:confirm|confirming) (?:our|the|your|this) offer\b|\bour offer of\b",
            ),
            "offer_paper": (
                2,
                r"\boffer letter|\bwritten offer|\bformal offer|\boffer of employment"
                r"|\bsummary of the offer|\bthe offer (?:expires|is (?:contingent|subject|"
                r"pending|now official))|\boffer (?:we discussed|is now official)|\bverbal offer"
                r"|\b(?:the|your|employment) contract\b",
            ),
            "join_us": (
                2,
                r"\b(?:want|love|like|delighted|excited|thrilled) (?:you |to have you )?to join\b"
                r"|\bhave you join\b|\bwant you (?:on (?:\w+ )?(?:board|team)|to join)"
                r"|\bhave you on (?:the |our )?(?:board|team)\b"
                r"|\b(?:for you to|you to|to have you) (?:come|join|jump) (?:aboard|on board)"
                r"|\bwelcome (?:aboard"
                r"|to the team)"
                r"|\byou(?:'ve| have) been selected for\b(?! (?:a|an"
                r"|the) (?:\w+ )?(?:interview|round|stage"
                r"|call))|\brecommended you for appointment",
            ),
            "terms": (
                1,
                r"\bbase salary\b|\$\d{2,3}(?:,\d{3}|k)|\bequity\b|\bstart date\b"
                r"|\bbenefits\b|\bsign(?:ature)? (?:and return|by)\b|\byour signature\b",
            ),
            "accept": (
                2,
                r"\b(?:accept or decline|accept in principle|whether you accept|accept the offer)",
            ),
            "congratulations": (1, r"\bcongrat\w*|\bgreat news\b|\bgood news\b"),
        },
        "next_round": {
            "introduce": (
                3,
                r"\bintroduce you to\b|\bwhat'?s your schedule\b"
                r"|\byour schedule like\b",
            ),
            "invite": (
                3,
                r"\binvit\w* you (?:to|for)\b|\bbring you (?:back|in)\b|\bhave you (?:back |in )"
                r"(?:for|to)\b|\b(?:see|meet|speak (?:with|to)|talk (?:with|to)) you again\b"
                r"|\b(?:like|love|want) to (?:have|set up|schedule|arrange|book) an? (?:\w+ )?"
                r"(?:conversation|call|chat|interview|meeting) with you"
                r"|\b(?:like|love|want)s? (?:you )?to meet (?:with )?|\bwants? to meet you\b",
            ),
            "next_round": (
                3,
                rf"\b(?=[afilnst]){_PAST_ROUND}(?:next|final|second|third|last|another|further"
                r"|follow-up"
                r"|subsequent) (?:round|stage|interview)\b(?!s)|\bround (?:2|3|two|three)\b"
                r"|\bmade it (?:through|to)\b",
            ),
            "interview_kind": (
                2,
                r"(?<!following your )(?<!after your )\b(?:an?|the|your) (?:\w+ )?(?:panel|onsite|"
                r"on-site|technical|in-person|video|phone|virtual|recorded) (?:interview|onsite)",
            ),
            "moving_on": (
                3,
                r"\b(?:move|moving) you (?:forward|on|ahead)|\bthrough to the\b"
                r"|\b(?:progressed|advanced|proceed) to (?:the|a|an)\b|\bshortlisted\b"
                r"|\bpassing the\b|\bnext step is\b",
            ),
            "availability": (
                3,
                r"\bavailability\b|\b(?:times?|days?|slots?|dates?|windows?) (?:that )?(?:would )?"
                r"(?:works?|suits?) (?:for )?(?:you|best)|\bwhich (?:suits|works) you"
                r"|\b(?:are you|would you be|you'?d be|you'?re) (?:free|available|around)"
                r"|\bwhat days you'?re free|\bdoes (?:either|any|that|this)(?: of these)? work"
                r"|\b(?:a few|some) times\b|\bpick a time|\bbook a time|\bworks? for you\?"
                r"|\bhow about\b.{0,40}\?|\bslots? open\b|\btwo options\b|\byour preference\b"
                r"|\bfirst and second choice|\bfind (?:another|a) time|\b(?:could|can) you do\b"
                r"|\b(?:a few|some|two|three|these) options\b|\bworks? best\b"
                r"|\b(?:does|would|will|could) (?:\w+ ){1,3}(?:work|suit)(?: for)?(?: you)?\?"
                r"|\b(?:have )?proposed\b"
                r"|\bbook a slot\b|\b(?:pick|choose|select|grab|book|find|reserve|schedule)"
                r" (?:a|an|the|your) (?:\w+ )?(?:time|slot|date|day)s?\b"
                r"|\b(?:on|in|to) (?:the|my|our|your) (?:calendars?|diary|schedule)\b"
                r"|\bcalendar invit\w*|\bwhat does your (?:\w+ )?(?:look like|schedule|calendar)",
            ),
            "schedule": (
                2,
                r"\b(?:schedule|set up|arrange|book) (?:a|an|the|your) (?:\w+ )?(?:interview|"
                r"onsite|session|visit)|\bcampus visit\b|\bconfirm your attendance"
                r"|\banother (?:call|conversation|chat) with\b|\bmeet (?:a few )?more (?:people|of)"
                r"|\b(?:meet|speak with) you (?:for|again)|\bdebrief\b"
                r"|\bcontinue (?:the|our) (?:conversation|discussion|conversations)\b"
                r"|\bpresentation (?:to|for|with) (?:the|our)\b"
                r"|\bpresent (?:your|the) (?:solution|work|case|findings|submission)",
            ),
        },
        "still_deciding": {
            "on_hold": (
                2,
                r"\bon hold\b|\b(?:paused|frozen)\b|\bhiring freeze\b|\bresume (?:the|our)"
                r" (?:process|search|hiring)",
            ),
            "waiting": (
                3,
                r"\bstill (?:\w+ ){0,2}waiting\b|\bthe moment i hear\b"
                r"|\bhaven'?t finali[sz]ed\b",
            ),
            "no_decision": (
                3,
                r"\b(?:not yet|haven'?t(?: yet)?|have not(?: yet)?) (?:made|reached"
                r"|taken) (?:a |any |"
                r"our |the )?(?:final )?decision|\bno decision (?:yet|has been)|\bnot yet in a"
                r" position\b|\bno news yet\b|\bbefore we'?re ready to make"
                r"|\b(?:won'?t|will not|not) be able to make a (?:final )?decision"
                r"|\bno (?:update|news|decision)s? (?:\w+ ){0,2}yet\b"
                r"|\bnothing (?:new |definite )?(?:to (?:report|share)|yet)\b",
            ),
            "still_going": (
                3,
                r"\bstill\b(?: \w+){0,3} (?:interview\w*|review\w*|meet\w*|finali[sz]\w*|debat\w*|"
                r"evaluat\w*|consider\w*|in the running|in consideration|under review|open"
                r"|(?:very much |firmly )?in the (?:mix|frame|running)|in contention"
                r"|deliberat\w*)|\b(?:is|remains) (?:still )?(?:ongoing|under review|in progress)"
                r"|\bcontinu\w* to (?:meet|interview|review|evaluat\w*|assess|consider|speak)"
                r"|\b(?:wrapping up|finishing|finali[sz]ing|completing) (?:the |our )?(?:\w+ )?"
                r"(?:interviews|conversations|meetings|process)"
                r"|\b(?:application|candidacy|profile) (?:is|remains) (?:still )?(?:active|open"
                r"|under consideration)",
            ),
            "decision_due": (
                3,
                r"\b(?:expect|hope|aim|plan|anticipate)\w* to (?:make|have|reach|give|share|notify|"
                r"come back|get back)\w*\b.{0,40}\b(?:decision|answer|update|news|outcome)"
                r"|\bshould have an update\b|\bonce a decision has been\b"
                r"|\blet you know the outcome|\bin touch either way"
                r"|\b(?:panel|committee|team|managers?) (?:will meet|meets|is meeting|convenes?)\b"
                r"(?! (?:you|with you))"
                r"|\b(?:you'?ll|you will|you should|expect to) hear (?:back )?(?:from (?:me|us) )?"
                r"(?:by|before|within|early|next|later|no later)\b"
                r"|\b(?:be in touch|get back to you|come back to you|reach out|update you)"
                r" (?:by|before|within|early|later|next|once|as soon|when)\b"
                r"|\b(?:will|should|expect to|hope to|plan to) (?:decide"
                r"|make (?:a|the"
                r"|our) (?:final )?(?:decision|call))\b|\b(?:has been|was|got) (?:pushed|delayed"
                r"|postponed)",
            ),
            "patience": (
                1,
                r"\bthanks? (?:you )?for (?:your patience|checking in|following up|nudging)"
                r"|\b(?:sorry|apologies) for the (?:wait|delay)|\bhang tight\b|\bkeep you"
                r" (?:posted|updated)|\b(?:longer|slower) than expected|\bmoving slowly"
                r"|\b(?:moving|going|running|taking) (?:a (?:bit|little) )?(?:slower|longer)\b"
                r"|\bradio silence\b|\bchasing (?:them|the \w+)"
                r"|\bas soon as i (?:hear|know)",
            ),
        },
        "out_of_office": {
            "out_on": (
                3,
                r"\bout on (?:pto|leave|vacation|holiday)\b|\bon pto\b|\bi(?:'ll"
                r"| will) return\b",
            ),
            "auto_reply": (
                4,
                r"\b(?:automatic|automated|auto)[- ]?(?:reply|response|answer)\b|\bautoreply\b"
                r"|\bout of (?:the )?office\b|\booo\b",
            ),
            "away": (
                3,
                r"\b(?:i'?m|i am|i will be|i'?ll be|currently|we are|we'?re)\b (?:\w+ ){0,2}(?:on"
                r" (?:annual |parental |maternity |paternity |sick |medical )?leave\b"
                r"|on (?:vacation"
                r"|holiday)\b|away\b|out sick\b|travell?ing\b|taking (?:some )?time off)"
                r"|\boffice is closed\b|\b(?:won'?t|will not|not) be checking (?:my )?e-?mail"
                r"|\b(?:limited|no|intermittent) access to (?:my )?(?:e-?mail|mailbox)",
            ),
            "returning": (
                2,
                r"\b(?:be|i'?ll be|i will be) back (?:in the office )?(?:on )?"
                r"|\b(?:upon|on) my return\b|\bwhen i(?:'m| am)? (?:back|return)\b|\breturning\b"
                r"|\bchecking e-?mail sporadically|\bwill not be forwarded"
                r"|\b(?:for|if (?:your message|this) is) urgent",
            ),
        },
        "acknowledgement": {
            "thanks": (0.5, r"\b(?:thanks|thank you|many thanks|cheers)\b"),
            "received": (
                3,
                r"\b(?:thanks|thank you),? received\b|\breceived\b[,.!]? (?:thanks|thank you"
                r"|with thanks)"
                r"|\breceived with thanks|\bgot it\b|\bnoted\b|\bwell received"
                r"|\bwe have received your (?:application|message|email)"
                r"|\b(?:we'?ve|we have|i'?ve|i have) received (?:it|your|them)\b",
            ),
            "passed_on": (
                3,
                r"\b(?:pass|passed|passing|forward|forwarded|share|shared|sharing) (?:it|this|them)"
                r" (?:on|along|with|to)\b|\bmake sure (?:the |our )?\w+ sees? (?:it|this|your)"
                r"|\bi'?ll reach out to them",
            ),
            "kind_words": (
                2,
                r"\bthe (?:lovely|kind|nice|thoughtful) (?:note|words|message|email)"
                r"|\blikewise\b|\b(?:it was|was) (?:a pleasure|great meeting|nice meeting)"
                r"|\bthanks for (?:sending|the (?:follow-up|note|update|message))"
                r"|\bthat'?s all we need"
                r"|\ball good\b|\bmuch appreciated\b",
            ),
            "not_here": (2, r"\bno longer with\b|\bnot involved in hiring|\bnot the right contact"),
        },
    },
    stop=r"\b(?:do not|don'?t|never) (?:contact|email|e-mail|write to|message) me"
    r"|\b(?:stop|quit|cease) (?:contacting|emailing|e-mailing|messaging|writing to"
    r"|following up|reaching out|chasing|pinging|texting|calling|sending)(?: to| with)?"
    r" (?:me|us)\b"
    r"|\b(?:remove|take) me (?:off|from) (?:your|this|the) (?:\w+ )?list|\bunsubscribe\b",
    negators=r"\b(?:not|no|never|cannot|can'?t|unable|won'?t|unfortunately|regret|n't)\b|n't\b",
    material={
        "references": r"\breferen(?:ce|ces)\b|\breferees?\b|\bpeople (?:who|you)(?:'?ve| have)?"
        r" (?:managed|worked with|supervised|reported to)|\b(?:managed|supervised) you\b"
        r"|\b(?:former|previous|past|ex-) ?(?:\w+ )?(?:managers?|supervisors?|bosses"
        r"|colleagues|employers?)\b|\b(?:speak|vouch|attest) (?:to|for) (?:your|you)\b",
        "work_sample": r"\b(?:writing|work|code|design) samples?|\bexamples of your (?:\w+ )?work"
        r"|\bportfolio\b|\btake[- ]home\b|\bexercise\b|\bassignment\b|\bcase study\b"
        r"|\bnotebook\b|\bcoding challenge\b|\byour solution\b|\b(?:an? )?(?:examples?|samples?)"
        r" of\b|\byou'?re proud of\b|\b(?:github|gitlab|repo(?:sitory)?|dashboard)\b",
        "salary_expectations": r"\b(?:salary|compensation|pay|rate) (?:expectations?|"
        r"requirements?|range)|\b(?:expected|desired) (?:salary|compensation)"
        r"|\bwhat (?:salary|compensation|pay)\b|\bwhat (?:you'?re|you are|are you)"
        r" (?:currently |now )?(?:on|earning|making|paid)\b"
        r"|\b(?:current|expected|desired|target) (?:salary|compensation|base|pay|rate|package)\b"
        r"|\bexpectations? (?:for|on|around|regarding) (?:salary|compensation|pay)",
        "documents": r"\btranscripts?\b|\bcertificate\b|\bdiploma\b|\bphoto id\b|\bcopy of your id"
        r"|\bpassport\b|\bright[- ]to[- ]work\b|\bwork (?:permit|visa)|\bbackground check"
        r"|\b(?:your|an?|photo|government[- ]issued) id\b|\bid (?:card|document)"
        r"|\bshare code\b|\bproof of\b|\binformation form"
        r"|\bsigned (?:form|documents?)|\bcopy of your\b",
    },
    request=r"\b(?:could|can|would) you\b|\bplease\b|\bsend\b|\bshare\b|\bprovide\b"
    r"|\bwe ask\b|\bget back to me\b|\bemail (?:me|their)\b|\bwould you mind\b|\bhere is\b"
    r"|\bwould you be able to\b|\bput (?:me|us) in touch\b|\?|\bneeds?\b"
    r"|\b(?:upload|submit|return|complete|fill (?:in|out)|attach|require[sd]?)\b",
    words="the and you we to for your with is are of our this that have be thank thanks will"
    " it at on in i not us you've we'd i'm been would please hi hello regards best dear",
)
