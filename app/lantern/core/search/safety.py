"""Crisis queries: whatever else matches, the help-now page comes first."""

from __future__ import annotations

import re

from lantern.core.search.languages import unaccent
from lantern.core.text import clean

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

# The same in Spanish, matched on the text in lower case without accents (`me corté`,
# `me corte` and `ME CORTÉ` alike), `qu` also typed `k` as in text messages. Only
# Spanish words: an English query never matches.
_WANT = r"(?:me\s+)?(?:q|k|qu)u?iero|(?:me\s+)?quisiera|tengo\s+ganas\s+de|ganas\s+de"
_DIE = r"mori+r(?:me)?|matar(?:me)?|suicidar(?:me)?|quitar(?:me)?\s+la\s+vida|desaparecer"
_CRISIS_ES = re.compile(
    r"\b(?:"
    rf"(?:{_WANT}|(?:me\s+)?voy\s+a|pienso\s+en|estoy\s+pensando\s+en)\s+(?:{_DIE})|"
    r"morirme|matarme|suicid(?:io|ios|a|as|ar|arme|arse|arte|ado|ada|andome)|"
    r"quitarme\s+la\s+vida|(?:acabar|terminar)\s+con\s+(?:mi\s+vida|todo)|"
    r"no\s+(?:q|k|qu)u?iero\s+(?:vivir|seguir\s+viviendo|seguir\s+aqui|estar\s+aqui|existir)|"
    r"mejor\s+muert[oa]s?|prefiero\s+morir|"
    r"no\s+(?:tengo|hay)\s+(?:razon(?:es)?|motivos?)\s+para\s+vivir|"
    # Self-harm.
    r"me\s+(?:corte|corto|cortaba|estoy\s+cortando|lastime|lastimo|hice\s+dano|hago\s+dano)|"
    r"(?:cortarme|lastimarme|hacerme\s+dano)|autolesi\w*|"
    # An overdose or a medical emergency described in plain words.
    r"(?:me\s+)?(?:tome|trague)\s+(?:demasiad[oa]s?|todas\s+las|un\s+monton\s+de)|"
    r"demasiadas\s+pastillas|sobredosis|emergencias?|"
    r"necesito\s+ayuda|ayuda\s+(?:ya|ahora|urgente)|auxilio|socorro|"
    r"no\s+(?:puedo|aguanto)\s+mas|no\s+puedo\s+seguir|"
    r"sobrecalent\w*|convulsi\w*|inconsciente|se\s+desmayo|perdio\s+el\s+conocimiento|"
    r"no\s+(?:puedo|puede)\s+respirar|no\s+respira|dolor\s+(?:en\s+el\s+|de\s+)?pecho"
    r")\b",
)


def _normal(text: str) -> str:
    return clean(text).replace("’", "'")


def is_crisis(text: str) -> bool:
    """Does this query suggest someone may need urgent help (in English or Spanish)?"""
    return crisis_phrasing(text) is not None


def crisis_phrasing(text: str) -> str | None:
    """None when `text` is no crisis query; else the language its crisis words are in:
    "es" for Spanish phrasing, "" when they do not tell (the English phrases, whose
    `crisis` and `emergencia` a Spanish reader may type as well)."""
    normal = _normal(text)
    if _CRISIS_ES.search(unaccent(normal.lower())):
        return "es"
    return "" if _CRISIS.search(normal) else None
