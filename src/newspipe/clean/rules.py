"""The line rules of the cleaning stage, in one table.

Cleaning labels every raw line of an article body, metadata, boilerplate or repeat. This
module holds the rules that decide from a line's own text: `RULES` lists each one with the
reason label it writes to `line_labels.reason`, the label it assigns, its pattern, the
longest line it may fire on (chrome is short; a long line is prose even when it mentions
cookies), whether it may fire on a line that reads as a sentence, and the zone of the
document where it applies (`any`, `edge`: before the first or after the last paragraph of
prose, `header`: before the first, `header_below_top`: there but not on the page's first
line, `outside_header`: anywhere but the header). The rules name kinds of site chrome found
across news sites in English, Spanish, French and German, never one site's strings: prompts
are matched by their calls to action (subscribe, share, follow, become a member), menus by
their shape (three or more short items between spaced separators), native ads by their promo
phrasing, bylines that name an agency or a desk by the newsroom words in them. What the text
alone cannot decide (title, masthead, tagline, the headline under a "Sponsored" marker,
related-story blocks, author bios, newsletter blurbs, the trailing footer, repeats, lines
that recur across a site) is decided from document context in `newspipe.clean.classify` and
`newspipe.clean.crossdoc`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from newspipe.clean import credits, dates
from newspipe.clean import metadata as md
from newspipe.clean.patterns import (
    CAPTION_WORDS,
    CATEGORY_LINE,
    COMMENT_THREAD,
    EMAIL_FRAME,
    NAV_ITEM,
    PHOTO_CAPTION,
    PROMO_WORDS,
    RELATED_HEADING,
    SEARCH_BOX,
    SEARCH_PLACEHOLDER,
    SECTION_NAME,
    SOCIAL,
    SPONSORED_MARKER,
    chrome_phrase_run,
    comment_meta,
    menu,
    nav_item_row,
)

BODY, METADATA, BOILERPLATE, REPEAT = "body", "metadata", "boilerplate", "repeat"


@dataclass(frozen=True)
class Rule:
    """One line rule. `test` sees the cleaned line (NFC, mojibake fixed, stripped)."""

    reason: str
    label: str
    test: Callable[[str], bool]
    max_words: int
    on_prose: bool = True
    zone: str = "any"


def _rx(pattern: str, needles: tuple[str, ...] = ()) -> Callable[[str], bool]:
    """A case-insensitive search. `needles`: words one of which every match contains, so
    the many long lines without any are skipped cheaply (an unanchored search with many
    alternatives costs tens of microseconds on a paragraph)."""
    compiled = re.compile(pattern, re.IGNORECASE)
    if not needles:
        return lambda text: compiled.search(text) is not None

    def search(text: str) -> bool:
        low = text.casefold()
        return any(n in low for n in needles) and compiled.search(text) is not None

    return search


def _found(extract: Callable[[str], object]) -> Callable[[str], bool]:
    return lambda text: extract(text) is not None


_NEWSLETTER_WORDS = re.compile(
    r"\bnewsletters?\b|\bin\s+your\s+inbox\b|\bboletín\b|\blettre\s+d['’]information\b|"
    r"\binfolettre\b|\bmailing\s+list\b",
    re.IGNORECASE,
)


def _newsletter_name(text: str) -> bool:
    """A name in capitals or title case holding a newsletter word (`Valley Newsletter`)."""
    return _NEWSLETTER_WORDS.search(text) is not None and md.name_shaped(text)


def _newsletter_words(text: str) -> bool:
    """A line about a newsletter or a mailing list, other than a newsletter's name."""
    return _NEWSLETTER_WORDS.search(text) is not None and not md.name_shaped(text)


# A subheading in capitals is a few words (`HOW TO USE A WATER BATH CANNER`); a headline in
# capitals, eight words or more, set between two paragraphs links to another story (on the
# tuned benchmark pages as text: 5 such lines on 2 pages, none of the article's; the
# article's own headings in capitals there have at most 7 words).
_CAPS_HEADLINE_MIN_WORDS = 8


