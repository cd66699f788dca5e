"""Which topic the page is silent on a question is about ("can I get a refund?" -> refunds), from an editable table.

Each row of TABLE is one topic: an id (its English and Welsh labels, "I don't have information about <label>",
are in bot/answers/texts/not_covered.yaml), optionally the rule-module function that already words the page's silence on it, the patterns
that recognise it and, optionally, patterns that rule it out. Patterns are regular expressions matched against
the lower-cased message after a few text-speak words are spelt out ("u" -> "you", "hrs" -> "hours") and accents
are dropped ("ôl" -> "ol"); write British and American spellings both, and Welsh with its mutations (cwrs, gwrs,
chwrs, nghwrs) and without accents. The topic whose pattern matches earliest in the message wins; at the same
position the longer match, then the earlier row.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Callable, Dict, Mapping, Optional, Pattern, Sequence, Tuple

from bot.rules import resit_after_fail, top_up_deadline
from bot.rules.model import NotCovered

_TOP_UP = r"top[- ]?ups?"
_TOPPING = r"(?:top[- ]?ups?|topping[- ]?up|top (?:it |them |this |that )?up)"
_NAMED_COURSE = (
    r"\b(?:[a-z]{2}\s?\d{1,2}|[a-z]+ (?:[1-9]|one|two|three|four|five|six|dau|tri|pedwar|pump|chwech))\b"
    r"(?! ?(?:weeks?|hours?|credits?|months?|years?|%|wythnos|awr|oriau|[cg]redyd|mis|mlynedd|blynedd|y cant))"
)
_UNIT_AFTER = r"(?! ?(?:%|percent|per\b|credits?|pounds|quid|hours?|weeks?|months?|days?|minutes?|marks?|points?|words?|courses?))"
_ASSESSMENT = r"(?:final )?(?:assessment|test|exam|report)s?"
_UPGRADING = r"\b(?:upgrad|msc\b|masters?\b|master's|degree|postgraduate|deduct|first module|full course)"

# Welsh, as typed: accents are dropped by normalise() (ôl -> ol, ŵ -> w), so patterns are written without them, and
# a word is written with its mutations (cwrs/gwrs/chwrs/nghwrs, talu/dalu/nhalu/thalu, credydau/gredydau/chredydau).
_CY_UNIT_AFTER = r"(?! ?(?:%|y cant|wythnos|awr|oriau|[cg]redyd|mis|[dn]?d?iwrnod|munud|[mf]arc|[pb]wynt|n?g?air|eiriau|[cg]wrs|[pb]unt|pwys))"
_CY_UPGRADING = (
    r"\b(?:uwchradd|(?:ng|g)?radd meistr|[mf]eistr\b|ol-?radd|didyn|[mf]odiwl cyntaf|[cg]wrs llawn|(?:rh|r)aglen lawn)"
)
_CY_TOP_UP = r"(?:ffi ychwanegol|ffi atodol|top[- ]?up|[td]opio(?: i)? fyny)"
_CY_ASSESSMENT = r"(?:h?asesiad|arholiad|(?:p|b|mh)rawf|h?adroddiad|aseiniad)(?:au)?"
_CY_QUALS = (
    r"(?:(?:ng|g)?radd|degree|lefel(?:au)? a|a[- ]?levels?|tgau|gcses?|(?:ngh|ch|c|g)ymwysterau|(?:ngh|ch|c|g)ymhwyster(?:au)?"
    r"|(?:ngh|ch|c|g)efndir|d?diploma|bsc|[bf]agloriaeth)\b"
)
_TALU = r"(?:nh|th|t|d)alu"
_CWRS = r"(?:ngh|ch|c|g)(?:wrs|yrsiau)"
_CREDYD = r"(?:ngh|ch|c|g)redyd"
# a request to chat in Welsh ("ga i siarad Cymraeg?", "atebwch yn Gymraeg") rather than a question about the courses
_CY_CHAT_IN_WELSH = (
    r"^(?!.*\b(?:(?:ngh|ch|c|g)wrs|(?:ch|c|g)yrsiau|[mf]icrogym\w*|astudio|d?deunydd\w*|h?asesiad|h?adroddiad|[pb]rawf|arholiad"
    r"|[tdn]h?iwtor\w*|d?darlith\w*|[mf]odiwl\w*|fideos?|(?:ei|eu|cael) d?dysgu|d?dysgu (?:yn|drwy|trwy)|addysgu|sefyll|ysgrifennu"
    r"|[cg]yflwyno|course|study)\b)"
    r"(?:(?=.*\b(?:siarad|sgwrsio|sgwrs|ateb\w*|newid|[pb]arhau|[cg]ario|deall|medru|iaith)\b)|(?=(?:ngh|ch|c|g)ymraeg[.!]*(?:,? ?(?:os gwelwch yn dda|plis|diolch)[.!]*)?$)"
    r"|(?=.*\b(?:(?:ngh|ch|c|g)ymraeg neu saesneg|saesneg neu (?:ngh|ch|c|g)ymraeg)\b)).*\b(?:ngh|ch|c|g)ymraeg"
)

# (id, rule, patterns, unless-patterns); each id's English and Welsh label is in bot/answers/texts/not_covered.yaml
TABLE: Tuple[Tuple[str, Optional[str], Tuple[str, ...], Tuple[str, ...]], ...] = (
    ("refunds", None, (
        r"\brefund", r"money back", r"\bcancel", r"cooling[- ]off", r"£\s?\d+ back\b",
        r"\b(?:withdraw|drop(?:ping)? out|pull(?:ing)? out)\b",
        r"\bh?ad[- ]?dal(?:iad|u|adwy|wyd)", r"(?:\b(?:arian|pres|ffi|ffioedd)|£\s?\d+)(?:'n| yn)? (?:[\w']+ ){0,3}?(?:yn ol|'n ol|nol)\b(?! (?:y|yr|eich|ei|eu|fy)\b)", r"\b(?:ch|c|g)?anslo\b", r"\bcyfnod (?:ailfeddwl|ail feddwl|callio)", r"\b(?:nh|t|d)ynnu(?:'n| yn)? (?:allan|ol|nol)\b", r"\b(?:rh|r)oi'?r gorau (?:iddi|i'?r (?:ch|c|g)wrs)", r"\b(?:g|c)adael y (?:ch|c|g)wrs (?:yn gynnar|hanner ffordd)", r"\bcolli (?:fy |fy holl |yr )?(?:arian|ffi|pres)\b", r"\bgwarant arian\b",  # cy: ad-daliad, ad-dalu, eu had-dalu, ad-daladwy, fy arian yn ôl, canslo, tynnu'n ôl, rhoi'r gorau iddi
    ), (_UPGRADING, _CY_UPGRADING)),
    ("course_transfer", None, (
        r"\b(?:swap|switch)(?:ing)?\b", r"\btransfer(?:ring)? (?:to|onto|from) (?:a |an )?(?:different|another|other)",
        r"\bchange (?:to|onto) (?:a |an )?(?:different|another)",
        r"\b(?:newid|symud|[td]rosglwyddo|[cg]yfnewid)\b(?: [\w']+){0,2}? (?:i|at|draw i|drosodd i)(?:'r| y| yr)? " r"(?:(?:ch|c|g)wrs|(?:ch|c|g)yrsiau|set|[mf]icrogymhwyster|[mf]odiwl|un|opsiwn) (?:gwahanol|wahanol|arall)\b", r"\bnewid o (?:[\w']+ ){1,4}?(?:[1-9]|un|dau|tri|pedwar|pump|chwech) i (?:[\w']+ ){1,4}?(?:[1-9]|un|dau|tri|pedwar|pump|chwech)\b", r"\bnewid (?:fy |y )?(?:ngh|ch|c|g)wrs\b",  # cy: newid i gwrs gwahanol, trosglwyddo i ficrogymhwyster arall, newid o Genomics 2 i Livestock Science 2
    ), (_UPGRADING, r"\bto (?:the )?credits?\b", _CY_UPGRADING, r"\bi(?:'r)? (?:opsiwn )?" + _CREDYD)),
    ("credit_transfer", None, (
        r"\btransfer(?:ring)? (?:my |the |these |those )?credits", r"credits? (?:to|at) (?:another|a different|other) uni",
        r"(?:other|another|different) universit(?:y|ies) (?:accept|recogni[sz]e)",
        r"\b(?:nh|th|t|d)rosglwyddo(?: [\w']+){0,2}? " + _CREDYD, r"\bnghredydau\b.{0,20}\b(?:nh|th|t|d)rosglwyddo", r"\b" + _CREDYD + r"(?:au)?(?:'n| yn)? (?:[\w']+ ){0,3}?(?:i|at|mewn|yn|gan) (?:(?:mh|b|p)rifysgol(?:ion)? (?:arall|eraill|wahanol|gwahanol))", r"\b(?:mh|b|p)rifysgol(?:ion)? (?:arall|eraill|wahanol|gwahanol) (?:yn |'n )?(?:[dn]?d?erbyn|[cg]ydnabod|eu [cg]ydnabod|eu derbyn)",  # cy: trosglwyddo credydau i brifysgol arall, a fydd prifysgolion eraill yn eu derbyn
    ), ()),
    ("entry_requirements", None, (
        r"\bentry (?:requirement|criteri)", r"\badmissions? (?:requirement|criteri)", r"\bpre-?req", r"\bprerequisite",
        r"\brequirements? (?:to|for) (?:join|enrol|apply|get on|start|sign up|take)",
        r"\b(?:prior|previous|any previous) (?:knowledge|experience|qualifications?|study)",
        r"\bneed (?:a |an |any |to have )?(?:\w+ )?(?:degree|a[- ]?levels?|gcses?|qualifications?|background|diploma)",
        r"\bwhat qualifications", r"\b(?:degree|qualifications?|background) (?:is |are )?(?:required|needed|necessary)",
        r"\bno (?:degree|gcses?|qualifications?|a[- ]?levels?)\b", r"\bneed to (?:know|have done) (?:[\w']+ ){0,4}(?:beforehand|first)\b",
        r"\bwould i be accepted", r"\bcan anyone (?:start|do|join|enrol|apply|sign up)", r"\beligib(?:le|ility)\b",
        r"\bpeople with (?:a |an )?(?:\w+ )?(?:degree|qualifications?|background)",
        r"\b(?:ng|g)?ofyn(?:ion|iad(?:au)?) (?:mynediad|fynediad|derbyn|academaidd|cofrestru|ymuno)", r"\b(?:rh|r)agofyn", r"\bmeini prawf\b", r"\b(?:ng|g)?ofynion\s*\??$", r"\b(?:ng|g)?ofynion (?:ar gyfer|i|er mwyn) (?:y |'r )?(?:" + _CWRS + r"|[mf]icrogym|[gc]ofrestru|ymuno|[cg]ael lle|g?wneud cais|d?dechrau)", r"\b(?:ch|c|g)ymhwysedd\b", r"\b(?:ch|c|g)ymwys\b", r"\bcael (?:fy|ein) n(?:h)?erbyn\b", r"\bfy nerbyn\b", r"\bcael eu derbyn\b", r"\b(?:angen|hangen|rhaid (?:i mi |i fi |imi |i ni )?(?:[cg]ael|[bf]od)|gofyn am|hanfodol|heb|diffyg|(?:s|')?gen i ddim|does gen i ddim|sgin i ddim|sgen i ddim)" r" (?:[\w']+ ){0,2}?" + _CY_QUALS, _CY_QUALS + r" (?:[\w']+ )?(?:yn |'n )?(?:hanfodol|angenrheidiol|ofynnol|gofynnol)\b", r"^dim (?:ng|g)?radd\b", r"\b(?:ng|g)?wybodaeth [fb]laenorol|\b(?:ph|b|p)rofiad [fb]laenorol|\bastudio [fb]laenorol|\b(?:ngh|ch|c|g)ymwysterau [fb]laenorol|\baddysg [fb]laenorol", r"\bpa (?:g|c)ymwysterau\b(?! (?:fydda|ydw|dwi|ga|gaf|wna|dach|ydych|y bydda))", r"\bangen i (?:g|c)ael (?:mynediad|lle)\b", r"\b(?:ph|b|p)obl (?:efo|gyda|hefo|sydd efo|sydd gyda|sydd ag?|ag?) (?:[\w']+ )?" + _CY_QUALS, r"\brhaid (?:i mi |i fi |imi )?[bf]od wedi (?:astudio|g?wneud|neud|[pb]asio|[cg]ael)", r"\bg?wybod (?:[\w']+ ){0,3}(?:o flaen llaw|ymlaen llaw)", r"\b(?:all|gall|ydy|ydi|oes modd i|fedr|fedrith) unrhyw un (?:[\w']+ )?(?:d?dechrau|[gc]ofrestru|ymuno|g?wneud|neud)",  # cy: gofynion mynediad, oes angen gradd arna i, heb TGAU, gwybodaeth flaenorol, fyswn i'n cael fy nerbyn
    ), ()),
    ("english_language", None, (
        r"\bielts\b", r"\btoefl\b", r"\blevel of english", r"\blanguage requirement", r"\bmy english\b",
        r"\benglish (?:language )?(?:requirement|test|level|score)",
        r"\b(?:lefel|safon) (?:o |fy |eich |dda o )?saesneg", r"\bfy saesneg\b", r"\b(?:ng|g)?ofyn(?:ion|iad) iaith\b", r"\b(?:ph|b|p)rawf (?:iaith|saesneg)\b", r"\bsaesneg (?:fel |yn |ydy fy |yw fy )?ail iaith\b", r"\bsaesneg (?:i )?(?:ddim yn|yn ddigon|digon da|yn wan|yn dda)",  # cy: pa lefel o Saesneg, fy Saesneg i, gofyniad iaith, prawf Saesneg
    ), ()),
    ("age", None, (
        r"\bage (?:limit|requirement|restriction)", r"\b(?:minimum|maximum) age", r"\btoo (?:old|young)\b",
        r"\b(?:old|young) enough\b", r"\b[1-9]\d[ -]?(?:years?[- ]olds?|yo|yrs? old)\b", r"\bi'?m (?:1[0-7]|[2-9]\d)\b" + _UNIT_AFTER,
        r"\b(?:i'?m|i am|am i|aged?|people|someone|anyone|students?|learners?|those|if you're|you're) (?:over |under |in (?:my|their) )(?:1\d|[2-9]\d)s?\b" + _UNIT_AFTER,
        r"\b(?:under|over)[- ](?:1[0-9]|[2-9]0)s\b", r"\b(?:age|ages|aged)\b (?:\w+ )?(?:matter|ok|okay|problem|limit)", r"\bupper age\b",
        r"\b(?:pensioners?|retirees?|i'?m retired|school (?:pupils?|leavers?|children))\b", r"\bhow old (?:do|must|should|can) (?:i|you|we|people|someone|learners|students) (?:have to |need to )?be\b",
        r"\b(?:terfyn|[cg]yfyngiad(?:au)?|isafswm|uchafswm|l?leiafswm) (?:o )?oed(?:ran)?\b", r"\boed(?:ran)? (?:uchaf|isaf|lleiaf|hynaf|ieuengaf|derbyn)\b", r"\brhy (?:hen|ifanc)\b", r"\bd?digon (?:hen|aeddfed)\b", r"\b(?:1[0-9]|[2-9]\d) (?:oed|mlwydd|blwydd)\b", r"\b(?:dwi|dw i|rwy|rydw i|wi|ydw i|rwyf|fi)(?:'n| yn) (?:1[0-7]|[2-9]\d)\b" + _CY_UNIT_AFTER, r"\b(?:bod|fod|dwi|rwy|rydw i|wi|ydw i|pobl|bobl|rhywun|unrhyw un|[mf]yfyrwyr|d?dysgwyr|oed)(?:'n| yn)? (?:dros|o dan|dan) (?:1\d|[2-9]\d)\b" + _CY_UNIT_AFTER, r"\b(?:wedi ymddeol|pensiynwr|pensiynwyr|d?disgybl(?:ion)? ysgol|plant ysgol|[gc]adael ysgol)\b", r"\bpa mor hen (?:[\w']+ ){0,3}?(?:rhaid|raid|d?dylwn|d?dylai|angen)\b", r"\boed(?:ran)? (?:yn )?(?:bwysig|broblem|ots|cyfri|rhwystr)", r"\bots (?:am|beth yw) (?:fy )?oed",  # cy: terfyn oedran, isafswm oed, rhy hen, ddigon hen, 16 oed, dwi'n 72, dros 18, wedi ymddeol
    ), ()),
    ("instalments", None, (
        r"\binstal+ments?\b", r"\bpayment plans?\b", r"\bspread (?:the |my )?(?:cost|payments?|fees?|£\s?\d+)",
        r"\bpay (?:it |this |the fee )?(?:monthly|in monthly|in parts|in stages|bit by bit)",
        r"\bmonthly (?:amounts|payments|plan|instal|direct debit|fee|cost|price|option)", r"\brather than all at once",
        r"\bpay (?:in|over) (?:a few|several|\d+) months", r"\bpay(?:ing|ments?)?\b (?:[\w£']+ ){0,4}(?:monthly|each month|every month|per month|a month)\b",
        r"\b(?:monthly|each month|every month|per month|a month)\b (?:[\w']+ ){0,2}(?:pay|paying|payments?|instal)", r"\bdirect[- ]debits?\b",
        r"\bpay(?:ing)? (?:\w+ )?(?:by|via|with|through|using) (?:a )?direct[- ]debit", r"\bsplit (?:the |my |up the )?(?:payments?|cost|fees?|bill|price)",
        r"\bpay (?:it |the fee |for it )?(?:in|over) (?:two|2|three|3|four|4|several) (?:parts|payments|goes|chunks|lots)", r"\bpay as (?:i|you) go\b", r"\bin (?:two|2) halves\b",
        r"\b(?:rh|r)andaliad", r"\b(?:ngh|ch|c|g)ynllun(?:iau)? (?:t|d)alu\b", r"\btaliad(?:au)? (?:misol|bob mis|pob mis)|\bsymiau misol", r"\b" + _TALU + r"\b(?:'r| y| yr)? (?:[\w£']+ ){0,4}?(?:monthly|bob mis|pob mis|fesul mis|yn fisol|'n fisol|misol|y mis|fesul cam|fesul tipyn|fesul rhan" r"|mewn rhannau|dros (?:[\w']+ ){0,2}[fm]isoedd|mewn (?:dau|dwy|tri|tair|pedwar|pedair|\d) (?:hanner|ran|rhan|taliad|daliad|cham|gam|cyfran|gyfran))", r"\b(?:rh|r)annu(?:'r| y| yr)? (?:ffi|ffioedd|taliad|taliadau|gost|cost|pris|bil|£\s?\d+)", r"\b(?:ffi|ffioedd|gost|taliad)\b.{0,25}\b(?:rh|r)annu", r"\bd?debyd uniongyrchol", r"\byn hytrach na'?r (?:cyfan|cwbl|swm)",  # cy: rhandaliadau, talu fesul mis / bob mis / yn fisol, cynllun talu, rhannu'r ffi, debyd uniongyrchol
    ), ()),
    ("employer_funding", None, (
        r"\bemployers? (?:funding|pay|fund|cover|sponsor|contribut)",
        r"\b(?:my|our|the) (?:company|employer|firm|boss|workplace|organi[sz]ation|work) .{0,25}\b(?:pay|fund|sponsor|cover)",
        r"\b(?:ngh|ch|c|g)yllid (?:gan |gan y |gan fy |gan eich )?(?:ngh|c|g)yflogwr", r"\bnawdd (?:gan |gan y |gan fy )?(?:ngh|c|g)yflogwr", r"\b(?:ngh|ch|c|g)yflogwy?r\b.{0,30}\b(?:" + _TALU + r"|[nd]oddi|noddwr|ariannu|h?ariannu|[cg]yllido|[gc]yfrannu|talu amdano)", r"\b(?:fy|ein|y|eich) (?:nghwmni|cwmni|ngweithle|gweithle|nghyflogwr|cyflogwr|bos|sefydliad|fferm|swydd|mhennaeth|pennaeth|rheolwr|adran)\b.{0,25}" r"\b(?:" + _TALU + r"|[nd]oddi|ariannu|[cg]yllido|[gc]yfrannu)", r"\b(?:all|gall|fydd|wneith|wnaiff|ydy|neith) (?:fy )?(?:n?g)?waith (?:yn )?" + _TALU,  # cy: cyllid gan gyflogwr, fydd fy nghyflogwr yn talu, all fy nghwmni ariannu, y cwmni'n fy noddi
    ), ()),
    ("invoices", None, (
        r"\binvoic", r"\bpurchase order", r"\breceipts?\b",
        r"\bh?anfoneb", r"\b(?:d|dd|n)erbyn(?:n)?eb", r"\barcheb(?:ion)? (?:b|p)rynu", r"\b[bf]il-?io\b",  # cy: anfoneb, derbynneb, archeb brynu, bilio
    ), ()),
    ("payment_methods", None, (
        r"\bpayment (?:methods?|options?)", r"\bhow (?:can|do|should|would|could) (?:i|we|you) pay\b", r"\bways? to pay",
        r"\bpay (?:by|with|using|via) ", r"\b(?:paypal|bank transfer|credit card|debit card|apple pay|google pay|cheque|bacs)\b",
        r"\bdo you (?:take|accept) (?:cards?|cash|payment)",
        r"\bd?dull(?:iau)? (?:o )?(?:t|d)alu\b", r"\bff(?:o|y)rdd? o (?:d|t)alu\b", r"\bffyrdd i (?:d|t)alu\b", r"\bopsiwn(?:au)? (?:t|d)alu\b|\bopsiynau (?:t|d)alu\b", r"\bsut (?:[\w']+ ){0,3}?" + _TALU + r"\b(?!(?:'r| y| yr)? (?:ffi ychwanegol|ffi atodol|top)|.{0,30}\b(?:bob mis|fesul mis|misol|(?:rh|r)andaliad|monthly|instal))", r"\b" + _TALU + r"\b(?:'r| y| yr)? (?:[\w£']+ ){0,2}?(?:efo|gyda|hefo|drwy|trwy|a|ag|ar|dros|mewn|gan ddefnyddio) (?:y |fy |'r |yr )?" r"(?:(?:ngh|ch|c|g)erdyn|(?:ch|c|g)ardiau|paypal|apple pay|google pay|siec|sieciau|[td]rosglwyddiad|arian parod|pres|(?:ff|mh)on|ewros?|doleri?|bacs|visa|mastercard|amex|american express|debyd|credyd)\b", r"\b(?:d|dd|n)erbyn (?:[\w']+ )?(?:paypal|(?:ch|c|g)ardiau|(?:c|g)erdyn|siec|arian parod|american express|amex|mastercard|visa|taliad(?:au)? cerdyn|apple pay)", r"\btaliad(?:au)? (?:ngh|c|g)erdyn|\b(?:ch|c|g)ardiau (?:d|c)ebyd|\b(?:ngh|ch|c|g)erdyn (?:credyd|debyd|banc)|\bmanylion (?:fy |y )?(?:ngherdyn|cerdyn|gerdyn)", r"\bsiec(?:iau)?\b", r"\b[td]rosglwyddiad banc", r"\barian parod\b", r"\bmastercard\b", r"\bamerican express\b", r"\bvisa (?:neu|a|ac|or|debit|debyd) ",  # cy: dulliau talu, ffyrdd o dalu, sut alla i dalu, talu efo cerdyn, drwy drosglwyddiad banc, dach chi'n derbyn PayPal
    ), ()),
    ("discounts", None, (
        r"\bdiscount", r"\bmoney off\b", r"\bearly[- ]bird", r"\bconcessions?\b", r"\b(?:promo|voucher|coupon)",
        r"\breduced (?:fee|price|rate)", r"\bcheaper (?:if|for)",
        r"\b(?:ng|g)?ostyngiad", r"\bdisgownt", r"\b(?:arian|pres|punnoedd) (?:i )?ffwrdd\b", r"\b(?:ch|c|g)onsesi(?:wn|ynau|ynol)", r"\b(?:ph|b|p)ris(?:iau)? (?:rhatach|gostyngol|arbennig i)\b", r"\b(?:ffi|ffioedd|pris|prisiau|[cg]yfradd) (?:is|rhatach) (?:i|ar gyfer|os)\b", r"\brhatach (?:os|i|ar gyfer)\b", r"\b(?:t|d)aleb(?:au)?\b", r"\bcod (?:promo|disgownt|gostyngiad)",  # cy: gostyngiad, disgownt, arian i ffwrdd, consesiwn, pris rhatach, taleb
    ), (_UPGRADING, _CY_UPGRADING, r"\b(?:gyda|efo|hefo) (?:ch|c|g)redydau\b|\bgweithia allan\b")),
    ("group_bookings", None, (
        r"\bgroup (?:rates?|bookings?|discounts?)", r"\b(?:to|for) (?:schools|colleges|companies|businesses|organi[sz]ations)\b",
        r"\b(?:five|several|\d+|a few) of us\b",
        r"\b(?:disgownt|discount|(?:ng|g)?ostyngiad(?:au)?|(?:ph|b|p)ris(?:iau)?|[cg]yfradd(?:au)?|archeb(?:ion)?|archebu|bwcio|ffi|ffioedd) (?:[\w']+ )?" r"(?:i |ar gyfer |gan |fel |mewn |i'?r )?(?:ng|g)?r[wu]p(?:iau)?\b", r"\b(?:i|ar gyfer|gan) (?:ysgolion|colegau|[cg]wmniau|busnesau|sefydliadau|mudiadau|ffermydd)\b", r"\b[\w']+ ohonon(?: ni)?\b|\bohonom ni\b", r"\b(?:ng|g)?r[wu]p o (?:\d+|[\w']+) ", r"\b(?:archebu|bwcio|[cg]ofrestru) (?:efo|gyda|hefo)'?n gilydd",  # cy: prisiau grŵp, gostyngiad i grwpiau, archebion gan sefydliadau, pump ohonon ni, i ysgolion
    ), ()),
    ("funding", None, (
        r"\bfunding\b", r"\bfunded\b", r"\bbursar(?:y|ies)\b", r"\bscholarships?\b", r"\bgrants?\b", r"\bloans?\b",
        r"\bstudent finance\b", r"\bfinancial (?:help|support|aid|assistance)", r"\bpersonal learning account",
        r"\b(?:ngh|ch|c|g)yllid\b", r"\b[bf]wrsari", r"\by?sgoloriaeth", r"\bgrant(?:iau)?\b", r"\b[bfm]enthyciad", r"\b(?:help|cymorth|gymorth|cefnogaeth|gefnogaeth) ariannol", r"\bcyfrif dysgu personol", r"\barian gan (?:y )?(?:l|ll)ywodraeth", r"\b(?:[cg]ael|wedi'?i|wedi'?u) (?:fy |eu |ei )?h?ariannu\b",  # cy: cyllid, bwrsariaeth, ysgoloriaeth, grantiau, benthyciad, help ariannol, Cyfrif Dysgu Personol
    ), ()),
    ("start_dates", None, (
        r"\bstart(?:ing)? dates?\b", r"\bintakes?\b", r"\b(?:fixed|set) (?:start )?dates?\b",
        r"\bwhen (?:can|do|does|will|could|should) (?:i|we|it|they|the (?:course|microcredential)s?) (?:start|begin)\b",
        r"\bstart (?:any ?time|whenever|at any time|straight away|immediately|tomorrow|today|right away|next week)",
        r"\bcan i (?:start|begin)\b",
        r"\b(?:nh|dd|d)yddiad(?:au)? (?:d?dechrau|d?dechra|(?:ch|c|g)ychwyn)\b", r"\b(?:ch|c|g)yfnod(?:au)? derbyn\b|\b(?:ch|c|g)yfnodau [cg]ofrestru\b", r"\bderbyniad(?:au)?\b", r"\b(?:d?dechrau|d?dechra|(?:ch|c|g)ychwyn)(?:'r| y)? (?:[\w']+ )?(?:pryd bynnag|unrhyw bryd|unrhyw adeg|fory|yfory|heddiw|yn syth|ar unwaith|(?:yr )?wythnos nesa|y diwrnod|diwrnod (?:dwi'n|rwy'n|y bydda i'n) )", r"\bpryd (?:alla i|ga i|gaf i|gallaf|galla i|y galla i|y gallaf|y ca i|dwi'n|ydw i'n|fydda i'n|allwn ni|gawn ni|mae(?:'?r)? (?:[cg]wrs|[cg]yrsiau|[mf]icrogym\w*)|ydy'?r (?:[cg]wrs|[cg]yrsiau)" r"|fydd y [cg]wrs|mae o|mae e|mae hi|mae'n|maen nhw|mae nhw|ydyn nhw) (?:[\w']+ ){0,2}?(?:d?dechrau|d?dechra|(?:ch|c|g)ychwyn)\b", r"\b(?:ga|alla|galla|cha|fedra|fedrai|gaf|gallaf) i (?:[\w']+ )?(?:d?dechrau|d?dechra|(?:ch|c|g)ychwyn)\b", r"\bpa mor aml (?:[\w']+ ){0,3}?(?:d?dechrau|d?dechra|(?:ch|c|g)ychwyn)", r"\b(?:d?dechrau|d?dechra|(?:ch|c|g)ychwyn) ar (?:dd|d)yddiad(?:au)?", r"\b(?:dd|d)yddiad(?:au)? (?:penodol|sefydlog)",  # cy: dyddiad dechrau, cyfnod derbyn, derbyniad, dechrau unrhyw bryd, pryd ga i ddechrau, pa mor aml maen nhw'n dechrau
    ), (  # cy: when one named course starts ("dyddiad dechrau Bioinformatics 2", "pryd ga i ddechrau PB2") is its release date
        r"\b(?:d?dechrau|d?dechra|(?:ch|c|g)ychwyn)(?:'r)? (?:[a-z]{2}\s?\d{1,2}|[a-z]+ (?:[a-z]+ )?[1-9])\b" + _CY_UNIT_AFTER,
    )),
    ("weekly_workload", None, (
        r"\bhours? (?:a|per|each|every) week", r"\bhow many hours", r"\bhow much time (?:a|per|each|every) week",
        r"\b(?:weekly|per week) (?:time|hours|commitment|workload)", r"\bworkload", r"\btime commitment", r"\bstudy hours",
        r"\bhours (?:of )?study", r"\b(?:a lot|lots) of work\b", r"\bhow much (?:work|study|effort)", r"\bhow intense",
        r"\b(?:h?oriau|awr|hours?|noson|nosweithiau|amser|astudio|gwaith|waith|d?darllen|ymdrech|hrs)(?:'r| (?:yr|bob|pob|y|o|per|a|yn yr|yr))? wythnos\b", r"\b(?:amser|ymrwymiad|ymdrech|astudio|h?oriau|gwaith|waith|darllen) (?:[\w']+ )?wythnosol", r"\bl?lwyth g?waith", r"\bymrwymiad amser", r"\b(?:h?oriau|amser) (?:o )?astudio\b", r"\bsawl (?:awr|noson)\b", r"\bfaint o (?:h?oriau|awr|hours?)\b", r"\b(?:lot|llawer|lwyth|dipyn) o (?:waith|astudio)\b", r"\bfaint o (?:waith|astudio|dd?arllen|ymdrech)\b", r"\bpa mor (?:drwm|ddwys|heriol|brysur)\b",  # cy: oriau yr wythnos, sawl awr, llwyth gwaith, ymrwymiad amser, faint o waith bob wythnos, pa mor drwm
    ), ()),
    ("visas", None, (
        r"\bvisas?\b", r"\btier ?4\b", r"\bstudent route\b", r"\bimmigration\b",
        r"\b[fv]isa(?:u|s)?\b", r"\bmewnfudo\b", r"\bllwybr myfyriwr\b",  # cy: fisa, fisâu (fisau once accents are dropped), mewnfudo
    ), (r"\bmastercard\b|\b(?:ngh|c|g)erdyn visa\b|\bvisa (?:debit|debyd|card|electron)\b",)),
    ("certificates", None, (
        r"\bcertificat", r"\bcertified\b", r"\b(?:digital |open )?badges?\b", r"\btranscripts?\b", r"\b(?:cv|linkedin)\b",
        r"\b(?:proof|evidence|record|confirmation) (?:of|that) (?:my |i |the )?(?:completion|completing|study|studying|attendance|passing|passed|finished|completed)",
        r"\bsomething (?:to show|i can show)\b", r"\bwhat proof\b", r"\b(?:get|receive) anything (?:at the end|when i finish|afterwards)", r"\bshow (?:to )?(?:my )?(?:employer|boss|manager) (?:that|what)\b",
        r"\b(?:nh|th|t|d)ystysgrif", r"\b[bfm]athodyn", r"\b(?:nh|t|d)rawsgrifiad(?:au)?\b", r"\b(?:ph|b|p)rawf (?:o (?:[gc]wblhau|(?:ng|g)?orffen|[bp]asio|astudio|bresenoldeb|bresenoldeb)|(?:fy )?[mf]od i wedi|fod (?:i )?wedi|bod (?:i )?wedi)", r"\bpa (?:b|p)rawf (?:dwi'n|ydw i'n|fydda i'n|ga i|gaf i|wna i) (?:ei )?(?:g|c)ael\b", r"\b(?:rh|r)ywbeth (?:i'?w |i |alla i |y galla i |y gallaf )?(?:(?:rh|r)oi|d?dangos) (?:ar|i)\b", r"\b(?:c|g)ael (?:rh|r)ywbeth (?:ar y diwedd|wedyn|ar ol (?:ng|g)?orffen|ar ol [bp]asio|ar ol [cg]wblhau)", r"\bi d?dangos (?:fy |y )?[mf]od i\b", r"\bi d?dangos i (?:fy |y |'r )?(?:ngh|c|g)yflogwr",  # cy: tystysgrif, fy nhystysgrif, bathodyn digidol, trawsgrifiad, prawf mod i wedi gorffen, rhywbeth i'w ddangos
    ), (
        r"\b(?:grades?|marks?|percentage|say pass|pass or)\b", r"\bpg ?cert", r"\bpostgraduate certificate",
        r"\b(?:ng|g)?radd(?:au)?\b", r"\b[mf]arc(?:iau)?\b", r"\bcanran\b", r"\b[pb]asio neu [fm]ethu\b", r"\bdystysgrif ol-?raddedig|\btystysgrif ol-?raddedig",
    )),
    ("recognition", None, (
        r"\bcpd\b", r"\baccredit", r"\b(?:employers|industry) recogni[sz]e", r"\brecogni[sz]ed by (?:employers|industry)",
        r"\bdpp\b", r"\bh?achred", r"\b(?:ch|c|g)ydnabyddiaeth", r"\b[cg]ydnabod gan (?:(?:g|c)yrff|(?:g|c)yflogwyr|y diwydiant|d?diwydiant)", r"\b[gc]yrff proffesiynol", r"\b(?:ch|c|g)yflogwyr (?:yn |'n )?(?:eu )?(?:[cg]ydnabod|[gc]werthfawrogi|[pb]archu)",  # cy: DPP, wedi'i achredu, cydnabyddiaeth broffesiynol, cydnabod gan gyrff proffesiynol, cyflogwyr yn eu gwerthfawrogi
    ), ()),
    ("accessibility", None, (
        r"\bdisab", r"\bdyslexi", r"\bdyspraxi", r"\baccessib", r"\bscreen ?readers?\b", r"\b(?:visual|hearing)(?:ly)? impair",
        r"\b(?:deaf|blind)\b", r"\badhd\b", r"\bautis", r"\bneurodiver", r"\breasonable adjustments?", r"\bextra time\b",
        r"\bsubtitle", r"\bcaptions?\b", r"\b(?:additional|special) (?:learning |educational )?needs", r"\bpartially sighted\b",
        r"\blearning (?:difficult|disabilit|differences?)", r"\bspecific learning\b", r"\bmental health\b", r"\bchronic (?:illness|condition|pain)",
        r"\bwheelchair", r"\b(?:more|additional) time (?:for|on|in) (?:the |my )?(?:assessment|test|exam|report)", r"\bspld\b", r"\bdsa\b",
        r"\btext[- ]to[- ]speech\b", r"\b(?:large|bigger) (?:print|text|font)", r"\b(?:support|help) for (?:disabled|dyslexic|deaf|blind)",
        r"\bh?anabl", r"\bd?dyslecs", r"\bd?dysprac?s", r"\bawtis", r"\bh?ygyrch", r"\b(?:d?darllenydd|d?darllenwr|chwyddwr|[cg]hwyddwr) sgrin", r"\bnam (?:ar (?:y |fy |ei )?)?(?:golwg|ngolwg|olwg|clyw|nghlyw|glyw)", r"\b(?:b|f)yddar\b", r"\b(?:rhannol )?d?dall\b", r"\brhannol (?:dd|d)all", r"\bis-?deitl", r"\b(?:ch|c|g)apsiyn", r"\baddasiad(?:au)? (?:rhesymol|ar gyfer)|\baddasiadau\b|\bh?addasu'?r? (?:asesiad|deunydd|prawf)", r"\bamser ychwanegol\b", r"\b(?:ng|h)?anghenion (?:ychwanegol|arbennig|dysgu|addysgol)", r"\b(?:h|dd)?anhawster(?:au)? dysgu|\b(?:h)?anawsterau dysgu|\bgwahaniaethau dysgu", r"\biechyd meddwl\b", r"\b(?:ch|c|g)yflwr(?:au)? (?:iechyd|cronig)|\b(?:ch|c|g)yflyrau (?:iechyd|cronig)|\bsalwch cronig|\bpoen cronig", r"\b(?:ch|c|g)adair olwyn", r"\bprint (?:bras|mawr)", r"\btestun[- ](?:i|i'?r)[- ](?:l|ll)(?:ais|eferydd)", r"\bniwroamrywi",  # cy: anabledd, ei hanabledd, dyslecsia/ddyslecsia, awtistiaeth, hygyrch, darllenydd sgrin, nam ar y golwg, byddar, dall, isdeitlau
    ), ()),
    ("resits", "resit_after_fail", (
        r"\bre-?sits?\b", r"\bre-?tak(?:e|ing)\b", r"\bre-?submi", r"\bre-?do\b", r"\b(?:another|second|2nd) (?:go|attempt|chance|try)\b",
        r"\bhow many attempts", r"\bif (?:i|you) (?:fail|don't pass|do not pass)", r"\bfail(?:ed)? (?:the|my)\b",
        r"\b(?:doesn't|does not|didn't|did not) pass\b", r"\b(?:sit|take|do) it again\b",
        r"\bail[- ]?sefyll", r"\bail[- ]?gyflwyn", r"\bail[- ]?(?:gynnig|gyfle|gais|gymryd|wneud|neud|dro)\b", r"\b(?:ch|c|g)ynnig(?:ion)? arall\b|\b(?:ch|c|g)yfle arall\b", r"\bsawl (?:c|g)ynnig|\bfaint o (?:g|c)ynigion|\bfaint o weithiau (?:[\w']+ ){0,3}?(?:ail)?sefyll", r"\b[mf]ethu(?:'r| y| yr| fy)? ?" + _CY_ASSESSMENT + r"\b", r"\b(?:os|be os|beth os|be fydd os|be sy'?n digwydd os) (?:dwi|dw i|ydw i|rwy|wi|bydda i|fydda i|y bydda i|ydy|yw|dydy)(?:'n| yn)? " r"(?:(?:fy |'r |yr |y )?(?:[\w']+ )?)?(?:yn |'n )?(?:[mf]ethu|ffeilio|fail)\b(?=\s*(?:$|[,.?!]|,? (?:ga|alla|oes|be|beth|ydw|fydda|wedyn|y tro|tro|ar y|ar yr)\b))", r"\b(?:nes i|wnes i|ges i|wedi) [mf]ethu(?:'r|, | o )", r"\bd(?:dim|im) yn (?:[pb]asio|llwyddo|cyrraedd y marc)", r"\bos na (?:fydda|wna|wnaf|fyddaf|lwydda|basia) i\b|\bheb (?:[pb]asio|lwyddo) (?:y tro cynta|tro cynta)", r"\b(?:ei|o|e|hi|nhw) (?:wneud|neud|sefyll|gymryd|chymryd) (?:o |e |hi )?eto\b", r"\b(?:ga i|alla i|cael|gallu|ca i) (?:ei |o )?(?:d|t)rio (?:o |e )?eto\b", r"\bsefyll (?:[\w']+ )?eto\b", r"\bffeilio\b",  # cy: ailsefyll, ailgyflwyno, ail gyfle, cynnig arall, os dwi'n methu (the test, not "methu talu"), ei wneud eto, trio eto
    ), ()),
    ("top_up_deadline", "top_up_deadline", (
        _TOP_UP + r" (?:fee )?deadline", r"\bdeadline (?:to|for) (?:pay(?:ing)? )?(?:the |my |a )?" + _TOP_UP,
        r"\bhow late can i (?:leave )?(?:paying|pay)", r"\b(?:cut[- ]?off|closing|last) (?:date|day) (?:for|to) (?:pay|paying)\b",
        r"\bwhen (?:do|must|should|can) i (?:have to )?pay (?:the |my )?" + _TOP_UP,
        r"\btime limit .{0,20}" + _TOPPING, r"\bpay(?:ing)? (?:the |my )?" + _TOP_UP + r" (?:later|after|at the end|once)",
        r"\bwhen (?:is|are) (?:the |my )?" + _TOP_UP + r"(?: fee| payment)? (?:due|payable)",
        r"\bwhen (?:must|should|do|does|will|would|can|has) (?:the |my )?" + _TOP_UP + r"(?: fee)? (?:have to )?(?:be )?paid",
        r"\bhow (?:long|soon|late|many (?:months|weeks|years)) .{0,50}" + _TOPPING, r"\b(?:until|till|up to) when\b .{0,30}" + _TOPPING,
        r"\b(?:can|could|may) (?:i|we|you) (?:still |only )?" + _TOPPING + r"\b.{0,30}\b(?:afterwards|too late|(?:years?|months?|weeks?) (?:later|after|on))\b",
        r"\b(?:latest|last) (?:date |day |time |point )?(?:i can |to |for |by which )?(?:pay(?:ing)? )?(?:the |my )?" + _TOPPING,
        r"\b(?:can|could) i (?:still )?" + _TOPPING + r" (?:\w+ ){0,4}(?:after|once|when) (?:i'?ve |i have |the course |it )?(?:finish|finished|ended|ends|passed|completed|over)",
        r"\bis there (?:a |any )?(?:time limit|deadline|limit) (?:on|for|to) " + _TOPPING, r"\bby when\b .{0,30}" + _TOP_UP,
        r"\b(?:nh|dd|d)yddiad (?:cau|olaf)\b.{0,25}" + _CY_TOP_UP, r"\b(?:nh|dd|d)yddiad (?:cau|olaf) (?:i|ar gyfer) " + _TALU, r"\bterfyn(?:au)? amser\b.{0,25}" + _CY_TOP_UP, r"\bdeadline\b.{0,15}" + _CY_TOP_UP, r"\b" + _CY_TOP_UP + r"\b.{0,10}\bdeadline", r"\bpa mor hwyr\b.{0,40}(?:" + _TALU + "|" + _CY_TOP_UP + ")", r"\b(?:faint o amser|pa mor hir|pa mor fuan|am faint)\b.{0,50}" + _CY_TOP_UP, r"\b(?:tan|hyd|erbyn) pryd\b.{0,30}" + _CY_TOP_UP, r"\bpryd\b.{0,30}" + _TALU + r"(?:'r| y| yr)? (?:[\w£']+ )?" + _CY_TOP_UP, r"\bpryd\b.{0,25}" + _CY_TOP_UP + r".{0,20}\b(?:d?daladwy|d?dyledus)\b", r"\b" + _TALU + r"(?:'r| y| yr)? (?:[\w£']+ )?" + _CY_TOP_UP + r"\b.{0,30}\b(?:yn hwyrach|wedyn|ar ol|ar y diwedd|yn nes ymlaen|nes ymlaen|yn ddiweddarach|ymhen|[fb]lwyddyn|misoedd)\b", r"\b" + _CY_TOP_UP + r"\b.{0,30}\b(?:[fb]lwyddyn|misoedd|wythnosau|flynyddoedd) (?:yn ddiweddarach|wedyn|ar ol)|\b" + _CY_TOP_UP + r"\b.{0,30}\byn rhy hwyr\b", r"\b(?:alla|ga|gallaf|galla) i (?:dal |dal i |d?dal i )?" + _CY_TOP_UP + r"\b.{0,30}\b(?:ar ol|wedi i|unwaith)\b",  # cy: dyddiad cau ar gyfer y ffi ychwanegol, pa mor hwyr alla i dalu, tan pryd alla i dopio i fyny, ei thalu wedyn
    ), ()),
    ("extensions", None, (
        r"\bextensions?\b", r"\bextend\b", r"\bdefer", r"\bpause", r"\b(?:take|taking) a break\b", r"\binterrupt",
        r"\b(?:not|don't|do not|didn't|can't) finish (?:in|within) (?:the |a )?(?:year|time)",
        r"\bestyniad", r"\b(?:y)?mestyn\b|\bestyn\b", r"\b(?:ng|g)?ohiriad|\b(?:ng|g)?ohirio (?:fy |y |'r |tan |am |i |nes |ein |d?dechrau|astudio|(?:ngh|c|g)wrs|(?:ngh|c|g)ofrestriad|lle)", r"\bseibi(?:ant|annau)\b|\bsaib\b|\bcymryd egwyl\b", r"\boedi(?:'r| y| fy)? (?:[\w']+ )?(?:astudiaethau|astudio|(?:ngh|c|g)wrs|(?:ngh|c|g)ofrestriad|lle|[mf]icrogym\w*)\b|\boedi am (?:[\w']+ )?(?:gyfnod|dipyn|sbel|fis|flwyddyn)", r"\b[fm]wy o amser\b", r"\bmwy na (?:blwyddyn|flwyddyn)\b", r"\btu hwnt i'?r (?:f|b)lwyddyn", r"\b(?:ddim yn|methu) (?:ng|g)?orffen (?:o fewn|mewn|yn) (?:y |yr |'r )?(?:[fb]lwyddyn|amser)", r"\b(?:rh|r)ewi (?:fy |y |'r )?(?:(?:ngh|c|g)ofrestriad|(?:ngh|c|g)wrs|astudiaethau)",  # cy: estyniad, ymestyn, gohirio, oedi fy astudiaethau, seibiant, mwy o amser, mwy na blwyddyn
    ), ()),
    ("deadlines", None, (
        r"\bdeadlines?\b", r"\bdue dates?\b", r"\bcut[- ]?off\b", r"\bclosing dates?\b",
        r"\b(?:applications?|bookings?|enrolments?|registrations?) close", r"\blate (?:submission|penalt)",
        r"\bwhen (?:is|are) (?:the |my )?" + _ASSESSMENT + r" due\b",
        r"\b(?:nh|dd|d)yddiad(?:au)? (?:c|g)au\b", r"\bterfyn(?:au)? amser\b", r"\b(?:ch|c|g)eisiadau(?:'n| yn)? (?:c|g)au\b", r"\b(?:archebion|archebu|[cg]ofrestru|bwcio|[cg]ofrestriadau)(?:'n| yn)? (?:c|g)au\b", r"\berbyn pryd\b", r"\b(?:nh|dd|d)yddiad olaf\b", r"\bpa mor bell ymlaen llaw", r"\b(?:ch|c|g)yflwyn(?:o|iad)(?:'n| yn)? hwyr|\bcosb(?:au)? am (?:[\w']+ ){0,2}?(?:hwyr|yn hwyr)\b", r"\b" + _CY_ASSESSMENT + r"\b.{0,20}\bd?dyledus\b", r"\b(?:cyn|erbyn) pa (?:dd|d)yddiad",  # cy: dyddiad cau, terfyn amser, pryd mae ceisiadau'n cau, erbyn pryd, dyddiad olaf, cyflwyno'n hwyr
    ), ()),
    ("welsh", None, (
        r"\b(?:in|through|via) (?:the medium of )?welsh\b", r"\bwelsh[- ](?:medium|language|speakers?|versions?)\b",
        r"\bc?[gy]?cymraeg\b", r"\bgymraeg\b", r"\b(?:speak|write|study|learn) (?:in )?welsh\b",
        r"\b(?:ngh|ch)ymraeg\b", r"\bd?dwyieithog", r"\b(?:ch|c|g)yfrwng (?:y )?(?:g|c)ymraeg", r"\bdarpariaeth (?:g|c)ymraeg",  # cy: yn Gymraeg, drwy gyfrwng y Gymraeg, a Chymraeg, dwyieithog, darpariaeth Gymraeg (not "ga i siarad Cymraeg?")
    ), (_CY_CHAT_IN_WELSH, r"\b(?:ch|c|g)ymraeg i oedolion\b|\b(?:g|c)?wersi (?:c|g)ymraeg\b")),
    ("languages", None, (
        r"\b(?:other|different|which|what) languages?\b",
        r"\bieithoedd (?:eraill|gwahanol|heblaw)", r"\b(?:mewn|yn|drwy) (?:unrhyw )?iaith (?:arall|wahanol)\b", r"\b(?:ym )?(?:mha|pa) (?:iaith|ieithoedd)\b(?=.{0,40}\b(?:(?:ngh|ch|c|g)wrs|(?:ch|c|g)yrsiau|d?dysgu|addysgu|d?deunydd\w*|[mf]icrogym\w*|[mf]odiwl\w*))", r"\bsaesneg yn unig\b|\bdim ond (?:yn )?saesneg\b",  # cy: mewn ieithoedd eraill, ym mha iaith mae'r cwrs, Saesneg yn unig
    ), ()),
    ("technical_requirements", None, (
        r"\btechnical (?:requirements?|specs?|specifications?)", r"\bsystem requirements?", r"\b(?:ipad|tablet|chromebook)s?\b",
        r"\bwhat (?:computer|laptop|device|software|equipment|hardware|kit)\b", r"\binternet (?:speed|connection)", r"\bbroadband\b",
        r"\b(?:need|require)s? (?:a |an |any )?(?:special |particular |specific )?(?:computer|laptop|software|webcam|camera|microphone|headset|pc|mac|browser|equipment)\b",
        r"\bon (?:my|a|an) (?:phone|mobile|smartphone|ipad|tablet|mac|macbook|chromebook|android|iphone)\b", r"\bwi-?fi\b",
        r"\b(?:computer|laptop|device|hardware|software|it) (?:requirements?|specs?|specifications?|needs)\b", r"\bbrowsers?\b", r"\boperating systems?\b",
        r"\b(?:work|run)s? (?:on|with) (?:a |an |my )?(?:mac|macbook|linux|windows|chromebook|android|iphone|ipad|tablet|phone|mobile|pc)\b",
        r"\b(?:internet|broadband) (?:access|speed|connection|needed|required)", r"\bslow (?:internet|connection|broadband)", r"\bsoftware\b",
        r"\b(?:need|have|require|use|buy|get) (?:a |an |my |any |to have a )?(?:new |good |decent |powerful |fast |own )?(?:laptop|computer|pc|mac|tablet|webcam)s?\b",
        r"\b(?:microsoft office|ms office)\b", r"\bdownload (?:any|special|some) (?:programs?|apps?)", r"\bis there an app\b",
        r"\b(?:pc|computer|laptop|machine)\b (?:\w+ )?(?:be )?(?:good|powerful|fast|new) enough", r"\b(?:turn on|switch on|use) (?:my |a )?(?:camera|webcam|microphone|mic)\b",
        r"\b(?:ng|g)?ofynion (?:technegol|system|(?:ngh|c|g)yfrifiadur|tg|meddalwedd|caledwedd)", r"\b(?:pa|pa fath o|unrhyw|angen|hangen|rhaid cael|prynu|hen|newydd)(?: [\w']+){0,2}? (?:ngh|ch|c|g)yfrifiadur", r"\b(?:ngh|ch|c|g)yfrifiadur (?:pwerus|da|newydd|digon|arbennig|penodol|personol|[\w']+ ddigon)", r"\b(?:ng|g)?liniadur", r"\b(?:angen|hangen|fy|pa|ar|efo|gyda|prynu|hen|newydd|unrhyw) (?:[\w']+ )?laptop|\blaptop (?:pwerus|da|newydd|digon|efo|sy'?n)\b", r"\b[mf]eddalwedd", r"\b(?:ch|c|g)aledwedd", r"\bl?lechen", r"\b(?:nh|t|d)abled", r"\b(?:ng|g)?we-?gamera|\bwebcam", r"\b(?:ngh|ch|c|g)amera\b", r"\b[mf]eicroffon|\b[mf]eic\b|\bclustffon", r"\b(?:rh|r)yngrwyd (?:araf|gwael|da|cyflym|cryf)|\b(?:[cg]ysylltiad|(?:ngh|c|g)yflymder|[mf]ynediad) (?:i'?r |at y |y )?(?:rh|r)yngrwyd|\bband ?eang\b|\bwifi\b", r"\b(?:ph|mh|b|p)orwr", r"\bsystem weithredu", r"\boes (?:yna )?ap\b|\bap (?:ar gyfer|i'?r|symudol)\b", r"\bar fy (?:ff|mh)on\b|\b(?:ff|mh)on (?:glyfar|symudol|clyfar)", r"\bsignal (?:gwael|gwan|drwg)|\b[cg]ysylltiad (?:araf|gwael)", r"\b(?:defnyddio|ar|efo|gyda|ydy|yw) (?:fy |y |'r |[\w']+ )?(?:mac|macbook|windows|linux|chromebook|android|iphone|pc)\b", r"\b(?:rh|r)aglen(?:ni)? (?:penodol|arbennig|benodol|ychwanegol)", r"\bpa offer\b|\boffer (?:sydd|sy|arbennig|penodol|technegol|cyfrifiadur|tg)\b|\bangen (?:unrhyw )?offer\b", r"\b[mf]anyleb", r"\bl?lawrlwytho (?:unrhyw |rhyw )?(?:raglen|rhaglen|ap)\b",  # cy: gofynion technegol, pa gyfrifiadur, gliniadur, meddalwedd, llechen, gwe-gamera, porwr, cyflymder rhyngrwyd, ar fy ffôn # ("ydy o i gyd ar y cyfrifiadur?" asks whether it is online, which the page answers)
    ), ()),
    ("references", None, (
        r"\breferences?\b",
        r"\b(?:ng|g)?eirda(?:on)?\b", r"\b[cg]yfeirnod (?:gan|oddi wrth|i'?r? (?:swydd|[cg]yflogwr))", r"\btystlythyr",  # cy: geirda, geirdaon, cyfeirnod gan y darlithydd
    ), ()),
    ("tutor_support", None, (
        r"\btutors?\b", r"\blecturers?\b", r"\bmentor",
        r"\b(?:get|i'm|am) stuck\b", r"\bfeedback on\b", r"\bwho teaches\b", r"\bcourse (?:leader|coordinator|director)s?\b",
        r"\boffice hours\b", r"\b(?:one[- ]to[- ]one|1[- ]to[- ]1)\b", r"\b(?:academic|teaching) (?:staff|support)\b",
        r"\b(?:nh|th|t|d)iwtor(?:iaid|ied)?\b", r"\b(?:nh|dd|d)arlith(?:ydd|wyr)", r"\b[mf]entor", r"\bacademydd\b", r"\b(?:ch|c|g)ymorth (?:academaidd|tiwtor|gan d?diwtor|un i un)|\b(?:ch|c|g)efnogaeth academaidd|\bstaff (?:academaidd|addysgu)", r"\b(?:yn|'n) sownd\b", r"\badborth (?:ar|gan)\b", r"\bpwy sy'?n (?:ei |eu )?(?:d?dysgu|addysgu|marcio|ysgrifennu|arwain|rhedeg)\b", r"\barweinydd (?:y |'r )?(?:c|g)wrs|\b(?:ch|c|g)ydlynydd", r"\bun[- ]i[- ]un\b|\b1[- ]i[- ]1\b", r"\boriau swyddfa", r"\b(?:rh|r)ywun (?:i |ar gael i )(?:ofyn|holi|helpu|fy helpu|ateb)", r"\bpwy (?:dwi'n|ydw i'n|sy'n|dylwn i) (?:ei )?(?:holi|gofyn|ofyn|fy helpu|helpu)\b(?=.{0,40}\b(?:sownd|trafferth|deunydd|gwaith|[cg]wrs)\b)", r"\bofyn i (?:academydd|rywun)\b",  # cy: tiwtor, gan diwtor, darlithydd, mentor, yn sownd, adborth ar, pwy sy'n dysgu, arweinydd y cwrs, un i un
    ), ()),
    ("pass_rates", None, (
        r"\b(?:pass|success) rates?\b", r"\bhow many (?:people|students|learners) pass",
        r"\b(?:ch|c|g)yfradd(?:au)? (?:l|ll)wyddo|\b(?:ch|c|g)yfradd(?:au)? (?:b|p)asio", r"\bfaint o (?:b|p)obl (?:sydd |sy'?n |sy )?(?:yn )?(?:[pb]asio|l?lwyddo)", r"\bsawl (?:person|un|d?dysgwr|myfyriwr) (?:sydd |sy'?n |sy )?(?:yn )?(?:[pb]asio|l?lwyddo)", r"\bcanran (?:y |o )?(?:bobl|d?dysgwyr|myfyrwyr) (?:sydd |sy'?n )?(?:yn )?(?:[pb]asio|l?lwyddo)",  # cy: cyfradd llwyddo, y gyfradd basio, faint o bobl sy'n pasio
    ), ()),
    ("other_learners", None, (
        r"\bforums?\b", r"\bother (?:learners|students)\b", r"\b(?:class|cohort|group) sizes?\b", r"\bcohort",
        r"\bhow many (?:people|students|learners) (?:are )?(?:on|in|take|do)\b", r"\bgroup (?:projects?|work)\b",
        r"\bf?forwm|\bfforymau", r"\bd?dysgwyr eraill|\b[mf]yfyrwyr eraill", r"\bmaint (?:y |'r )?d?dosbarth", r"\bfaint o (?:b|p)obl (?:sydd |sy'?n |sy )?(?:ar|yn|ym|cymryd|gwneud|neud|astudio)\b", r"\bsawl (?:d?dysgwr|myfyriwr|person) (?:sydd |sy'?n |sy )?(?:ar|yn|ym)\b", r"\b(?:ngh|ch|c|g)arfan", r"\bg?waith (?:ng|g)?r[wu]p\b|\b(?:ph|b|p)rosiect (?:ng|g)?r[wu]p\b|\bgwaith tim\b", r"\b(?:ch|c|g)ymuned\b", r"\byn unigol\b",  # cy: fforwm, dysgwyr eraill, maint y dosbarth, faint o bobl sydd ar bob cwrs, carfan, gwaith grŵp, cymuned
    ), ()),
    ("assessment_location", None, (
        r"\b(?:sit|take|do) (?:the |my )?" + _ASSESSMENT + r" (?:from |while |when )?(?:abroad|overseas|remotely|from home|in another country)",
        r"\b" + _ASSESSMENT + r"\b.{0,40}\b(?:abroad|overseas|another country|remotely|travel)\b",
        r"\b(?:abroad|overseas|another country) .{0,30}\b(?:assessment|test|exam)", r"\bbe in the uk\b", r"\binvigilat", r"\bproctor",
        r"\bsefyll (?:y |'r |yr |ei |fy )?(?:" + _CY_ASSESSMENT + r" )?(?:[\w']+ ){0,2}?(?:o |yn )?(?:dramor|tramor|gartref|adref|o bell|mewn gwlad arall|(?:y )?tu allan i'?r du)\b", r"\b" + _CY_ASSESSMENT + r"\b.{0,40}\b(?:dramor|gwlad arall|tu allan i'?r du)\b", r"\b(?:dramor|tramor|gwlad arall)\b.{0,30}\b" + _CY_ASSESSMENT + r"\b", r"\b[bf]od yn y du\b", r"\bsefyll (?:[\w']+ ){0,2}yn y du\b", r"\b(?:g|c)?oruchwyli", r"\bcanolfan arholi", r"\b" + _CY_ASSESSMENT + r"\b.{0,60}\b[td]eithio\b",  # cy: sefyll yr asesiad o dramor / gartref / o bell, bod yn y DU, goruchwylio, canolfan arholi
    ), ()),
    ("results", None, (
        r"\b(?:get|receive|find out) (?:my |the )?(?:results?|marks?|outcome)", r"\bwhen will i (?:find out|know|hear)\b",
        r"\bhow long .{0,25}\b(?:marking|marked|results?)\b", r"\bmarking (?:time|period)",
        r"\b(?:c|g)ael (?:fy |y |'r |yr |eich )?(?:ngh|c|g)anlyniad", r"\b(?:pryd|faint o amser|pa mor fuan|pa mor hir|pa mor gyflym)\b.{0,40}\b(?:ngh|ch|c|g)anlyniad(?!au dysgu)", r"\b(?:ngh|ch|c|g)anlyniad(?:au)?(?:'n| yn)? (?:d?dod|[cg]yrraedd|barod|cael eu rhyddhau)", r"\bmarcio'?n (?:ei )?[gc]ymryd|\b(?:amser|cyfnod) marcio", r"\b(?:faint o amser|pa mor hir) (?:mae'?r |mae |y |fydd y )?marcio", r"\bpryd (?:ga i|fydda i'n|y ca i|dwi'n|ydw i'n|y bydda i'n|gaf i) (?:[\w']+ )?g?wybod (?:os|a|be|beth|fy)\b", r"\b[cg]lywed (?:yn ol )?(?:os|a) (?:dwi|ydw i|fy mod)",  # cy: cael fy nghanlyniad, pryd daw'r canlyniadau, faint o amser mae'r marcio'n ei gymryd, pryd ga i wybod os dwi wedi pasio
    ), ()),
    ("materials", None, (
        r"\baccess (?:to )?(?:the )?(?:course )?(?:materials?|content|videos?)", r"\bdownload (?:the )?(?:course )?(?:videos?|materials?|content)",
        r"\breading lists?\b", r"\btext ?books?\b", r"\b(?:buy|purchase) (?:any )?(?:books|materials)",
        r"\b(?:keep|still have|lose|retain|continue to have) (?:my |the |any )?access\b", r"\bhow long (?:do|will|can|would) (?:i|we|you) (?:have|keep|get|retain) access",
        r"\baccess\b.{0,40}\b(?:after|once|when) (?:the |my |i )?(?:course|microcredential|module|finish|complete|end|it ends|it's over)",
        r"\b(?:materials?|content|videos?|notes|resources)\b.{0,30}\b(?:after (?:the course|i finish|it ends|completion|finishing)|afterwards|forever|for life)",
        r"\b[mf]ynediad (?:i|at)(?:'r| y| yr)? (?:d?deunydd|[cg]ynnwys|fideos|nodiadau|adnoddau|platfform)", r"\b(?:c|g)adw (?:fy |y |'r |yr )?[mf]ynediad|\b(?:c|g)adw(?:'r| y| yr) (?:d?deunydd|nodiadau|fideos|adnoddau|[cg]ynnwys)", r"\bcolli (?:fy |y |'r )?[mf]ynediad", r"\b[mf]ynediad\b.{0,40}\b(?:ar ol|wedi|unwaith|ar ddiwedd) (?:i mi |i'?r (?:c|g)wrs |y (?:c|g)wrs )?(?:orffen|gorffen|[cg]wblhau|ddod i ben|dod i ben|(?:c|g)wrs|diwedd)", r"\b(?:d?deunydd\w*|nodiadau|fideos|adnoddau|[cg]ynnwys)\b.{0,40}\b(?:o hyd ar ol|ar ol (?:i mi )?(?:orffen|gorffen|[cg]wblhau)|wedyn|am byth|am oes|ar ol y (?:c|g)wrs)", r"\bl?lawrlwytho(?:'r| y)? (?:[\w']+ )?(?:fideos|d?deunydd|[cg]ynnwys|nodiadau)", r"\b(?:rh|r)estr(?:au)? d?darllen", r"\bg?werslyfr", r"\b(?:mh|b|p)rynu (?:unrhyw )?(?:l|ll)yfrau|\b(?:mh|b|p)rynu (?:unrhyw )?(?:d?deunyddiau|g?werslyfrau)",  # cy: mynediad at y deunyddiau, cadw'r nodiadau wedyn, lawrlwytho'r fideos, rhestr ddarllen, gwerslyfrau
    ), ()),
    ("syllabus", None, (
        r"\bsyllab", r"\bcurricul", r"\bcourse (?:content|outline|structure|breakdown|plan|programme)s?\b", r"\bmodule (?:content|outline|descriptors?)",
        r"\bcontents? of (?:the |each |a )?(?:course|module|microcredential)", r"\bwhat (?:will|do|would|shall) (?:i|we) (?:actually )?(?:learn|study|cover|be taught|be learning)", r"\bwhat (?:will|do|would) you (?:learn|study|be taught)\b",
        r"\bwhat(?:'s| is| gets| will be) (?:covered|taught)", r"\btopics (?:covered|included|taught)", r"\blearning (?:outcomes|objectives|aims)",
        r"\bwhat (?:topics|subjects|units|lessons|weeks) (?:are|does|do|will|is) (?:covered|taught|included|in it|it|each|this|that|the course|the module)\b", r"\b(?:week[- ]by[- ]week|weekly) (?:content|topics|plan|breakdown)",
        r"\bwhat (?:is|are) (?:in|inside) (?:the |each )?(?:course|module|microcredential)s?\b", r"\bcourse materials? (?:like|cover)",
        r"\b(?:see|look at|preview) (?:some |the |any )?(?:course )?(?:materials?|content) (?:before|first)",
        r"\b[mf]aes llafur|\bmeysydd llafur", r"\b(?:ch|c|g)wricwl", r"\b(?:ch|c|g)ynnwys (?:manwl|y (?:c|g)wrs|'r (?:c|g)wrs|(?:c|g)wrs|y modiwl|'r modiwl|pob modiwl|y [mf]icrogymhwyster|'r [mf]icrogymhwyster|y cyrsiau|'r cyrsiau)", r"\bh?amlinelliad", r"\bstrwythur (?:y |'r )?(?:c|g)wrs", r"\b(?:ch|c|g)anlyniadau dysgu|\bamcanion dysgu|\bnodau dysgu", r"\bbe(?:th)? (?:fydda i'n|fyddwn i'n|dwi'n|wna i|ydw i'n|fyddwn ni'n|fydda i yn|y bydda i'n|fyddai rhywun yn|fydd rhywun yn|fyddwch chi'n|fyddi di'n) (?:ei |eu )?d?dysgu\b", r"\bpa (?:b|p)ynciau (?:mae'?r (?:[cg]wrs|modiwl|[mf]icrogymhwyster)|mae o|mae e|mae'n|fydd y (?:[cg]wrs|modiwl)|sy'?n cael eu (?:cynnwys|dysgu|trafod) (?:yn|ar) (?:y |'r )?(?:[cg]wrs|modiwl|[mf]icrogymhwyster))" r"|\bpa (?:b|p)ynciau (?:fydda i'n|fyddwn i'n|wna i|dwi'n mynd i) (?:eu )?(?:d?dysgu|h?astudio)", r"\bbe(?:th)? (?:sydd|sy|fydd) (?:yn|ym mhob|ym|ar) (?:y |'r )?(?:(?:c|g)wrs|modiwl|[mf]icrogymhwyster)\b", r"\bbe(?:th)? (?:mae|fydd)(?:'r| y)? (?:(?:c|g)wrs|modiwl|[mf]icrogymhwyster|o|e)(?:'n| yn) (?:ei )?(?:[gc]ynnwys|[gc]wmpasu|ymdrin)", r"\bg?weld (?:rhywfaint o |peth o |ychydig o |rhai o )?(?:d?deunydd(?:iau)?|[cg]ynnwys) (?:y |'r )?(?:(?:c|g)wrs )?(?:cyn|yn gynta|gyntaf)", r"\bg?wers sampl|\bsesiwn blasu|\btreial am ddim",  # cy: maes llafur, cwricwlwm, cynnwys y cwrs, amlinelliad, canlyniadau dysgu, beth fydda i'n ei ddysgu, pa bynciau
    ), (_NAMED_COURSE,)),
    ("waiting_lists", None, (
        r"\bwait(?:ing)?[- ]?lists?\b", r"\bfully booked\b", r"\b(?:is|it's|are|course is|courses are|it is|already) full\b", r"\bsold out\b",
        r"\bnotif(?:y|ied|ication)", r"\b(?:email|e-mail|message|text|alert|ping) (?:me|us) (?:when|once|if|as soon as)\b",
        r"\bbe (?:told|notified|informed|emailed|alerted|contacted|kept updated) (?:when|once|if|as soon as|about)", r"\b(?:register|express|note|log) (?:my |an )?interest",
        r"\bput (?:my name|me) down\b", r"\bno (?:places|spaces|spots) left", r"\bmailing list\b", r"\bkeep me (?:updated|posted|informed)",
        r"\b(?:rh|r)estr(?:au)? aros", r"\b(?:(?:ngh|c|g)wrs(?:iau)?|mae o|mae e|mae hi|mae'?r (?:[cg]wrs|[cg]yrsiau|set)|ydy o|ydy e|ydy hi|ydy'?r (?:[cg]wrs|[cg]yrsiau|set))(?:'n| yn) (?:barod )?l?lawn\b" r"(?=\s*(?:$|[,.?!]|,? (?:be|beth|oes|ga|alla|sut|pryd|ydy|felly|ac|a|yn barod|eto|nawr|rwan)\b))", r"\bwedi (?:eu |ei )?(?:g|c)werthu(?: i gyd)?(?: allan)?\b|\bwedi (?:eu |ei )?l?lenwi\b", r"\bdim (?:lle|lleoedd|llefydd)(?: ar ol| ar gael| yn weddill)", r"\b[hn]?ysbysu\b|\bhysbysiad", r"\b(?:c|g)ael (?:gwybod|wybod|fy hysbysu|e-?bost|neges) (?:pan|pryd|unwaith|cyn gynted|os|am)\b", r"\b(?:e-?bostio|e-?bostiwch|anfon(?:wch)? (?:e-?bost|neges) (?:at|ata)|tecstio|tecstiwch|negesu) (?:fi|i|mi|ni|ata i|ataf)?\b.{0,20}?\b(?:pan|pryd|unwaith|cyn gynted)\b", r"\b(?:c|g)ofrestru (?:fy |ein )?[nd]iddordeb|\b[mf]ynegi (?:fy |ein )?[nd]iddordeb|\bnodi (?:fy |ein )?[nd]iddordeb", r"\b(?:rh|r)estr (?:b|p)ostio|\b(?:rh|r)estr e-?bost", r"\b(?:rh|r)oi fy enw (?:i lawr|ar (?:y |restr))", r"\b(?:c|g)adw(?:wch)? (?:fi|ni)(?:'n| yn) (?:gyfredol|gyfoes|wybodus)|\bcadw(?:wch)? (?:fi|ni) yn y lwp",  # cy: rhestr aros, mae'r cwrs yn llawn, wedi gwerthu allan, dim lle ar ôl, cael gwybod pan fydd yn agor, e-bostio fi pan, mynegi diddordeb
    ), ()),
    ("student_status", None, (
        r"\bstudent (?:card|status|id)\b", r"\bnus\b", r"\blibrary\b", r"\bgraduation\b", r"\bbecome an? .{0,25}\bstudent\b",
        r"\b(?:ngh|ch|c|g)erdyn (?:myfyriwr|nus|adnabod myfyriwr|myfyrwyr)", r"\bstatws myfyriwr", r"\bl?lyfrgell", r"\b(?:seremoni|diwrnod) g?raddio\b", r"\b(?:d|dd)od yn [mf]yfyriwr|\b[bf]od yn [mf]yfyriwr|\b[mf]yfyriwr (?:cofrestredig|llawn|go iawn|swyddogol)", r"\b(?:e-?bost|cyfeiriad e-?bost) (?:y )?(?:p|b)rifysgol", r"\btreth y cyngor", r"\bundeb (?:y )?myfyrwyr", r"\b(?:ch|c|g)yfleusterau'?r (?:b|p)rifysgol",  # cy: cerdyn myfyriwr, statws myfyriwr, llyfrgell, seremoni raddio, dod yn fyfyriwr, e-bost prifysgol, treth y cyngor
    ), ()),
    ("credit_expiry", None, (
        r"\bcredits? (?:ever )?expire", r"\bcredits? (?:are |be )?(?:valid|last)\b", r"\bhow long (?:are|do|will) (?:the |my )?credits",
        r"\b" + _CREDYD + r"(?:au)?(?:'n| yn)? (?:dal yn |dal i )?(?:dod i ben|d?darfod|d?dilys|para)\b", r"\b(?:am faint|pa mor hir) (?:mae|y mae|fydd|bydd)(?:'r| y)? " + _CREDYD,  # cy: ydy'r credydau'n dod i ben, am faint maen nhw'n ddilys
    ), ()),
    ("report_topic", None, (
        r"\bchoose (?:the |my )?(?:topic|subject|title)",
        r"\bd?dewis (?:fy |y |'r |ei )?(?:(?:mh|b|p)wnc|(?:nh|t|d)estun|(?:nh|t|d)eitl)\b",  # cy: dewis pwnc fy adroddiad
    ), ()),
    ("induction", None, (
        r"\binduction\b", r"\blog-?in (?:details)?\b", r"\blog in details\b", r"\busername\b", r"\bpassword\b", r"\bonboarding\b",
        r"\b(?:ch|c|g)yfnod ymsefydlu|\bymsefydlu\b|\b(?:ch|c|g)ynefino|\bsesiwn (?:gyflwyno|groeso)|\b(?:ch|c|g)yflwyniad i'?r (?:c|g)wrs", r"\b[mf]anylion (?:i )?[mf]ewngofnodi|\b(?:c|g)ael (?:fy |y )?(?:manylion )?[mf]ewngofnodi", r"\benw defnyddiwr", r"\b(?:ngh|ch|c|g)yfrinair", r"\b(?:c|g)ael [mf]ynediad (?:ar ol|wedi|unwaith) (?:i mi )?" + _TALU,  # cy: cyfnod ymsefydlu, cyflwyniad i'r cwrs, manylion mewngofnodi, cyfrinair, cael mynediad ar ôl talu
    ), ()),
)  # fmt: skip

_TEXT_SPEAK: Mapping[str, str] = {
    "u": "you", "ur": "your", "r": "are", "wot": "what", "wat": "what", "wht": "what", "hw": "how", "cn": "can",
    "mny": "many", "hrs": "hours", "hr": "hour", "wk": "week", "wks": "weeks", "reqs": "requirements",
    "req": "requirement", "cert": "certificate", "certs": "certificates", "pls": "please", "plz": "please",
    "wen": "when", "shd": "should", "cud": "could", "wud": "would", "b4": "before", "thru": "through", "im": "i'm",
    "ive": "i've", "dont": "don't", "doesnt": "doesn't", "cant": "can't", "whats": "what's", "uni": "university",
}  # fmt: skip
_WORD = re.compile(r"[a-z0-9']+")
RULES: Mapping[str, Callable[[], NotCovered]] = {
    "resit_after_fail": resit_after_fail,
    "top_up_deadline": top_up_deadline,
}


@dataclass(frozen=True)
class SilentTopic:
    """A topic the page says nothing about, and the rule-module function that words that, if there is one."""

    id: str  # its label, "refunds", "whether courses are taught in Welsh", is in bot/answers/texts/not_covered.yaml
    rule: Optional[str] = None  # a key of RULES


@dataclass(frozen=True)
class _Row:
    """One compiled row of the table."""

    topic: SilentTopic
    patterns: Tuple[Pattern[str], ...]
    unless: Tuple[Pattern[str], ...]


def _compile(table: Sequence[Tuple[str, Optional[str], Tuple[str, ...], Tuple[str, ...]]]) -> Tuple[_Row, ...]:
    """The table's rows with their patterns compiled; an unknown rule name is a mistake in the table."""
    rows = []
    for topic_id, rule, patterns, unless in table:
        if rule is not None and rule not in RULES:
            raise ValueError(f"silent topic {topic_id}: unknown rule {rule!r}")
        rows.append(_Row(SilentTopic(topic_id, rule), tuple(map(re.compile, patterns)), tuple(map(re.compile, unless))))
    return tuple(rows)


