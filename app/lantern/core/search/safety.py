"""Crisis queries: whatever else matches, the help-now page comes first."""

from __future__ import annotations

import re

from lantern.core.text import clean

HELP_PAGE = "help-now"

# Plain phrasings a person in trouble might type. Matched as whole words, any case.
_CRISIS = re.compile(
    r"\b(?:"
    r"suicid\w*|kill(?:ing)?\s+my\s*self|end(?:ing)?\s+(?:it\s+all|my\s+life)|"
    r"take\s+my\s+(?:own\s+)?life|want(?:ed)?\s+to\s+die|wanna\s+die|better\s+off\s+dead|"
    r"don'?t\s+want\s+to\s+(?:live|be\s+alive|be\s+here)|"
    r"self[\s-]*harm\w*|hurt(?:ing)?\s+my\s*self|cut(?:ting)?\s+my\s*self|"
    r"overdos\w*|od'?d|emergenc\w*|crisis|help\s+now|need\s+help|"
    r"can'?t\s+go\s+on|can'?t\s+cope|no\s+reason\s+to\s+live|end\s+it|"
    # An overdose or a medical emergency described in plain words.
    r"took\s+too\s+(?:many|much)|taken\s+too\s+(?:many|much)|too\s+many\s+pills|"
    r"overheat\w*|seizur\w*|fitting|unconscious|passed\s+out|(?:not|isn'?t)\s+breathing|"
    r"can'?t\s+breathe|chest\s+pain"
    r")\b",
    re.IGNORECASE,
)


def is_crisis(text: str) -> bool:
    """Does this query suggest someone may need urgent help?"""
    return bool(_CRISIS.search(clean(text).replace("’", "'")))