def _caps_headline(text: str) -> bool:
    """A line all in capitals (a script without case has none) of
    `_CAPS_HEADLINE_MIN_WORDS` or more words with letters."""
    if not text.isupper():
        return False
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    return len(words) >= _CAPS_HEADLINE_MIN_WORDS


RULES: tuple[Rule, ...] = (
    # metadata: fields are read from these lines (newspipe.clean.metadata)
    Rule("origin_credit", METADATA, _found(md.credit_rest), 40),
    # date and byline on one line ("Posted on 2 May 2025 by Jane Doe"), before the bylines
    # so that the date is read too
    Rule("dateline_byline", METADATA, _found(md.dated_byline), 24, on_prose=False),
    Rule("byline", METADATA, _found(md.author_from_byline), 14, on_prose=False),
    # credits in a row: `Texto: Ana Ruiz · Fotos: Luis Gil`, `Jane Doe | Northwind Press`
    Rule("byline", METADATA, _found(credits.credits_byline), 14, on_prose=False, zone="header"),
    # a byline naming an agency ("By Northwind Press") credits the origin, not an author
    Rule("origin_credit", METADATA, _found(md.credit_from_byline), 14, on_prose=False),
    Rule("staff_credit", METADATA, md.staff_credit, 10, on_prose=False),
    # a newsroom byline ("By Gazette staff and agencies", "Redacción"): no author
    Rule("byline", METADATA, md.newsroom_credit, 10, on_prose=False, zone="header"),
    # ... and a unit's bare name (`Linwood Sports Desk`) but on a page's first line, where
    # it is the masthead: bylines come under the headline
    Rule("byline", METADATA, md.newsroom_name, 10, on_prose=False, zone="header_below_top"),
    Rule("author_bio", METADATA, _found(md.author_from_about), 7),
    Rule("author_link", METADATA, _found(md.author_from_link), 12),
    # a link to write to or follow the writer (`Email the author`, `Contacter l'auteur`)
    Rule(
        "author_contact",
        BOILERPLATE,
        _rx(
            r"^(?:(?:e-?mail|contact|follow|message|write\s+to)\s+(?:the\s+|this\s+)?"
            r"(?:author|reporter|writer|journalist)s?|(?:contacter|écrire\s+à|suivre)\s+"
            r"(?:l['’]auteur|le\s+journaliste|la\s+journaliste)|"
            r"(?:contactar\s+con|escribir|seguir)\s+(?:a\s+)?(?:al|el|la)\s+(?:autor|autora|periodista))"
            r"[.:]?$"
        ),
        6,
        on_prose=False,
    ),
    Rule("dateline", METADATA, dates.labelled_dateline, 16),
    # a dateline's place set apart by a dash or a bar (`Buenos Aires | 5 March 2024`)
    Rule("dateline", METADATA, md.place_dateline, 16, on_prose=False),
    # down to the time of day (`20 Nov 2019 08:00 GMT`): a dateline wherever it stands
    Rule("dateline", METADATA, dates.is_timestamp, 16),
    Rule("dateline", METADATA, dates.bare_dateline, 16, zone="edge"),
    Rule(
        "author_bio",
        BOILERPLATE,
        _rx(
            r"^(?:about\s+the\s+(?:author|writer|reporter)|sobre\s+el\s+autor|"
            r"à\s+propos\s+de\s+l['’]auteur|l['’]auteur|el\s+autor)\s*:?$"
        ),
        5,
    ),
    # boilerplate
    Rule(
        "cookie_notice",
        BOILERPLATE,
        _rx(
            r"\b(?:we|this\s+(?:web)?site|our\s+(?:web)?site|this\s+website|our\s+partners)\s+"
            r"(?:and\s+our\s+partners\s+)?(?:uses?|utilise|store|set)\s+cookies\b|"
            r"^accept\s+(?:all\s+)?cookies\b|\baccept\s+all\s+cookies\b|\bcookies?\s+(?:policy|settings|preferences|consent|"
            r"notice|banner)\b|\bby\s+(?:continuing|using|browsing)\s+(?:to\s+(?:use|browse)\s+)?"
            r"(?:this|our)\s+(?:site|website)|\b(?:utilizamos|usamos)\s+cookies\b|"
            r"\beste\s+sitio\s+(?:web\s+)?(?:utiliza|usa)\s+cookies\b|"
            r"\b(?:nous\s+utilisons|ce\s+site\s+utilise)\s+des\s+cookies\b|"
            r"\bconsent\s+to\s+(?:the\s+use\s+of\s+)?cookies\b|\bpolítica\s+de\s+cookies\b|"
            r"\bgestion\s+des\s+cookies\b|\bwe\s+value\s+your\s+privacy\b|"
            r"\b(?:wir\s+(?:verwenden|nutzen)|diese\s+(?:website|webseite|seite)\s+(?:verwendet|nutzt))\s+"
            r"cookies\b|\b(?:questo\s+sito|utilizziamo|usiamo)\s+(?:utilizza\s+|usa\s+)?(?:i\s+)?"
            r"cookie\b|\b(?:este\s+site|nós)\s+(?:utiliza|usa|utilizamos|usamos)\s+cookies\b",
            needles=("cookie", "privacy"),
        ),
        90,
    ),
    Rule(
        "consent_button",
        BOILERPLATE,
        _rx(
            r"^(?:accept(?:\s+all)?|reject(?:\s+all)?|decline|agree|i\s+agree|i\s+accept|ok|okay|"
            r"got\s+it|allow(?:\s+all)?|manage\s+(?:preferences|settings|options|cookies|consent)|"
            r"cookie\s+settings|privacy\s+settings|more\s+options|aceptar(?:\s+todo)?|rechazar|"
            r"tout\s+accepter|accepter|refuser|tout\s+refuser|paramétrer|(?:alle\s+)?akzeptieren|"
            r"(?:alle\s+)?ablehnen|einstellungen)[.!]?$"
        ),
        4,
    ),
    Rule(
        "newsletter_prompt",
        BOILERPLATE,
        _rx(
            r"^(?:sign\s+up\b|subscribe\b|suscr[ií]bete|reg[ií]strate|abonnez[- ]vous|"
            r"inscrivez[- ]vous|stay\s+(?:updated|informed|up[- ]to[- ]date|in\s+the\s+know|"
            r"connected|tuned)|never\s+miss|get\s+(?:the\s+latest|our|breaking|the\s+best)|"
            r"enter\s+your\s+e-?mail|want\s+(?:more|the\s+latest)|join\s+(?:our|the)\s+"
            r"(?:newsletter|mailing\s+list|community)|recibe\s+(?:nuestro|las)|"
            r"recevez\s+(?:notre|nos|la)|(?:jetzt\s+)?abonnieren|melden\s+sie\s+sich|"
            r"(?:newsletters?|boletín|bulletin|infolettre)\s*[:—–-])"
        ),
        30,
    ),
    # an e-mailed newsletter's own frame (`View this email in your browser`)
    Rule(
        "newsletter_prompt",
        BOILERPLATE,
        _rx(
            EMAIL_FRAME,
            needles=("browser", "navegador", "navigateur", "this", "este", "vous", "cet", "ce "),
        ),
        20,
    ),
    Rule("newsletter_prompt", BOILERPLATE, _newsletter_words, 15, on_prose=False),
    # ... but a newsletter's name alone (`APPLEGARTH VILLAGE NEWSLETTER`) above the
    # article is the masthead of the newsletter itself, read with the header
    Rule(
        "newsletter_prompt",
        BOILERPLATE,
        _newsletter_name,
        md.NEWSLETTER_NAME_MAX_WORDS,
        on_prose=False,
        zone="outside_header",
    ),
    # A newsletter's or a magazine's pitch written as sentences, at the article's edges:
    # what reaches the reader's inbox or letterbox, the promise not to spam, the consent
    # box ("Let our news meet your inbox. Stories that matter, every weekday morning.",
    # "No spam, we promise. You can unsubscribe at any time."). On the tuned half of the
    # benchmark pages as text, 28 such lines on 21 pages, none of them an article's.
    Rule(
        "newsletter_prompt",
        BOILERPLATE,
        _rx(
            r"\byour\s+(?:e-?mail\s+)?(?:inbox|mailbox|letterbox)\b|\bunsubscrib\w*|"
            r"\bno\s+spam\b|\bsubscribe\s+to\s+our\b|\bi\s+agree\s+that\s+.{1,60}\bsend\s+me\b|"
            r"\b(?:tu|su)\s+bandeja\s+de\s+entrada\b|\bdarte\s+de\s+baja\b|"
            r"\bsua\s+caixa\s+de\s+entrada\b|\bcancelar\s+(?:a\s+)?(?:sua\s+)?inscrição\b|"
            r"\bvotre\s+boîte\s+(?:mail|e-mail|aux\s+lettres|de\s+réception)\b|\bdésinscri\w*|"
            r"\b(?:ihr|dein)(?:em)?\s+(?:e-?mail-)?postfach\b|\bkein\s+spam\b|"
            r"\bnella\s+tua\s+(?:casella|e-?mail)\b|\bdisiscriv\w*|"
            r"\bна\s+(?:вашу|твою|свою)\s+почту\b|\bотписаться\b|\bбез\s+спама\b",
            needles=(
                "inbox",
                "mailbox",
                "letterbox",
                "unsubscri",
                "spam",
                "subscribe",
                "agree",
                "bandeja",
                "baja",
                "caixa",
                "inscri",
                "boîte",
                "postfach",
                "casella",
                "iscriv",
                "почт",
                "отпис",
                "спам",
            ),
        ),
        45,
        zone="edge",
    ),
    Rule(
        "paywall",
        BOILERPLATE,
        _rx(
            r"^(?:already\s+(?:a\s+subscriber|have\s+an\s+account)|subscribe\s+(?:now\s+)?to\s+"
            r"(?:continue|read|unlock)|you(?:['’]ve|\s+have)\s+(?:reached|read)\s+(?:your|the)\s+"
            r"|this\s+(?:article|content|story)\s+is\s+(?:for|only\s+available\s+to|exclusive\s+to)"
            r"\s+(?:subscribers|members)|(?:log|sign)\s*in\s+(?:to|or)\s+|create\s+(?:a\s+)?"
            r"(?:free\s+)?account|register\s+(?:now|for\s+free)|unlock\s+(?:this|unlimited|full)|"
            r"start\s+your\s+(?:free\s+)?trial|support\s+(?:our|independent|quality|local|"
            r"trusted)\s+(?:journalism|reporting|news(?:room)?|media)|"
            r"become\s+a\s+(?:member|subscriber|patron)|donate\s+(?:now|today)|"
            r"(?:contenido|artículo)\s+exclusivo\s+para\s+suscriptores|réservé\s+aux\s+abonnés|"
            # metered paywalls: "You have 3 free stories left"
            r"you\s+have\s+(?:\d+|one|no)\s+(?:more\s+)?(?:free\s+)?(?:articles?|stor(?:y|ies)|reads?|"
            r"pages)\s+(?:left|remaining)|(?:te|le)\s+queda(?:n)?\s+\d+\s+(?:artículos?|noticias)|"
            r"continue\s+reading\s+(?:with|for)\b|want\s+to\s+(?:read|keep\s+reading)\s+more|"
            r"(?:para|para\s+poder)\s+(?:seguir|continuar)\s+leyendo|inscr[ií]bete\s+(?:gratis\s+)?"
            r"para\s+(?:seguir|continuar)|pour\s+(?:lire|continuer)\s+(?:la\s+suite|à\s+lire)|"
            r"um\s+weiterzulesen|il\s+vous\s+reste\s+\d+\s+articles?|sie\s+haben\s+noch\s+\d+\s+"
            r"(?:kostenlose\s+)?artikel|hazte\s+(?:socio|miembro|suscriptor)|"
            r"(?:apoya|soutenez|unterstützen\s+sie)\s+(?:el|nuestro|le|notre|unseren?)\s+"
            r"(?:periodismo|journalisme|journalismus))"
        ),
        30,
    ),
    # a short line saying the story is for subscribers ("Cet article est réservé aux abonnés.")
    # or how much of it a subscription would unlock ("Il vous reste 72 % à découvrir.")
    Rule(
        "paywall",
        BOILERPLATE,
        _rx(
            r"\b(?:réservée?\s+aux\s+abonnés|nur\s+für\s+abonnenten|exclusiv[oa]\s+para\s+"
            r"(?:suscriptores|assinantes)|solo\s+para\s+suscriptores|riservat[oa]\s+agli\s+"
            r"abbonati|(?:esclusiv[oa]|solo)\s+per\s+(?:gli\s+)?abbonati|"
            r"apenas\s+para\s+assinantes)\b|"
            r"\bil\s+vous\s+reste\s+\d+\s?%|\b(?:te|le)\s+queda\s+(?:un|el)\s+\d+\s?%",
            needles=("abonn", "suscrip", "assinant", "abbonat", "%"),
        ),
        14,
    ),
    Rule(
        "comment_form",
        BOILERPLATE,
        _rx(
            r"^(?:leave\s+an?\s+(?:reply|comment)|post\s+a\s+comment|add\s+(?:a|your)\s+comment|"
            r"lascia\s+un\s+commento|annulla\s+risposta|deixe\s+(?:um|seu)\s+comentário|"
            # the form's button: "Post Comment", "Publicar comentario"
            r"(?:post|submit)\s+(?:your\s+)?comment[.!]?$|(?:publicar|enviar)\s+(?:el\s+)?"
            r"comentario[.!]?$|(?:publier|envoyer)\s+(?:le\s+)?commentaire[.!]?$|"
            r"write\s+a\s+comment|(?:view|show|load|read|see)\s+(?:all\s+|more\s+)?comments|"
            r"join\s+the\s+(?:conversation|discussion)|be\s+the\s+first\s+to\s+comment|"
            r"you\s+must\s+be\s+logged\s+in\s+to\s+(?:post\s+a\s+)?comment|cancel\s+reply|"
            r"(?:deja|dejar|escribe)\s+(?:un|una|tu)\s+(?:comentario|respuesta)|"
            r"laisser\s+un\s+commentaire|(?:ajouter|écrire)\s+un\s+commentaire|"
            r"(?:name|email|e-mail|website|comment|nombre|correo|nom|courriel)\s*\*?:?$)|"
            r"\byour\s+email\s+address\s+will\s+not\s+be\s+published\b|"
            r"\brequired\s+fields\s+are\s+marked\b|\bsave\s+my\s+name,\s+email\b|"
            r"\btu\s+dirección\s+de\s+correo\s+electrónico\s+no\s+será\s+publicada\b|"
            r"\bvotre\s+adresse\s+(?:e-mail|de\s+messagerie)\s+ne\s+sera\s+pas\s+publiée\b"
        ),
        30,
    ),
    Rule(
        "comment_counter",
        BOILERPLATE,
        _rx(
            r"^(?:(?:\d+|no)\s+)?(?:comments?|replies|responses|discussion|comentarios?|"
            r"commentaires?|réactions?|réagir|kommentare?)(?:\s*[(\[]\d+[)\]])?$"
        ),
        4,
    ),
    # a thread's counter or heading: `[ 167 comments ]`, `12 thoughts on “Title”`
    Rule("comment_counter", BOILERPLATE, COMMENT_THREAD.match, 20, on_prose=False),
    # a comment's byline and actions: `jdoe says:`, `Reply`, `Rating: 12 Votes`
    Rule("comment_meta", BOILERPLATE, comment_meta, 16, on_prose=False),
    Rule(
        "share_prompt",
        BOILERPLATE,
        _rx(
            r"^(?:share|shares|sharing|tweet|pin\s+it|email\s+this|compart(?:ir|e)|partager|partagez|"
            r"teilen)(?:\s+(?:this|on|via|article|story|post|page|the\s+article|the\s+story|"
            r"en|sur|cet\s+article|esta\s+noticia|este\s+artículo|with\s+\w+)\b.*)?[:!.]?$|"
            r"^\d[\d.,]*[km]?\s+(?:shares?|views?|likes?|reads?)$|"
            # "Click to share on Twitter (Opens in new window)"
            r"^(?:click|tap)\s+to\s+(?:share|email|print|tweet|pin)\b"
        ),
        12,
    ),
    Rule(
        "share_prompt",
        BOILERPLATE,
        _rx(
            rf"^(?:enviar|envoyer|send|senden|teilen|compartir|partager|share)\s+"
            rf"(?:por|par|via|by|per|à|a|en|on|sur|auf)\s+{SOCIAL}$"
        ),
        6,
    ),
    Rule(
        "follow_prompt",
        BOILERPLATE,
        _rx(
            r"^(?:follow|like)\s+(?:us|me|@\w+)\b|^(?:síguenos|siguenos|suivez[- ]nous|"
            r"folge\s+uns|find\s+us\s+on|connect\s+with\s+us)\b|"
            # "Follow The Gazette on Instagram and WhatsApp for the latest updates."
            rf"^(?:follow|sigue\s+a|suivez|folgen\s+sie)\s+(?:[\w&'’.-]+\s+){{1,5}}"
            rf"(?:on|en|sur|auf)\s+{SOCIAL}\b"
        ),
        15,
    ),
    Rule("social_links", BOILERPLATE, _rx(rf"^{SOCIAL}(?:\s*[|,·•/]?\s*{SOCIAL})*$"), 12),
    Rule("related_heading", BOILERPLATE, RELATED_HEADING.match, 8),
    Rule("related_link", BOILERPLATE, _caps_headline, 20, on_prose=False, zone="outside_header"),
    Rule(
        "related_link",
        BOILERPLATE,
        _rx(
            r"^\[?(?:related|read\s+more|read\s+also|also\s+read|see\s+(?:also|more)|more|also|"
            r"lire\s+aussi|à\s+lire\s+aussi|a\s+lire\s+aussi|lee\s+también|leer\s+más|"
            r"ver\s+también|leggi\s+anche|leia\s+também|veja\s+também|lesen\s+sie\s+auch|watch|"
            r"listen|video|vídeo|vidéo|recommended|must\s+read|don['’]t\s+miss|"
            r"related\s+(?:story|article|post|content))\s*[:|»›>]\s*\S|"
            # "Also on example.com: Another story"
            r"^also\s+(?:on|in|at)\s+[\w.-]+\.[a-z]{2,}\b"
        ),
        30,
    ),
    Rule(
        "photo_caption",
        BOILERPLATE,
        _rx(
            PHOTO_CAPTION,
            needles=CAPTION_WORDS,
        ),
        60,
    ),
    Rule(
        "advertisement",
        BOILERPLATE,
        _rx(
            r"^(?:advertisement|advertising|advert|ad|ads|sponsored(?:\s+content)?|paid\s+(?:content|post)|"
            r"partner\s+content|promoted(?:\s+content)?|publicité|publicidad|anuncio|anzeige|"
            r"pub|(?:story\s+)?continues\s+below(?:\s+(?:this\s+)?advertisement)?|"
            r"continue\s+reading\s+(?:below|the\s+main\s+story)|scroll\s+to\s+continue"
            r"(?:\s+with\s+content)?|article\s+continues\s+(?:below|after\s+(?:this\s+)?"
            r"advertisement)|la\s+suite\s+après\s+(?:cette\s+)?publicité)[.:]?$|"
            r"^(?:advertisement|advertising|publicité|publicidad|anzeige|werbung)[\s:|–—-]+"
            r"(?:scroll|continue|story|article|la\s+suite|sigue|weiter)\b"
        ),
        8,
    ),
    Rule("advertisement", BOILERPLATE, SPONSORED_MARKER.match, 8),
    # native advertising written as a headline, with or without a marker above it
    Rule(
        "promo",
        BOILERPLATE,
        _rx(
            r"\b(?:seniors|homeowners|drivers|retirees|people|residents)\s+in\s+your\s+"
            r"(?:area|state|city)\s+(?:are|who)\b|\bdoctors?\s+(?:are\s+)?(?:stunned|baffled|"
            r"hate|warn)\b|\bthis\s+one\s+(?:weird\s+|simple\s+|little\s+)?(?:trick|habit|"
            r"thing|food)\b|\blittle[- ]known\s+(?:trick|secret|loophole|gadget|device)|"
            r"\bgenius\s+(?:gadget|device|trick|invention)\b|\byou\s+won['’]t\s+"
            r"believe\b|[.!?]\s+(?:see|find\s+out|learn)\s+(?:why|how)[.!]?$|"
            r"\b(?:los\s+médicos\s+(?:no\s+)?(?:lo\s+)?(?:recomiendan|odian)|"
            r"les\s+médecins\s+(?:sont\s+)?(?:stupéfaits|détestent)|ärzte\s+(?:sind\s+)?"
            r"(?:sprachlos|verblüfft))\b",
            needles=PROMO_WORDS,
        ),
        25,
        on_prose=False,
    ),
    Rule("category", BOILERPLATE, CATEGORY_LINE.match, 12, on_prose=False),
    Rule(
        "tags",
        BOILERPLATE,
        _rx(
            r"^(?:tags?|topics?|filed\s+under|categories|category|keywords|related\s+topics|"
            r"etiquetas|temas|palabras\s+clave|mots[- ]clés|thèmes|sujets)\s*:"
        ),
        40,
    ),
    Rule(
        "copyright",
        BOILERPLATE,
        _rx(
            r"^(?:©|\(c\)\s|copyright\b)|\ball\s+rights\s+reserved\b|"
            r"\btodos\s+los\s+derechos\s+reservados\b|\btous\s+droits\s+réservés\b",
            needles=("©", "(c)", "copyright", "rights", "derechos", "droits"),
        ),
        40,
    ),
    # an opinion page's disclaimer (`The views expressed are the author's own.`)
    Rule(
        "disclaimer",
        BOILERPLATE,
        _rx(
            r"^(?:the\s+)?(?:views|opinions)\s+expressed\s+(?:in\s+this\s+\w+\s+)?(?:are|is)\s+"
            r"(?:those\s+of\s+the\s+author|the\s+author['’]s\s+own|(?:solely\s+)?the\s+writer['’]s)|"
            r"^las\s+opiniones\s+(?:expresadas|vertidas)\s+.{0,60}\b(?:autor|autora|autores)\b|"
            r"^(?:les\s+propos|les\s+opinions)\s+.{0,40}\bn['’]engagent\s+que\b|"
            r"^(?:die\s+)?(?:meinung|beiträge)\s+.{0,60}\bmuss\s+nicht\s+mit\b|"
            r"^(?:as\s+opiniões|le\s+opinioni)\s+(?:expressas|espressas?)\b",
            needles=("views", "opinion", "propos", "meinung", "beiträge", "opini"),
        ),
        30,
        zone="edge",
    ),
    # who publishes the site (`The Dalesman Weekly is published by Moorland Media Group`)
    Rule("copyright", BOILERPLATE, _found(credits.site_from_publisher_line), 24, zone="edge"),
    Rule(
        "navigation",
        BOILERPLATE,
        _rx(
            rf"^(?:{NAV_ITEM})[.:]?$|"
            r"^[\w’' ]{1,30}(?:\s*[>›»]\s*[\w’' ]{1,30}){2,}$|"
            # a breadcrumb of two capitalised items: "News > Quotas & Policy"
            r"^[^\W\d_][\w’'&]*(?:\s[\w’'&]+){0,3}\s+[>›»]\s+[^\W\d_][\w’'&]*(?:\s[\w’'&]+){0,3}$|"
            # a breadcrumb from the home page: "Inicio > Sucesos"
            r"^(?:home|inicio|portada|accueil|startseite|start)\s*[>›»/]\s*[\w’' ]{1,30}$"
        ),
        8,
    ),
    Rule("navigation", BOILERPLATE, menu, 24, on_prose=False, zone="edge"),
    # account and subscription links in a row: `Se connecter | S'abonner`, `Mi cuenta · Salir`,
    # `Se connecter ou créer un compte`
    Rule("navigation", BOILERPLATE, nav_item_row, 8, on_prose=False),
    Rule("search_box", BOILERPLATE, SEARCH_BOX.match, 6, on_prose=False),
    # the placeholder ends like a sentence ("Buscar en El Diario del Valle..."): on prose too
    Rule("search_box", BOILERPLATE, SEARCH_PLACEHOLDER.match, 9),
    Rule(
        "legal_links",
        BOILERPLATE,
        _rx(
            r"^(?:(?:read\s+our\s+)?(?:privacy|cookie)\s+(?:policy|notice|statement)|privacy|"
            r"terms(?:\s+(?:of\s+(?:service|use)|and\s+conditions|&\s+conditions))?|"
            r"imprint|impressum|datenschutz(?:erklärung)?|aviso\s+legal|"
            r"política\s+de\s+privacidad|mentions\s+légales|politique\s+de\s+confidentialité|"
            r"conditions\s+générales(?:\s+d['’]utilisation)?|accessibility|sitemap|about\s+us|"
            r"contact)(?:\s*[|·•]\s*[\w’' ]{2,30})*$"
        ),
        16,
        zone="edge",
    ),
    Rule(
        "reading_time",
        BOILERPLATE,
        _rx(
            r"^\d+\s*-?\s*(?:min(?:ute)?s?)(?:\.?\s+(?:read|de\s+lectura|de\s+lecture))?$|"
            r"^(?:reading\s+time|read\s+time|tiempo\s+de\s+lectura|temps\s+de\s+lecture)\b"
        ),
        8,
    ),
    Rule(
        "tech_notice",
        BOILERPLATE,
        _rx(
            r"\benable\s+javascript\b|\byour\s+browser\s+does\s+not\s+support\b|\bplease\s+"
            r"(?:enable|update)\s+your\s+browser\b|\bthis\s+(?:video|content)\s+(?:is\s+not\s+"
            r"available|cannot\s+be\s+played)\b|^loading\s+(?:comments|video|content)|"
            r"\bprotected\s+by\s+recaptcha\b"
        ),
        30,
    ),
    Rule(
        "contact_prompt",
        BOILERPLATE,
        _rx(
            r"^(?:report\s+an?\s+(?:error|typo|correction)|submit\s+a\s+(?:correction|tip)|"
            r"found\s+a\s+typo|(?:got|have)\s+a\s+(?:news\s+)?(?:tip|story)|contact\s+us|"
            r"send\s+us\s+(?:a\s+)?(?:tip|message|your)|¿?tienes\s+una?\s+(?:noticia|historia|"
            r"denuncia)|vous\s+avez\s+une\s+info)"
        ),
        25,
    ),
    Rule(
        "click_prompt",
        BOILERPLATE,
        _rx(
            r"^(?:click|tap)\s+here\b|^haz\s+clic\b|^cliquez\s+ici\b|"
            r"^(?:download|get)\s+(?:our|the)\s+(?:\w+\s+)?app\b|^(?:descarga|télécharge[rz])\s+"
            r"(?:nuestra|notre|l['’])\s*app"
        ),
        25,
    ),
    Rule(
        "image_placeholder",
        BOILERPLATE,
        _rx(
            r"^(?:image|photo|picture|video|embed|graphic|gallery|galería|galerie)"
            r"(?:\s+\d+(?:\s+(?:of|/|de|sur)\s+\d+)?)?$|"
            r"^\[(?:image|photo|video|embed|graphic)[^\]]*\]$"
        ),
        5,
    ),
    # a line of nothing but controls: `Subscribe Sign In`, `Share Tweet Email`
    Rule("controls", BOILERPLATE, chrome_phrase_run, 16, on_prose=False),
    Rule("stray_number", BOILERPLATE, _rx(r"^[#(\[]?\d{1,7}(?:[.,]\d+)?[km]?[)\]]?$"), 2),
    Rule("section_label", BOILERPLATE, SECTION_NAME.match, 3, zone="header"),
)

REASONS = frozenset(rule.reason for rule in RULES)
