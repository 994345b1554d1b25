"""Job titles: which words make a title, and how senior a title is (alerts filter on it)."""

from __future__ import annotations

import re

from tracker.extract.model import Seniority

# Title abbreviations: heads of job titles, and never the start of a name.
# Titles of address written short with a full stop ("Dr. Lee", "Gov. Albright"): never a name, never
# the end of a sentence
HONORIFIC_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "gov", "sen", "rep", "gen", "lt", "col"})
TITLE_ABBREVIATIONS = frozenset(
    {"ceo", "cto", "cfo", "coo", "cpo", "cio", "cmo", "cro", "cso", "cdo", "cco", "ciso", "evp", "svp", "vp"}
)
# Nouns that can end a job title ("chief executive", "research vice president", "partner").
TITLE_HEADS = {
    *TITLE_ABBREVIATIONS,
    "co-ceo",
    "co-ceos",
    "ceos",
    "chief",
    "executive",
    "officer",
    "president",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "founder",
    "co-founder",
    "cofounder",
    "founders",
    "co-founders",
    "head",
    "lead",
    "leader",
    "director",
    "manager",
    "partner",
    "researcher",
    "scientist",
    "engineer",
    "engineers",
    "researchers",
    "producer",
    "veteran",
    "counsel",
    "secretary",
    "treasurer",
    "controller",
    "architect",
    "fellow",
    "principal",
    "editor",
    "analyst",
    "designer",
    "strategist",
    "economist",
    "commissioner",
    "governor",
    "dean",
    "provost",
    "boss",
    "executives",
    "member",
    "trustee",
    "investor",
    "entrepreneur",
    "co-lead",
    "banker",
    "official",
    "coach",
    "lawyer",
    "attorney",
    "journalist",
    "reporter",
    "employee",
    "staffer",
    "actuary",
    "accountant",
    "consultant",
    "programmer",
    "developer",
    "physician",
    "surgeon",
    "professor",
    "co-head",
    "deputy",
    "specialist",
    "advisor",
    "adviser",
}
# "co-president", "co-chair", "co-heads": a shared post is still the post
TITLE_HEADS |= {
    f"co-{h}"
    for h in (
        *("president", "presidents", "chair", "chairman", "chairwoman", "chairperson", "head", "heads"),
        *("director", "directors", "manager", "managers", "editor", "dean", "principal", "leader", "leaders"),
    )
}
# Heads that name an actual position (a "veteran" or an "investor" holds no seat in a company).
POSITION_HEADS = TITLE_HEADS - {"veteran", "investor", "entrepreneur", "fellow", "member", "analyst"}
# Words that may precede a head inside a title.
TITLE_MODIFIERS = {
    "nursing",
    "clinical",
    "academic",
    "quality",
    "procurement",
    "sustainability",
    "transformation",
    "sole",
    "joint",
    "chief",
    "vice",
    "senior",
    "executive",
    "deputy",
    "general",
    "managing",
    "associate",
    "assistant",
    "principal",
    "global",
    "group",
    "regional",
    "acting",
    "interim",
    "founding",
    "co",
    "lead",
    "staff",
    "research",
    "engineering",
    "product",
    "technology",
    "technical",
    # sport and the arts: "sporting director", "athletic director", "artistic director"
    "sporting",
    "football",
    "athletic",
    "athletics",
    "artistic",
    "musical",
    "financial",
    "finance",
    "operating",
    "operations",
    "marketing",
    "sales",
    "commercial",
    "legal",
    "people",
    "information",
    "security",
    "data",
    "design",
    "strategy",
    "strategic",
    "revenue",
    "business",
    "scientific",
    "medical",
    "risk",
    "investment",
    "creative",
    "content",
    "communications",
    "policy",
    "safety",
    "ai",
    "software",
    "hardware",
    "infrastructure",
    "platform",
    "growth",
    "customer",
    "human",
    "resources",
    "digital",
    "brand",
    "consumer",
    "enterprise",
    "advertising",
    "partnerships",
    "development",
    "semiconductor",
    "industry",
    "veteran",
    "non-executive",
    "independent",
    "board",
    "founder",
    "president",
    "manufacturing",
    "supply",
    "chain",
    "privacy",
    "compliance",
    "diversity",
    "talent",
    "programme",
    "program",
    "studio",
    "editorial",
    "news",
    "trading",
    "credit",
    "equity",
    "portfolio",
}

_SENIORITY_RULES: list[tuple[re.Pattern[str], Seniority]] = [
    (re.compile(r"\b(co-?founder|founder|founding)\b"), "founder"),
    (re.compile(r"\b(chief|ceo|cto|cfo|coo|cpo|cio|cmo|cro|cso|cdo|ciso|co-ceos?)\b"), "c-level"),
    (
        re.compile(
            r"\b(chair|chairman|chairwoman|chairperson|board|trustee|directors|"
            r"(?:non-executive|independent|outside) director)\b(?!.*\bof\b.*\bteam\b)"
        ),
        "board",
    ),
    (re.compile(r"\b(vice president|vp|svp|evp)\b"), "vp"),
    (re.compile(r"\bpresident\b"), "president"),
    (re.compile(r"\b(head|lead|leader|co-lead|co-head|general manager|director)\b"), "head"),
]


def seniority(role: str | None) -> Seniority | None:
    """Bucket a free-text title; vice presidents are "vp" even though "president" appears."""
    if not role:
        return None
    low = role.lower()
    if re.search(r"\b(vice president|vp|svp|evp)\b", low) and not re.search(r"\bchief\b", low):
        return "vp"
    if re.search(r"\bboard\b", low) and re.search(r"\bchair", low):
        return "board"
    for pattern, level in _SENIORITY_RULES:
        if pattern.search(low):
            return level
    return "other"


def board_seat(role: str | None) -> bool:
    """A seat on a board is held alongside a day job, so joining one implies no departure."""
    if not role:
        return False
    low = role.lower()
    return seniority(role) == "board" and not re.search(r"\b(executive chair|executive chairman)\b", low)


def clean_role(role: str | None) -> str | None:
    """Drop determiners and "new"/"next" so titles compare across articles."""
    if not role:
        return None
    text = role.strip(" ,.;:")
    text = re.sub(r"^(?:its|their|his|her|the|a|an)\s+", "", text, flags=re.I)
    text = re.sub(r"^(?:new|next|first|permanent|incoming|newly created|newly appointed)\s+", "", text, flags=re.I)
    words = text.split()
    if words and words[-1].lower().endswith("s") and words[-1].lower()[:-1] in TITLE_HEADS:
        words[-1] = words[-1][:-1]  # "researchers" -> "researcher" when it titles one person
        text = " ".join(words)
    return text or None
