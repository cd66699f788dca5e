"""Welsh words the name finders read (bot.nlp.unknown_names), as typed: mostly without accents, with mutations.

Phrasings read: "cwrs ar/am/mewn X" and "unrhyw beth ar X" (keywords mutated too: gwrs, chwrs, nghwrs), "cwrs o'r
enw X", "oes gennych chi X" / "ydych chi'n cynnig X" / "oes cwrs X?", a capitalised name after "y cwrs" / "y set",
after "be am", "beth am", "dwedwch wrtha i am", and before "ar gael" / "yn dod allan"; Welsh function words are no
names, and a Welsh number word ("dau", "naw") numbers a course.
"""

from __future__ import annotations

import re
from typing import FrozenSet, Iterator, Sequence


def words(text: str) -> FrozenSet[str]:
    """A set of words written as one string."""
    return frozenset(text.split())


# Welsh keywords with their mutations: cwrs / gwrs / chwrs / nghwrs, modiwl / fodiwl, microgymhwyster / ficro...
CY_KEYWORDS = words(
    "cwrs gwrs chwrs nghwrs cyrsiau gyrsiau chyrsiau nghyrsiau modiwl fodiwl modiwlau fodiwlau setiau "
    "microgymhwyster ficrogymhwyster microgymwysterau ficrogymwysterau microgymhwysterau ficrogymhwysterau"
)
# Function words, question words and common verbs: never part of a name
CY_STOP = words(
    "ac ar am mewn yn yng ym o y yr gan gen gennych gynnoch gennoch ganddoch gennyt gyda efo â ag chi chwi ti fi mi "
    "ni nhw e fe fo hi hwn hon hwnna honna honno hwnnw hynny hyn yma yna na 'na 'ma dyma dyna oes does ydy ydi yw "
    "ydyw ydw ydych ydyn ydan ydach dych mae sydd sy oedd fydd bydd fyddai fydda dwi dw rwy rydw rwyf wi wyt isio "
    "eisiau moyn angen faint pryd sut pa pha beth be ble lle pam pwy sawl dwedwch dywedwch deud dweud dwed dweda "
    "wrtha wrthyf wrthym wrthon wrthoch son sôn soniwch sonia esboniwch esbonio egluro gwybodaeth manylion mwy "
    "unrhyw rhyw rhywbeth rywbeth peth gael cael ga gaf gawn alla allaf galla gallaf allwn fedra fedraf fedrwch "
    "bwcio archebu cofrestru ymuno ymrestru dechrau ddechrau dod allan rhyddhau ryddhau agor eto nawr rwan rŵan "
    "bellach plis diolch iawn modd gwneud wneud astudio cymryd gymryd cynnig gynnig cynnal rhedeg redeg dysgu "
    "ddysgu hefyd wedyn ond neu os dim ddim heb ynglyn ynglŷn ynghylch enw ei eu ein eich fy dy 'n i'w i'r o'r "
    "a'r am y te 'te yfory heddiw ydy'r yw'r mae'r sy'n mae'n dwi'n rwy'n wi'n ydw'n hwnna'n honno'n yno ynddo "
    "amdano amdani amdanyn trafod ymdrin cwbl gyd pob bob un costio gostio para cymryd gymryd werth"
)
# Descriptors, mutated forms too: "y cwrs nesaf", "ar-lein", "gyda chredydau"
CY_DESCRIPTORS = words(
    "credydau gredydau chredydau credyd gredyd ar-lein arlein lein cyfan gyfan llawn lawn nesaf nesa cyntaf cynta "
    "olaf ola diwethaf newydd arall eraill gwahanol tebyg byr fyr hir byrrach hirach hawdd haws anodd rhad rhatach "
    "rhataf drud drutach drutaf rhan-amser llawn-amser gradd radd meistr feistr prifysgol brifysgol aber "
    "aberystwyth cymraeg gymraeg saesneg nghymraeg prawf brawf arholiad adroddiad data ddata dadansoddi ffi ffioedd "
    "pris cost gost blwyddyn flwyddyn wythnos wythnosau mis misoedd tymor semester dydd ddydd llun mawrth mercher "
    "iau gwener sadwrn sul haf gaeaf gwanwyn hydref nos penwythnos lefel"
)
CY_PREPOSITIONS = words("ar am mewn ynghylch ynglyn ynglŷn")  # "cwrs ar X"; after "ynglŷn" comes "â": "ynglŷn â X"
WITH_WORDS = words("â a ag")
CY_CATALOGUE_VERBS = words(
    "bwcio fwcio archebu astudio gwneud wneud cofrestru gofrestru ymuno ymrestru dilyn ddilyn dechrau ddechrau"
)  # "alla i fwcio Precision Agriculture"; "ydy", "mae" and "am" introduce a numbered name too
CY_INTRODUCERS = words("ydy ydi yw mae oes pryd ar am mewn")
CY_FILLERS = words("ac neu be beth am te 'te wedyn felly iawn y yr hefyd plis diolch ydy oes")
CY_HAVE = words("gennych gynnoch gennoch ganddoch gennyt gen gynnych")
CY_OFFER = words("cynnig gynnig rhedeg redeg dysgu ddysgu darparu")
CY_YOU = words("chi ti chwi")
CY_NOT_OFFERINGS = words(
    "taflen daflen llyfryn lyfryn prosbectws ad-daliad ad-daliadau gostyngiad ostyngiad disgownt bwrsariaeth "
    "fwrsariaeth bwrsariaethau ysgoloriaeth ysgoloriaethau cymorth gymorth help cyngor gyngor rhif ffôn ffon ebost "
    "e-bost gwefan wefan ffurflen darlith darlithoedd dosbarth dosbarthiadau ddosbarthiadau gwersi wersi tiwtorial "
    "tiwtorialau seminarau arholiadau llety parcio llyfrgell digwyddiadau amser cwestiwn gwestiwn cwestiynau "
    "gwestiynau dyddiad dyddiadau pdf fideo fideos deunyddiau adnoddau staff tîm tim rhywun person pobl"
)
ABOUT_CY = words("be beth mwy gwybodaeth son sôn soniwch sonia")
TELL_CY = words("wrtha wrthyf wrthon wrthym wrthoch")
# Welsh course numbers, mutated or not ("Genomics naw", "Soil Science dau"); not "un", which is also "the same one"
_SPELT = "- - dau/ddau/dwy/ddwy tri/dri/thri/tair/dair pedwar/bedwar/phedwar/pedair/bedair pump/bump/pum chwech/chwe"
CY_NUMBERS = {
    word: n for n, words in enumerate(f"{_SPELT} saith wyth naw deg/ddeg".split()) for word in words.split("/")
}
del CY_NUMBERS["-"]
# Catalogue cues: a keyword, "ar gael", "bwcio", "dod allan", "dechrau", "be am", "dwedwch wrtha i am"
CY_CATALOGUE_CUES = (
    r"\b(?:c|g|ch|ngh)wrs\b|\b(?:c|g|ch|ngh)yrsiau\b|\b(?:f|m)odiwl|\b(?:f|m)icrogym|\bar\s+gael\b|\b(?:b|f)wcio\b|\barchebu\b"
    r"|\bcofrestru\b|\bdod\s+allan\b|\b(?:r|rh)yddhau\b|\b(?:d|dd)echrau\b|\bwrth(?:a|yf|on|ym)\s+(?:i\s+|ni\s+)?am\b"
    r"|\b(?:be|beth|mwy|gwybodaeth|s[oô]n|soniwch)\s+am\b"
)
_CLITIC = re.compile(r"'(?:n|r|w|i|m|ch|th)$")
_AVAILABLE = re.compile(r"(?:ar gael|yn (?:dod allan|dechrau|agor|barod)|allan)\b")


