"""Move triggers (verb lexicons) and the slot rules that attach people, organisations and roles to them.

Each trigger family knows where its participants sit: a departure verb takes its person
from the subject and its organisation from the object or the person's known employer; a
hiring verb takes the organisation from the subject and the person from the object; a
passive flips both. Everything is general English structure, nothing is per-company.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from tracker.extract.model import Direction
from tracker.extract.names import ORG_REF_NOUNS, Mention, Token
from tracker.extract.roles import POSITION_HEADS, TITLE_HEADS, TITLE_MODIFIERS, clean_role

Family = Literal[
    "leave",
    "join",
    "become",
    "hire",
    "found",
    "succeed",
    "succeeded_by",
    "role",
    "depart_for",
    "board",
    "copula",
    "nominal_left",
    "own_nominal",
    "poss_nominal",
    "nominal_join",
    "fire",
    "handover",
    "adjective",
    "remain",
    "newrole",
    "founder_as",
    "cofounders_named",
    "following",
    "lose",
    "chair",
    "own_nominal_from",
    "not_seek",
    "interim_lead",
    "led_by",
]

_T: list[tuple[Family, str]] = [
    (
        "nominal_left",
        r"(?:resignation|retirement|departure|exit|ouster|dismissal|firing|removal) (?:of|by)",
    ),
    (
        "own_nominal",
        r"(?:announced|announces|announcing|confirmed|disclosed|revealed|tendered|submitted|handed in) "
        r"(?:his|her|their) (?:resignation|retirement|departure|exit)",
    ),
    ("own_nominal_from", r"(?:his|her|their) (?:ouster|departure|exit|resignation|dismissal|firing) from"),
    (
        "poss_nominal",
        r"(?<=['’]s )(?:(?:abrupt|sudden|surprise|unexpected|planned|recent|expected|early|imminent) )?"
        r"(?:resignation|retirement|departure|exit|ouster)",
    ),
    (
        "nominal_join",
        r"(?:appointment|hiring|hire|arrival|recruitment|promotion|elevation) of",
    ),
    (
        "handover",
        r"hand(?:s|ed|ing)? (?:over )?(?:the reins|the baton|control|the top job|the chairmanship|the chair|"
        r"the leadership|(?:his|her|their) (?:role|post|job|duties)|"
        r"the (?:[\w-]+ ){0,3}(?:role|job|post))(?: over)? to|"
        r"pass(?:es|ed|ing)? the (?:baton|reins) to|hand(?:s|ed|ing)? over to",
    ),
    ("founder_as", r"as (?:the |a )?(?:co-?)?founder of"),
    ("cofounders_named", r"(?:his|her|their) (?:co-?founders|fellow founders) (?:are|were|include|included)"),
    (
        "remain",
        r"(?:remain|remains|remained|stay|stays|stayed)(?: on)?(?: the board| at the company| with the company)?"
        r"(?: as|(?= (?:executive |non-executive )?(?:chair|chairman|chairwoman|president|vice chair)\b)|"
        r"(?= (?:a|an) (?:director|board member|board director|adviser|advisor)\b))|"
        r"(?:remain|remains|remained|stay|stays|stayed) on (?:the|its|the company's) board\b(?! as)|"
        # "will return to her prior position as senior vice president": an interim's old post again
        r"(?:return|returns|returned|returning|revert|reverts|reverted|reverting) to (?:his|her|their) "
        r"(?:prior|previous|former|earlier|old|original) (?:position|role|post|job) as|"
        r"(?:resume|resumes|resumed|resuming) (?:his|her|their) (?:(?:prior|previous|former) )?"
        r"(?:position|role|post|duties) as",
    ),
    ("board", r"(?:new|incoming|reconstituted|revamped|overhauled)(?: \w+)? board (?:chaired|led|headed) by"),
    ("copula", r"(?:is|has been) (?:now )?(?=its |their |the [\w-]+(?:'s|’s) |\w+(?:'s|’s) )"),
    (
        "succeeded_by",
        r"(?:will be |to be |is being |was |has been |have been )?(?:succeeded|replaced)"
        r"(?: as(?: [\w-]+){1,5}?| (?:next|this|last|later|early|shortly|soon|in|on)(?: [\w.-]+){0,3}?)? by",
    ),
    (
        "succeed",
        r"succeed(?:s|ed|ing)?|replac(?:e|es|ed|ing)|takes? over from|took over from|"
        r"taking over from|successor to",
    ),
    (
        "role",
        r"promoted to|elevated to|will add the title of|add(?:s|ed|ing)? the (?:title|role) of|"
        r"takes? on the (?:additional )?(?:title|role) of|(?:moves?|moved|moving) into the role of|"
        r"take on the (?:additional )?(?:title|role) of|"
        r"(?:move(?:s|d)?|moving) (?:in)?to an? (?:new |different )?role|"
        r"(?:take(?:s|n)?|taking|took) (?:on )?an? (?:new|broader|bigger|expanded|larger|wider) role|"
        r"(?:will|would) (?:also|now) (?:oversee|lead|run|head)|"
        r"took (?:on )?a new role|shift(?:s|ed)? to a new role|"
        r"(?:transition|move|shift)(?:s|ed|ing)? (?:in)?to an? "
        r"(?:advisory|adviser|consulting|senior advisor) role",
    ),
    (
        "depart_for",
        r"(?:depart(?:s|ed|ing)?|leav(?:e|es|ing)|left|decamp(?:s|ed|ing)?|defect(?:s|ed|ing)?|"
        r"head(?:s|ed|ing)? off|bolt(?:s|ed|ing)?|jump(?:s|ed|ing)? ship|jump(?:s|ed|ing)?) (?:for|to)",
    ),
    (
        "join",
        r"started work as|start(?:s|ed)? work as|starts? as|(?:start(?:s|ed)?|starting) at|takes? over as|took over as|taking over as|"
        r"return(?:s|ed|ing)? (?:(?:briefly|later|eventually|quietly|ultimately) )?(?:to|as)|lands? at|landed at|landing at|moves? to|moved to|moving to|"
        # "She moves from St Aldhelm's, where she ...": the move just reported, told from its origin
        r"(?:moves?|moved|moving|arrives?|arrived|arriving)(?= from )|(?:arrives?|arrived|arriving) at|"
        # "came to the firm from Fidelity in 2012"
        r"(?:came|comes|coming) to(?= (?:the |its )?\S+ from )|"
        r"(?:re)?join(?:s|ed|ing)?|to work (?:on|at|for)|will work (?:on|at|for)|"
        # "is heading back to Khosla Ventures", "will go back to being its general counsel": a return
        r"(?:head(?:s|ed|ing)?|go(?:es|ing)?|went|mov(?:e|es|ed|ing)) back (?:to|as)|"
        r"signs? on (?:as|with)|signed on (?:as|with)|comes? aboard|came aboard|is coming back to|"
        r"takes? the helm (?:at|of)|took the helm (?:at|of)|taking the helm (?:at|of)|"
        r"(?:to )?take (?:a|up a|the|a new) (?:job|position|role|post) (?:at|with)|"
        r"(?:takes?|took|taking|to take) up (?:the|her|his|their|a|its) (?:new )?(?:post|role|position|job)|"
        r"assumes? the (?:post|role|position)|assumed the (?:post|role|position)|"
        r"(?:re)?surfac(?:e|es|ed|ing) at|turn(?:s|ed)? up at|end(?:s|ed)? up at|is (?:headed|heading) to|"
        r"now works (?:at|for)|is now (?:at|with)|has since joined|"
        r"takes? the reins (?:at|of)|took the reins (?:at|of)|taking the reins (?:at|of)|"
        r"(?:takes?|will take|to take) over (?=the (?:division|unit|business|group|team|role|job|company|"
        r"product organi[sz]ation|organi[sz]ation|department)\b)|"
        r"(?:is|are|was|were) (?:the|among the) (?:first|latest|newest|most recent) "
        r"(?:hires?|recruits?|additions?|employees?|arrivals?) (?:at|to)",
    ),
    (
        "become",
        r"is (?:now )?the (?:new|next|incoming)|"
        r"is (?=(?:[\w&.-]+ ){0,3}[\w&.-]+(?:'s|’s) (?:new|next|incoming) )|"
        r"will become|to become|becomes|became|becoming|become|is now(?= )|"
        r"will serve as|to serve as|serves? as|"
        # "has taken on the additional role of COO", "added the title of chair": a second title
        r"(?:takes?|taken|taking|took|to take|assumes?|assumed|assuming|adds?|added|adding) (?:on )?the "
        r"(?:additional |added |expanded |extra |new )?(?:role|title|position|post|job) (?:of|as)(?= )|"
        r"(?:takes?|taking|took|to take) (?:over )?the (?=(?:[\w-]+ ){1,3}(?:role|job|post|position|title)\b)|"
        r"step(?:s|ped|ping)? into the (?:role|position|post|job) of|stepping into the (?:role|position) of|"
        # "has stepped in as interim CEO", "with finance chief X stepping up as CEO"
        r"step(?:s|ped|ping)? (?:in|up) as|"
        r"will be (?:the )?(?:new |next |interim |acting )",
    ),
    (
        "found",
        r"co-?founded|founded|co-?found(?:s|ing)?|found(?:s|ing)?|launch(?:ed|es|ing)?|"
        r"start(?:ed|s|ing)?|set up|sets up|setting up|establish(?:ed|es|ing)?|spun up|"
        r"form(?:ed|s|ing)",
    ),
    (
        "hire",
        r"hired|hires|hiring|hire|appointed|appoints|appointing|appoint|named|names|naming|name|tapped|"
        r"taps|tap|poached|poaches|poaching|poach|lured|lures|luring|lure|recruited|recruits|recruiting|"
        r"recruit|brought on|brings on|bringing on|bring on|brought back|brings back|bringing back|"
        r"bring back|brought in|brings in|bringing in|promoted|promotes|promoting|promote|elevated|"
        r"elevates|picked|picks|selected|selects|snapped up|snaps up|chose|chosen|installed|"
        r"installs|welcomed|welcomes|added|adds|elected|elects",
    ),
    ("adjective", r"departing|outgoing|retiring|exiting|ousted"),
    (
        "fire",
        r"ousted|ousts|oust|fired|fires|fire|sacked|sacks|sack|dismissed|dismisses|dismiss|removed|removes|remove|"
        r"let go of|lets go of|letting go of|"
        # "Paramount Global pushed out chief executive Bob Bakish"
        r"(?:push(?:es|ed|ing)?|forc(?:e|es|ed|ing)) out(?! of)",
    ),
    (
        "leave",
        r"left|leaves|leaving|leave|depart(?:s|ed|ing)?|quit(?:s|ting)?|resign(?:s|ed|ing)?|"
        r"retir(?:e|es|ed|ing)|exit(?:s|ed|ing)?|step(?:s|ped|ping)? (?:down|aside)|stepping (?:down|aside)|"
        r"(?:was|were|been|is|being) (?:ousted|fired|dismissed|(?:pushed|forced) out(?: of)?|let go)|"
        r"is out|are out|was out|bow(?:s|ed|ing)? out|part(?:s|ed|ing)? (?:ways|company) with|"
        r"step(?:s|ped|ping)? back from|stepping back from|(?:is|are) no longer (?:with|at)|out as|"
        # "walked out of Ashgrove Capital", not "walked out of Goldman's Manhattan headquarters"
        r"walk(?:s|ed|ing)? out of(?![^,.;]*?['’]s\b)",
    ),
]
_T.append(
    (
        "interim_lead",
        r"(?:lead|leads|run|runs|head|heads|oversee|oversees|manage|manages) "
        r"(?:it|the (?:unit|division|company|business|group|team|department|organi[sz]ation)) "
        r"(?:on an interim basis|in the interim|temporarily|for now)|"
        # "X, who runs the Americas business, will take over.": the post just vacated
        r"(?:will|to|would) take over(?=\s*(?:[.;]|$|from (?:him|her|them)\b))",
    )
)
_T.append(("led_by", r"(?:will be|is to be|to be|would be|is being|are to be|will now be) (?:led|run|headed) by"))
_T.append(("newrole", r"(?:new|incoming|next)(?= )"))
_T.append(("lose", r"los(?:t|es|ing)"))
_T.append(
    (
        "not_seek",
        r"(?:not|n't) (?:to )?(?:seek|stand for|run for) (?:another term|re-?election|a new term|reappointment)",
    )
)
_T.append(("chair", r"(?:will|to|would|shall) (?:also )?chair|chairs the"))
_T.append(
    (
        "following",
        r"(?<=, )following|(?<=, )after(?= (?:chief|co-founder|founder|president|head|general|vice))",
    )
)
TRIGGERS = re.compile("|".join(f"(?P<{fam}{k}>\\b(?:{rx})\\b)" for k, (fam, rx) in enumerate(_T)), re.I)

_BE_VERBS = frozenset({"was", "were", "been", "is", "are", "be", "being"})
# Adverbs that sit between an auxiliary and its participle ("was formally named", "has now left").
_AUX_ADVERBS = frozenset({"also", "formally", "officially", "now", "just", "recently", "reportedly"})
_BE = _BE_VERBS | {"has", "have", "had"} | _AUX_ADVERBS
_NEG = {"not", "n't", "never", "no", "nor", "cannot", "won't", "didn't", "doesn't", "isn't", "wasn't"}
_COMPANY_NOUNS = {
    "company",
    "startup",
    "start-up",
    "venture",
    "firm",
    "business",
    "lab",
    "laboratory",
    "studio",
    "fund",
    "outfit",
    "rival",
    "competitor",
    "fintech",
    "enterprise",
    "nonprofit",
    "non-profit",
    "organisation",
    "organization",
    "group",
    "agency",
    "consultancy",
    "shop",
}
_FORMER = {
    "while",
    "former",
    "formerly",
    "previously",
    "ex",
    "onetime",
    "one-time",
    "once",
    "erstwhile",
    "then",
    "until",
    "then-",
}


@dataclass
class PersonInfo:
    """What the article says a person currently or formerly does."""

    title: str | None = None
    org: str | None = None
    former: bool = False
    insider: bool = False
    orgs_former: list[str] = field(default_factory=list)
    on_leave: bool = False
    tenured: bool = False  # "who has led the drugmaker's oncology research since 2020": already inside
    veteran_of: list[str] = field(default_factory=list)  # "Nvidia veteran X": long service, maybe ongoing


@dataclass
class Trigger:
    family: Family
    i: int
    j: int
    text: str


@dataclass
class Raw:
    """A move before names are canonicalised and duplicates merged."""

    person: str
    org: str
    direction: Direction
    role: str | None
    team: str | None
    confidence: float
    origin: str | None = None
    destination: str | None = None
    seg: tuple[int, int] = (0, 0)
    implicit: bool = False
    family: str = ""


def find_triggers(sentence: str, tokens: list[Token]) -> list[Trigger]:
    out: list[Trigger] = []
    for m in TRIGGERS.finditer(sentence):
        fam_key = next(k for k, v in m.groupdict().items() if v is not None)
        fam: Family = re.sub(r"\d+$", "", fam_key)  # type: ignore[assignment]
        idx = [k for k, t in enumerate(tokens) if t.start >= m.start() and t.end <= m.end()]
        if idx:
            out.append(Trigger(fam, idx[0], idx[-1] + 1, m.group(0).lower()))
    return out


def _chief_of_something(tokens: list[Token], e: int) -> bool:
    """Any word or two between "chief" and "officer" name what the officer is chief of."""
    q = e
    while q > 0 and tokens[q - 1].low != "chief" and q > e - 2 and tokens[q - 1].text.isalpha():
        q -= 1
    if q == 0 or tokens[q - 1].low != "chief":
        return False
    end = next((x for x in range(e + 1, min(len(tokens), q + 3)) if tokens[x].low == "officer"), None)
    return end is not None and all(t.text.isalpha() for t in tokens[q:end])


def title_phrase(tokens: list[Token], k: int, limit: int = 7) -> tuple[str | None, int]:
    """Read a job title starting at token ``k``; returns (title, end index) or (None, k)."""
    start = k
    while k < len(tokens) and tokens[k].low in (
        "the",
        "its",
        "their",
        "his",
        "her",
        "a",
        "an",
        "new",
        "next",
        "first",
        "permanent",
        "incoming",
    ):
        k += 1
    words: list[str] = []
    last_head = -1
    e = k
    while e < len(tokens) and e - k < limit:
        low = tokens[e].low
        if low.startswith("co-") and low not in TITLE_HEADS and low[3:] in TITLE_HEADS | TITLE_MODIFIERS:
            low = low[3:] if low[3:] in TITLE_HEADS else "co"  # "co-chief executive", "co-head"
        if low in TITLE_HEADS or low.rstrip("s") in TITLE_HEADS:
            words.append(tokens[e].text)
            last_head = e
        elif low in TITLE_MODIFIERS or low in ("and", "co", "-"):
            words.append(tokens[e].text)
        elif _chief_of_something(tokens, e):
            words.append(tokens[e].text)  # "chief underwriting officer", "Chief Brand Officer"
        elif (
            low == "of"
            and last_head == e - 1
            and e + 1 < len(tokens)
            and tokens[e + 1].text[:1].islower()
            and tokens[e + 1].low not in ("the", "a", "an", "its")
        ):
            words.append("of")
        else:
            break
        e += 1
    if last_head < 0:
        return None, start
    n_words = last_head - k + 1
    # keep a lower-case "of operations" tail
    tail_end = last_head + 1
    if (
        tail_end + 1 < len(tokens)
        and tokens[tail_end].low == "of"
        and tokens[tail_end + 1].text[:1].islower()
        and tokens[tail_end + 1].low in TITLE_MODIFIERS
    ):
        tail_end += 2
        n_words += 2
    text = " ".join(t.text for t in tokens[k:tail_end])
    text = re.sub(r"\bco-CEOs\b", "co-CEO", text)
    text = re.sub(r"\b(CEO|CTO|CFO|COO)s\b", r"\1", text)
    return clean_role(text), tail_end


def is_position(title: str | None) -> bool:
    if not title:
        return False
    words = title.lower().split()
    return any(w in POSITION_HEADS for w in words) or "board" in words


def org_noun_ref(m: Mention) -> bool:
    return m.kind == "ORGREF" and (m.text.lower() in ("it", "its") or m.text.split()[-1].lower() in ORG_REF_NOUNS)


def company_context(tokens: list[Token], a: int, b: int) -> bool:
    return any(t.low in _COMPANY_NOUNS or t.low in ("called", "named", "dubbed") for t in tokens[a:b])


_ATTEMPT = {
    "attempt",
    "attempts",
    "oppose",
    "opposes",
    "opposed",
    "block",
    "blocked",
    "resist",
    "tried",
    "trying",
    "tries",
    "attempted",
    "attempting",
    "sought",
    "seeking",
    "failed",
    "wanted",
    "wants",
    "hoping",
    "hopes",
    "refused",
    "declined",
    "unable",
}


def negated(tokens: list[Token], i: int) -> bool:
    """Negation or a mere attempt right before the verb ("did not join", "tried to hire")."""
    window = [t.low for t in tokens[max(0, i - 3) : i]]
    return any(w in _NEG or w in _ATTEMPT for w in window) or any(w.endswith("n't") for w in window)


def passive(tokens: list[Token], i: int) -> bool:
    """A be-verb before a participle ("was named"); "is bringing in" is progressive, not passive."""
    if tokens[i].low.endswith("ing"):
        return False
    k = i - 1
    while k >= 0 and (tokens[k].low in _AUX_ADVERBS or tokens[k].low == "quietly"):
        k -= 1
    return k >= 0 and tokens[k].low in _BE_VERBS


def former_marked(words: list[str]) -> bool:
    return any(w in _FORMER or w.startswith("ex-") for w in words)
