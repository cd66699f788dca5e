"""Which language a message is written in (English or Welsh), and whether it asks to switch language.

Detection leans on words first: people who write Welsh online mix in English terms ("dwi isio upgrade i MSc",
"be di'r pass mark?"), which fools a whole-text detector, so a message counts words that only Welsh uses and words
that only English uses, and the offline detector `lingua` (restricted to the two languages, its models in the wheel)
decides only when the words do not. A message too short to tell (a greeting, "ok", a course name) decides nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, FrozenSet, Optional

WELSH, ENGLISH = "cy", "en"

# Words Welsh writers use that are not English words (mutated forms included, accents dropped as people type).
WELSH_WORDS: FrozenSet[str] = frozenset(
    """
    dwi dw rwy rydw rwyf wyf ydw ydy ydi yw ydyn ydych dych ych ydynt oes nag nac faint sut pryd beth be pam pwy ble
    mae ma mae'r ma'r sydd sy yn y yr 'r fy dy ein eich gyda gydag efo hefo gen gennyf gennych gennym gennai sgen sgin
    isio eisiau moyn angen gallu galla alla allaf allwch allet gallwch ga gaf cael gael gwneud neud wneud gwybod wybod
    plis diolch shwmae sumae smae s'mae shwd sut'dach sud bore prynhawn noswaith hwyl croeso iawn ie ia naddo nage
    cwrs gwrs chwrs nghwrs cyrsiau gyrsiau chyrsiau nghyrsiau modiwl modiwlau fodiwl credyd credydau gredyd gredydau
    chredyd chredydau nghredyd nghredydau ffi ffioedd pris bris mhris gradd radd meistr feistr tystysgrif dystysgrif
    nhystysgrif asesiad asesiadau asesu arholiad arholiadau traethawd marc marciau llwyddo pasio cofrestru gofrestru
    blwyddyn flwyddyn wythnos wythnosau ar-lein arlein ac hefyd ond neu achos oherwydd i'r o'r a'r i'w i'ch ni chi
    fi nhw hwn hon hynny hwnnw honno rhain pa sawl unrhyw pob gymraeg cymraeg saesneg bydd fydd byddai fyddai oedd
    roedd wedi di di'r ti ti'n chi'n dwi'n mae'n ydy'r ydi'r be' dau dwy ddau ddwy tri tair dri dair pedwar pedair
    bedwar bedair pump bump chwech saith wyth naw deg ddeg ar mewn rhaid rhywun rhywbeth mwy llai hyd tan
    ydio ydyw allai gallai medru fedra fedrai fedrwch dysgu astudio prifysgol brifysgol myfyriwr myfyrwyr ddim dim
    modd gyfer cyfer am-ddim talu dalu costio gostio hir gymaint mlynedd dyddiad ddyddiad setiau gyfan cyfan
    dwedwch deudwch dweud ddweud wrtha wrtho wrthi wrthyn rhowch dangoswch esboniwch eglurwch egluro helpu
    gwybodaeth wybodaeth ynglyn ynghylch amdano amdani amdanyn hoffwn hoffech baswn faswn buaswn sgwennu
    ysgrifennu tybed efallai falle nawr rwan heddiw yfory
    """.split()
)

# Words English writers use that are not Welsh words (short function words and the topic's own vocabulary).
ENGLISH_WORDS: FrozenSet[str] = frozenset(
    """
    the is are what whats what's how much does do you your can could would will i'm im it its it's of for and with
    to my me this that there about which when where who why have has been was if on in at an please thanks thank
    many long take get need want course courses credits credit module modules fee fees price pay paid degree study
    studying week weeks year years hello hey not yes or than then so also just any some all more only after before
    from by they we our us he she them don't dont isn't doesn't i've i'd i'll cost costs much
    """.split()
)

MIN_WORDS_FOR_DETECTOR = 4
DETECTOR_CONFIDENCE = 0.9
_WORD = re.compile(r"[a-zA-Zàáâäèéêëìíîïòóôöùúûüẁẃŵẅỳýŷÿ'’-]+")


@dataclass(frozen=True)
class WordCount:
    """How many words of a message only Welsh uses, and how many only English uses."""

    welsh: int
    english: int
    words: int


_AS_TYPED = str.maketrans("àáâäèéêëìíîïòóôöùúûüẁẃŵẅỳýŷÿ’", "aaaaeeeeiiiioooouuuuwwwwyyyy'")


def _plain(word: str) -> str:
    """A word as people type it: lower case, accents and curly apostrophes dropped."""
    return word.lower().translate(_AS_TYPED).strip("'-")


def count_words(text: str) -> WordCount:
    """Count the Welsh-only and English-only words of a message."""
    words = [w for w in (_plain(w) for w in _WORD.findall(text or "")) if w]
    return WordCount(
        welsh=sum(1 for w in words if _listed(w, WELSH_WORDS)),
        english=sum(1 for w in words if _listed(w, ENGLISH_WORDS)),
        words=len(words),
    )


def _listed(word: str, listed: FrozenSet[str]) -> bool:
    """True if the word, or the word before its apostrophe ("yw'r", "dwi'n"), is in the list."""
    return word in listed or word.split("'")[0] in listed


def detect_language(text: str) -> Optional[str]:
    """ "cy" or "en" when the message says clearly which it is written in; None when it is too short to tell."""
    count = count_words(text)
    if count.welsh >= 2 and count.welsh > count.english:
        return WELSH
    if count.english >= 2 and count.english > 2 * count.welsh:
        return ENGLISH
    if count.words >= MIN_WORDS_FOR_DETECTOR:
        return _detector_says(text)
    return None


def is_clearly_welsh(text: str) -> bool:
    """True when a message is written in Welsh (mixed-in English words allowed)."""
    return detect_language(text) == WELSH


def _detector_says(text: str) -> Optional[str]:
    """The offline detector's verdict when it is confident, else None."""
    for value in _detector().compute_language_confidence_values(text):
        if value.value >= DETECTOR_CONFIDENCE:
            return WELSH if value.language.name == "WELSH" else ENGLISH
    return None