def without_clitic(word: str) -> str:
    """A word without a Welsh clitic: "mae'n" -> "mae", "ydy'r" -> "ydy", "i'w" -> "i"."""
    return _CLITIC.sub("", word)


def offered_starts(words: Sequence[str]) -> Iterator[int]:
    """Where a name may start after "oes gennych chi (unrhyw) (gwrs)", "oes cwrs", "ydych chi'n cynnig"."""
    for index, word in enumerate(words):
        start = None
        if word == "oes" and index + 1 < len(words):
            start = index + 1
            if words[start] in CY_HAVE:
                start += 1 + (start + 1 < len(words) and words[start + 1] in CY_YOU)
        elif word in CY_OFFER and index and words[index - 1] in {"chi'n", "ti'n", "chwi'n"}:
            start = index + 1
        if start is None:
            continue
        start += start < len(words) and words[start] in {"unrhyw", "rhyw"}
        start += start < len(words) and words[start] in CY_KEYWORDS  # "oes cwrs cadw gwenyn?"
        yield start


def after_article_keyword(words: Sequence[str]) -> Iterator[int]:
    """Where a name may start after a keyword with its article: "y set X", "ydy'r cwrs X"."""
    for index in range(1, len(words) - 1):
        article = words[index - 1] in {"y", "yr"} or words[index - 1].endswith("'r")
        if article and (words[index] in CY_KEYWORDS or words[index] in {"set", "setiau"}):
            yield index + 1


def about_at(words: Sequence[str], index: int) -> bool:
    """Whether words[index] is the "am" of "be am", "beth am", "dwedwch wrtha i am", "mwy am" (about)."""
    if index < 1 or words[index] != "am":
        return False
    return words[index - 1] in ABOUT_CY | TELL_CY or (index > 1 and words[index - 2] in TELL_CY)


def available_at(words: Sequence[str], index: int) -> bool:
    """Whether a Welsh "available" / "out" / "starting" starts at words[index]: "ar gael", "yn dod allan"."""
    return bool(_AVAILABLE.match(" ".join(words[index : index + 3])))