_ROWS = _compile(TABLE)
TOPICS: Tuple[SilentTopic, ...] = tuple(row.topic for row in _ROWS)
_BY_ID: Dict[str, SilentTopic] = {topic.id: topic for topic in TOPICS}


def _without_accents(text: str) -> str:
    """Welsh as often typed, without its accents: "ôl" -> "ol", "fisâu" -> "fisau", "grŵp" -> "grwp"."""
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    )


def normalise(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces, common text-speak spelt out."""
    text = " ".join(_without_accents(text.lower()).replace("\u2019", "'").replace("\u2018", "'").split())
    return _WORD.sub(lambda match: _TEXT_SPEAK.get(match.group(0), match.group(0)), text)


def _earliest(row: _Row, text: str) -> Optional[Tuple[int, int]]:
    """(start, -length) of the row's earliest, longest match in the text, or None."""
    if any(pattern.search(text) for pattern in row.unless):
        return None
    found = [(match.start(), -len(match.group(0))) for pattern in row.patterns if (match := pattern.search(text))]
    return min(found) if found else None


def silent_topic(text: str) -> Optional[SilentTopic]:
    """The page-silent topic a message asks about (the earliest mention wins), or None."""
    text = normalise(text)
    best: Optional[Tuple[Tuple[int, int, int], SilentTopic]] = None
    for index, row in enumerate(_ROWS):
        where = _earliest(row, text)
        if where is not None and (best is None or (*where, index) < best[0]):
            best = ((*where, index), row.topic)
    return best[1] if best else None


def topic(topic_id: str) -> SilentTopic:
    """The table's topic with this id (KeyError if there is none)."""
    return _BY_ID[topic_id]


def rule_note(silent: Optional[SilentTopic]) -> Optional[NotCovered]:
    """What the rule module says about the page's silence on this topic, when it has a function for it."""
    if silent is None or silent.rule is None:
        return None
    return RULES[silent.rule]()
