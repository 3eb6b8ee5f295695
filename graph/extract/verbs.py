"""Speech verbs of English news reporting, with the classes attribution needs.

Why a separate list: which verbs introduce reported speech ("said", "insisted",
"ruled out", "tweeted") and how they behave (the verb belongs to what is said,
it only reports, it negates, it is present tense) is vocabulary, kept apart from
the grammar in :mod:`attribution`.
"""

from __future__ import annotations

import re

_VERB_WORDS = [
    "said",
    "says",
    "say",
    "told",
    "tells",
    "stated",
    "states",
    "declared",
    "declares",
    "announced",
    "announces",
    "added",
    "adds",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "highlighted",
    "highlights",
    "insisted",
    "insists",
    "argued",
    "argues",
    "claimed",
    "claims",
    "warned",
    "warns",
    "wrote",
    "writes",
    "posted",
    "tweeted",
    "explained",
    "explains",
    "continued",
    "remarked",
    "reiterated",
    "reiterates",
    "underlined",
    "underscored",
    "believes",
    "believed",
    "complained",
    "complains",
    "asserted",
    "asserts",
    "replied",
    "responded",
    "answered",
    "acknowledged",
    "admitted",
    "suggested",
    "suggests",
    "proposed",
    "proposes",
    "commented",
    "recalled",
    "mentioned",
    "observed",
    "confirmed",
    "confirms",
    "hinted",
    "signalled",
    "signaled",
    "indicated",
    "reminded",
    "agreed",
    "agrees",
    "thinks",
    "considered",
    "considers",
    "described",
    "describes",
    "denied",
    "denies",
    "deny",
    "called",
    "calls",
    "urged",
    "urges",
    "urging",
    "demanded",
    "demands",
    "rejected",
    "rejects",
    "refused",
    "refuses",
    "accused",
    "accuses",
    "offered",
    "offers",
    "vowed",
    "pledged",
    "promised",
    "predicted",
    "expressed",
    "voiced",
    "assured",
    "maintained",
    "maintains",
    "clarified",
    "conceded",
    "lamented",
    "charged",
    "dismissed",
    "dismisses",
    "welcomed",
    "welcomes",
    "repeated",
    "repeats",
    "echoed",
    "telling",
    "saying",
    "adding",
    "warning",
    "insisting",
    "arguing",
    "stressing",
    "noting",
    # participles that report speech after another predicate ("X went further, describing ...")
    "calling",
    "describing",
    "dismissing",
    "declaring",
    "rejecting",
    "accusing",
    "offering",
    "demanding",
    "claiming",
    "reiterating",
    "appealing",
    "appealed",
    "imploring",
    "asking",
    # acts of reported appeal and blame: "implored both sides to ...", "blamed Kyiv for the breakdown"
    # -- the verb is the speech act, as "urged"/"accused" are ("pressed"/"pushed": see _PRESS)
    "implored",
    "implores",
    "pleaded",
    "pleads",
    "encouraged",
    "encourages",
    "exhorted",
    "blamed",
    "blames",
    "blaming",
    # only right after a quotation ('"What talks?" he asked'): see QUOTE_ONLY
    "asked",
    "wondered",
]
#: "pressed/pushed X to/for ...": pressure reported as an appeal, but only with an object and its aim
#: after it -- not "pressed by reporters", "pressed on whether ...", "forces pushed deeper into ..."
_PRESS = (
    r"(?:pressed|presses|pressing|pushed|pushes|pushing)(?=\s+(?!(?:by|on|ahead|back|forward|through|into|deeper|"
    r"further|in|up|hard)\b)(?:[\w’'.-]+\s+){0,5}?(?:to|for)\b)|"
)
_VERB_ALTS = (
    _PRESS
    + r"ruled\s+out|rules\s+out|ruling\s+out|pointed\s+out|points\s+out|pointing\s+out|made\s+clear|makes\s+clear|"
    # "took to Telegram to declare that ...": a channel taken to speak through is the speech itself
    r"(?:took|takes|taking)\s+to\s+(?:[\w’'.-]+\s+){1,4}?to\s+(?:say|declare|warn|insist|argue|claim|announce|stress|"
    r"write|vow|reiterate|accuse|reject|demand)|" + "|".join(sorted(_VERB_WORDS, key=len, reverse=True))
)
#: the same matches as ``\b(?:alternatives)\b``, found about twice as fast: every alternative
#: opens with a lower-case letter, so the opening ``\b`` is "no word character before", and a
#: lookahead on the possible first letters lets the scan reject most positions at once
_VERB_RE = re.compile(
    r"(?<!\w)(?=[" + "".join(sorted({w[0] for w in _VERB_ALTS.split("|")})) + r"])(?:" + _VERB_ALTS + r")\b"
)
#: verbs whose own word belongs to what is said ("ruled out talks", "urged Kyiv to ...")
_INCLUDE_VERB = re.compile(
    r"^(?:ruled|rules|called|calls|urged|urges|urging|rejected|rejects|refused|refuses|dismissed|dismisses|"
    r"considered|considers|described|describes|accused|accuses|offered|offers|demanded|demands|welcomed|welcomes|"
    r"ruling|calling|rejecting|dismissing|describing|accusing|offering|demanding|appeal|imploring|asking|"
    r"press|pushe|implor|plead|encourag|exhort|blam)"
)
_SAY_ONLY = re.compile(
    r"^(?:said|says|say|told|tells|added|adds|noted|stressed|emphasi[sz]ed|highlighted|insisted|wrote|"
    r"declared|stated|explained|continued|remarked|reiterated|underlined|underscored|asserted|replied|"
    r"responded|answered|warned|argued|claimed|recalled|commented|confirmed|asked|wondered)$"
)
#: verbs that report speech only right after the quotation they close ('"What talks?" asked X'):
#: elsewhere "asked" is a request ("Kyiv asked its allies for ..."), not a report
QUOTE_ONLY = re.compile(r"^(?:asked|wondered)$")
_QUOTE_CLOSED = re.compile(r"[”\"’]\s+(?:(?:he|she|they|I|we)\s+|(?:[A-ZÀ-Þ][\w’'.-]*\s+){1,4})?$")


def speech_here(verb: str, before: str) -> bool:
    """Whether a verb found reports speech where it stands: a quote-only verb must follow the
    quotation it reports, with at most its subject between (``before``: the sentence up to it)."""
    return not QUOTE_ONLY.match(verb) or _QUOTE_CLOSED.search(before) is not None


_TELL = re.compile(r"^(?:told|tells|telling)$")
_PRESENT = re.compile(
    r"^(?:says|say|tells|states|declares|announces|adds|notes|stresses|emphasi[sz]es|insists|argues|"
    r"claims|warns|writes|believes|complains|asserts|suggests|proposes|confirms|agrees|thinks|"
    r"considers|describes|denies|deny|calls|urges|demands|rejects|refuses|accuses|offers|presses|pushes|"
    r"implores|encourages|blames|"
    r"maintains|dismisses|welcomes|repeats|highlights|explains|reiterates|indicates|makes|rules|points)$"
)
_NEGATING = re.compile(r"^(?:denied|denies|deny|dismissed|dismisses|dismissing)$")