@lru_cache(maxsize=1)
def _detector() -> Any:
    """lingua's detector for English and Welsh only, its models loaded once (about 0.2 s)."""
    from lingua import Language, LanguageDetectorBuilder

    return (
        LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.WELSH)
        .with_preloaded_language_models()
        .build()
    )


# An explicit request to switch: the whole message is the request ("Cymraeg", "yn Gymraeg plis", "can we speak
# Welsh?", "in English please", "Saesneg os gwelwch yn dda"), never a question that mentions a language ("are the
# courses taught in Welsh?" is a question about the courses).
_POLITE = r"(?:please|plis|pls|os gwelwch yn dda|os gweli di'?n dda|diolch|thanks|thank you)"
_ASK = (
    r"(?:(?:can|could|may) (?:we|i|you)|i'?d (?:like|prefer) to|i want to|let'?s|switch to|change to|"
    r"(?:ga|gaf|alla|allwn|gawn) (?:i|ni)|dwi isio|dw i isio|dwi eisiau|hoffwn|newid i|newidiwch i|newid i'?r)"
)
_VERB = r"(?:speak|talk|chat|continue|carry on|reply|answer|write|use|siarad|sgwrsio|ateb|parhau|defnyddio)"
_TO_ME = r"(?:(?:to|with) me|yn|i'?n|in|ymlaen yn)"
_WELSH_NAME = r"(?:cymraeg|gymraeg|welsh|cymreig)"
_ENGLISH_NAME = r"(?:english|saesneg)"


def _request_pattern(name: str) -> "re.Pattern[str]":
    """A whole-message request to use one language."""
    return re.compile(
        rf"^(?:{_POLITE} )?(?:{_ASK} )?(?:{_VERB} )?(?:{_TO_ME} )?(?:{_TO_ME} )?(?:y |the )?{name}"
        rf"(?: (?:please|plis|pls|os gwelwch yn dda|instead|yn lle|now|nawr|rwan|from now on|o hyn ymlaen|thanks|diolch))*$"
    )


_WANTS_WELSH = _request_pattern(_WELSH_NAME)
_WANTS_ENGLISH = _request_pattern(_ENGLISH_NAME)


def requested_language(text: str) -> Optional[str]:
    """The language a message asks to switch to ("Cymraeg", "in English please"), or None when it asks no switch."""
    plain = " ".join(_plain(w) for w in re.split(r"[\s,.!?]+", text or "") if w)
    if len(plain) > 80:
        return None
    if _WANTS_WELSH.match(plain):
        return WELSH
    if _WANTS_ENGLISH.match(plain):
        return ENGLISH
    return None


def named_language(text: str) -> Optional[str]:
    """The language a switch request names, read loosely; the last one named ("my Welsh is rusty, English please")."""
    names = {"cymraeg": WELSH, "gymraeg": WELSH, "welsh": WELSH, "english": ENGLISH, "saesneg": ENGLISH}
    named = [names[w] for w in (_plain(w) for w in _WORD.findall(text or "")) if w in names]
    return named[-1] if named else None
