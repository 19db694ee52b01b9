"""Patterns of site chrome that several rules and the document context share.

Kept apart from the rules table (`newspipe.clean.rules`) so that the table reads as a list
of rules. Each pattern names a kind of chrome found across news sites in English, Spanish,
French and German, never one site's strings.
"""

from __future__ import annotations

import re

# A paragraph about the writer ("Jane Doe is a reporter covering ..."). Candidates only:
# such a sentence can be news, so `lines` keeps it as body unless it comes after the last
# paragraph of the article.
BIO_SENTENCE = re.compile(
    r"^[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){1,3}\s+"
    r"(?:is|was|has\s+been|has|covers|writes|reports|es|est|a\s+été)\s+"
    r"(?:[\w’'-]+\s+){0,6}?"
    r"(?:journalist|reporter|correspondent|writer|editor|columnist|contributor|author|"
    r"freelancer|blogger|periodista|reportera?|redactora?|corresponsal|editora?|"
    r"journaliste|rédact(?:eur|rice)|correspondante?|chroniqueur|chroniqueuse)s?\b",
)
# A sentence that asks the reader to act for the site ("Need more space? Subscribe to our
# sister title ...", "Like this story? Share it with a friend!", "Get access to our Pro
# service ..."): an imperative call followed by the reader, the site or a platform.
# Candidates only: `classify` takes such prose out of the article at its edges. On the
# tuned half of the benchmark pages as text, 128 lines on 60 pages, 2 of them an article's.
READER_PITCH = re.compile(
    r"^(?:follow|get|join|subscribe|sign\s+up|like|share|download|check\s+out|need|want|"
    r"don['’]t\s+miss|never\s+miss|start\s+your|stay|listen|watch|read|sign\s+in|log\s+in|"
    r"register|become|support|try)\b.{0,300}?\b(?:you|your|yours|our|us|facebook|twitter|"
    r"instagram|youtube|newsletters?|podcasts?|app|it\s+with\s+a\s+friend)\b",
    re.IGNORECASE,
)
# Section names a scraper keeps above the headline (the kicker); only in the header zone,
# where they are chrome. Inside an article the same words are a section heading.
SECTION_NAME = re.compile(
    r"^(?:news|world(?:\s+news)?|politics|business|economy|markets|money|sports?|opinion|"
    r"reviews?|photos?|videos?|features?|podcasts?|galler(?:y|ies)|interviews?|"
    r"editorials?|analysis|comment|tech(?:nology)?|science|health|culture|arts|"
    r"entertainment|lifestyle|travel|local|national|international|breaking(?:\s+news)?|"
    r"live|exclusive|middle\s+east|africa|asia|europe|americas|us|u\.s\.|uk|latest(?:\s+news)?|"
    r"top\s+(?:news|stories)|noticias|internacional|mundo|política|economía|deportes|"
    r"opinión|actualidad|actualités?|monde|politique|économie|société|sport)$",
    re.IGNORECASE,
)
RELATED_HEADING = re.compile(
    r"^(?:related|latest|more(?=\s*:)|trending(?:\s+now)?|recommended(?:\s+for\s+you)?|"
    r"most\s+(?:popular|read|viewed|shared|watched|commented|recent)|"
    r"read\s+(?:more|next|also)|also\s+read|see\s+also|further\s+reading|popular|"
    r"more\s+(?:[\w’'-]+\s+)?(?:stories|news|articles|headlines|coverage)|"
    r"more\s+(?:on\s+this\s+(?:story|topic)|"
    r"from\s+[\w’'.-]+(?:\s+[\w’'.-]+){0,3})|"
    r"you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested\s+in)|"
    r"(?:in\s+)?other\s+news|elsewhere(?:\s+(?:today|this\s+week))?|also\s+in\s+the\s+news|"
    r"otras\s+noticias|en\s+otras\s+noticias|autres\s+actualités|ailleurs|en\s+bref|"
    r"top\s+(?:stories|news|headlines|reads)|editor[’']?s?\s+picks?|what\s+to\s+read\s+next|"
    r"explore\s+more(?:\s+on\s+(?:these|this)\s+topics?)?|also\s+(?:on|in|from)\s+"
    r"[\w’'.&-]+(?:\s+[\w’'.&-]+){0,3}|"
    r"(?:à\s+|a\s+)?lire\s+aussi|sur\s+le\s+même\s+sujet|dans\s+la\s+même\s+rubrique|"
    r"les\s+plus\s+lus|nos\s+articles\s+(?:les\s+plus\s+lus|récents)|"
    r"lee\s+también|te\s+puede\s+interesar|más\s+(?:noticias|leídas?|vistas?)|"
    r"noticias\s+relacionadas|lo\s+más\s+(?:leído|visto)|leer\s+más|relacionad[oa]s|"
    r"ver\s+también|artículos\s+relacionados|articles?\s+(?:liés|similaires|connexes)|"
    r"weiterlesen|mehr\s+zum\s+thema|lesen\s+sie\s+auch|auch\s+interessant|"
    r"das\s+könnte\s+sie\s+(?:auch\s+)?interessieren|meistgelesen)"
    r"(?:\s+(?:stories|articles|news|posts|headlines|coverage|content|links|reads|videos))?"
    r"\s*[:.!»›>-]*$",
    re.IGNORECASE,
)
SOCIAL = (
    r"(?:facebook|twitter|x|linkedin|whatsapp|telegram|reddit|pinterest|instagram|"
    r"tiktok|youtube|threads|bluesky|mastodon|email|e-mail|print|copy\s+link|messenger|"
    r"flipboard|tumblr|sms)"
)
# Words one of which every caption credit and every promo line holds (cheap prefilters).
# A photo caption or credit: a credit in brackets, a line opening with a credit label, an
# agency's credit at the end, or a caption sentence closed by its credit.
PHOTO_CAPTION = (
    # "(Photo: Jane Doe)", the agency's form "(AP Photo/Jane Doe, File)", "[File: AP]"
    r"[(\[]\s*(?:(?:AP|AFP|Reuters|Getty|EPA|PA|Xinhua|Bloomberg)\s+)?(?:photo|"
    r"photograph|image|picture|pic|credit|crédit|crédito|foto|fotografía|illustration|"
    r"file\s+photo|file\s*:)s?(?:\b|(?<=:))[^()\[\]]{0,80}[)\]]\s*\.?$|"
    r"^(?:photo|photograph|image|picture|pic|foto|fotografía|fotografia|imagen|imágenes|imagem|"
    r"immagine|immagini|crédit\s+photo|"
    r"photo\s+credit|credit|crédit|crédito|illustration|file\s+photo|caption)"
    r"s?\s*(?::|/|by\b|—|–)|"
    # "Image copyright AP", "Image caption The mayor ...", "Image Credit: X"
    r"^(?:image|photo|picture)\s+(?:copyright|caption|credit|source)\b|"
    # ... also after the caption's last sentence: "... in Kabul. Getty"
    r"(?:/\s*|\s\|\s|\bvia\s+|©\s*|[.!?][\"'”’»]*\s+)(?:getty(?:\s+images)?|afp|reuters|"
    r"ap(?:\s+photo)?|epa(?:-efe)?|"
    r"anadolu(?:\s+agency)?|shutterstock|xinhua|efe|dpa|bloomberg|alamy|pa\s+(?:images|"
    r"wire)|sipa|abaca|zuma(?:\s+press)?|imago)(?:\s+file(?:\s+photo)?)?\s*[)\]]?\.?$|"
    # a caption sentence closed by its credit: "... on Tuesday. Photograph: Jane Doe"
    r"(?:[.!?][\"'”’»]*|\s[|–—])\s+(?:photo(?:graph)?|picture|image|foto(?:grafía)?|credit|"
    r"crédit|crédito|illustration|bild)s?\s*(?::|by\b|\.\.\.|…)\s*[^.!?]{1,60}$|"
    r"[.!?]\s+©\s*[^.!?©]{1,60}$"
)
CAPTION_WORDS = ("photo", "pic", "image", "credit", "crédit", "crédito", "foto", "illustration")
CAPTION_WORDS += ("caption", "bild", "©", "/", "via", "file", "getty")
PROMO_WORDS = ("your", "doctor", "this", "little", "genius", "won", "see", "find", "learn")
PROMO_WORDS += ("médic", "médecin", "ärzte")
# A label over a paid placement; the line under it is the advertiser's headline
# (`newspipe.clean.classify` takes it out with the marker). Generic advertisement labels
# ("Advertisement", "Anzeige") are not among them: the article often goes on under those.
SPONSORED_MARKER = re.compile(
    r"^(?:sponsored(?:\s+(?:content|links?|stories|posts?|by\b.*))?|paid\s+(?:content|post|"
    r"partnership)|partner\s+content|promoted(?:\s+(?:content|stories|links?))?|"
    r"(?:contenido\s+)?patrocinado|publirreportaje|contenu\s+(?:sponsorisé|partenaire)|"
    r"sponsorisé|gesponsert)[.:]?$",
    re.IGNORECASE,
)
# A menu printed as one line: three or more short items between spaced separators
# (`News | World | Business`, `Norway · Sweden · Denmark`, or links a scraper spaced out:
# `Home   About   Archive`). A headline has one separator at most (before the site name); a
# table row starts or ends with one, or holds numbers.
_MENU_SEPARATOR = re.compile(r"\s+[|·•/]\s+|\s{3,}")
_MENU_ITEM = re.compile(r"^[^\W\d_][^.!?:;,]*$")


# One link of a site's navigation or account bar, alone on its line or in a row of them.
NAV_ITEM = (
    r"home|menu|search|skip\s+to\s+(?:main\s+)?content|log\s*in|sign\s*in|register|"
    r"log\s*out|sign\s*(?:up|out)|my\s+account|subscribe|iniciar\s+sesi[oó]n|"
    r"cerrar\s+sesi[oó]n|reg[ií]strate|mi\s+cuenta|suscr[ií]bete|salir|se\s+connecter|"
    r"connexion|se\s+d[ée]connecter|mon\s+compte|s['’]inscrire|s['’]abonner|anmelden|"
    r"abmelden|registrieren|mein\s+konto|abonnieren|create\s+(?:an\s+)?account|acceder|entrar|"
    r"suscr[ií]bir(?:se|te)|reg[ií]str(?:ar)?se|crear\s+(?:una\s+)?cuenta|s['’]identifier|"
    r"cr[ée]er\s+(?:un|mon)\s+compte|mon\s+espace|"
    r"close|back\s+to\s+top|top|next|previous|prev|next\s+(?:article|story|post)|"
    r"previous\s+(?:article|story|post)|print|print\s+this\s+(?:page|article)|email|"
    r"listen(?:\s+to\s+(?:this\s+)?article)?|open\s+in\s+app|loading\.*|inicio|portada|"
    r"accueil|buscar|rechercher|menú|anterior|siguiente|suivant|précédent"
)
_NAV_ITEM_ALONE = re.compile(rf"^(?:{NAV_ITEM})[.:]?$", re.IGNORECASE)
# (links joined by a conjunction too: `Log in or register`, `Se connecter ou créer un compte`)
_LINK_SEPARATOR = re.compile(r"\s*[|·•]\s*|\s+/\s+|\s{3,}|\s+(?i:or|ou|o)\s+")


def account_link(text: str) -> bool:
    """One account or subscription link alone (`Log in`, `Mon compte`, `Subscribe`)."""
    return _ACCOUNT_LINK.match(text.strip()) is not None


_ACCOUNT_LINK = re.compile(
    r"^(?:log\s*in|sign\s*in|register|sign\s*up|my\s+account|subscribe(?:\s+now)?|"
    r"create\s+(?:an\s+)?account|iniciar\s+sesi[oó]n|reg[ií]strate|mi\s+cuenta|suscr[ií]bete|"
    r"acceder|suscr[ií]bir(?:se|te)|se\s+connecter|connexion|mon\s+compte|s['’]inscrire|"
    r"s['’]abonner|s['’]identifier|mon\s+espace|anmelden|registrieren|mein\s+konto|abonnieren)"
    r"[.:!]?$",
    re.IGNORECASE,
)


def article_tool(text: str) -> bool:
    """One of an article's own tools alone (`Listen to this article`, `Print`, `Email`)."""
    return _ARTICLE_TOOL.match(text.strip()) is not None


_ARTICLE_TOOL = re.compile(
    r"^(?:listen(?:\s+to\s+(?:this\s+)?article)?|print(?:\s+this\s+(?:page|article))?|email|"
    r"open\s+in\s+app|(?:next|previous)\s+(?:article|story|post))[.:]?$",
    re.IGNORECASE,
)


def nav_item_row(text: str) -> bool:
    """Two or more navigation or account links and nothing else."""
    items = [item for item in _LINK_SEPARATOR.split(text.strip()) if item]
    return len(items) >= 2 and all(_NAV_ITEM_ALONE.match(item) for item in items)


def menu(text: str) -> bool:
    items = _MENU_SEPARATOR.split(text)
    return len(items) >= 3 and all(
        _MENU_ITEM.match(item) and len(item.split()) <= 3 for item in items
    )


# The opening of a comment thread: its counter (`23 comments`, `Comments (4)`, `[ 167
# comments ]`, `12 thoughts on “Title”`, `3 responses to “Title”`) or its heading (`Top
# rated comments`, `Leave a reply`, `Join the discussion`). A thread comes after the article
# (see `newspipe.clean.span`), so once the article has begun nothing after it is body.
COMMENT_THREAD = re.compile(
    r"^[\[(]?\s*(?:(?:\d[\d,.]*|no|one)\s+)?(?:comments?|replies|responses|thoughts|"
    r"reactions|comentarios?|respuestas|commentaires?|réactions|kommentare?)"
    r"(?:\s*[(\[]\d[\d,.]*[)\]])?\s*[\])]?(?:\s+(?:on|to|en|a|sur|à|zu)\s+\S.*)?[:.]?$|"
    r"^(?:top\s+(?:rated\s+)?comments|most\s+(?:liked|recent)\s+comments|"
    r"leave\s+an?\s+(?:reply|comment)|post\s+a\s+comment|join\s+the\s+(?:conversation|discussion)|"
    r"comments\s+are\s+closed|be\s+the\s+first\s+to\s+comment|"
    r"(?:deja|dejar|escribe)\s+(?:un|una|tu)\s+(?:comentario|respuesta)|"
    r"laisser\s+un\s+commentaire|(?:\d+\s+)?comments?\s+feed|kommentar\s+schreiben)\b",
    re.IGNORECASE,
)
_PRONOUNS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "i",
        "we",
        "you",
        "one",
        "who",
        "someone",
        "everyone",
        "él",
        "ella",
        "ellos",
        "il",
        "elle",
        "ils",
        "elles",
        "er",
        "sie",
        "es",
    ]
)
# A comment's own lines: who wrote it (`thelastchargersfan says:`, `Milan Griffes on
# September 12, 2018 at 4:47 pm said:`) and the actions under it (`Reply`, `Rating: 12
# Votes`, `Permalink`, `Like · Reply · 3`). A present-tense "says:" after a name is how
# comment systems introduce a comment; "said:" needs the comment's time on the line, since
# articles introduce quotes with "He said:".
_COMMENTER = re.compile(
    r"^(?P<name>[^\s:]+(?:\s+[^\s:]+){0,3})\s+(?:says|dice|dit|sagt|escribe|écrit|schreibt)\s*:$",
    re.IGNORECASE,
)
_DATED_COMMENTER = re.compile(
    r"^\S.{0,60}?\s(?:on|el|le|am)\s+.*\d.*\s(?:said|says|wrote|dijo|escribió|a\s+écrit|"
    r"schrieb)\s*:$",
    re.IGNORECASE,
)
_COMMENT_ACTIONS = re.compile(
    r"^(?:(?:reply|responder|répondre|antworten|report|flag|like|permalink|quote|"
    r"(?:\d+\s+)?(?:likes?|points?|votes?|upvotes?)|rating:\s*[-+]?\d+\s+votes?)"
    r"(?:\s*[|·•]\s*|\s+)?)+[↓↑]?$",
    re.IGNORECASE,
)


def comment_meta(text: str) -> bool:
    if _COMMENT_ACTIONS.match(text) or _DATED_COMMENTER.match(text):
        return True
    match = _COMMENTER.match(text)
    return match is not None and match["name"].casefold() not in _PRONOUNS


# A category line (`Posted in Local News`, `Filed under: Politics, Courts`, `Publicado en
# Deportes`, `Catégorie : Société`): the post's place on the site, never its headline. A
# word that may open a headline (`Section 106 deal agreed`) counts only before a colon.
CATEGORY_LINE = re.compile(
    r"^(?:(?:(?:posted|filed|published|listed|categori[sz]ed)\s+(?:in|under)|"
    r"publicado\s+en|archivado\s+en|publié\s+dans|classé\s+dans|veröffentlicht\s+in|"
    r"kategorie|rubrique|sección|categoría)\s*:?\s+\S|"
    r"(?:cat[ée]gories?|category|categor[ií]as?|categoria|section|secci[oó]n|ressort|rubrik)"
    r"\s*:\s*\S)",
    re.IGNORECASE,
)
# A search box printed as text: `Search`, `Search for:`, `Search …`, `Type your search`,
# or the box's placeholder naming the site, which ends in an ellipsis or a colon (`Buscar
# en Diario del Sur...`, `Rechercher sur le site :`), unlike a headline ("Search for
# missing climber called off").
_SEARCH_VERB = r"(?:search|buscar|rechercher|suche(?:n)?|cerca|pesquisar)"
SEARCH_BOX = re.compile(
    rf"^(?:{_SEARCH_VERB}(?:\s+(?:for|this\s+site|the\s+site|form|news|articles|[\w.]+))?|"
    r"type\s+(?:your\s+)?search(?:\s+(?:term|here))?|enter\s+(?:your\s+)?(?:search|keywords?)|"
    r"búsqueda|recherche|pesquisa)(?:\s*:\s*search)?\s*[:…\.]*$",
    re.IGNORECASE,
)
SEARCH_PLACEHOLDER = re.compile(
    rf"^{_SEARCH_VERB}\s+(?:in|on|en|sur|dans|auf|em|no|na)(?:\s+[\w'’.&-]+){{1,5}}"
    r"\s*(?:…|\.\.\.|:)$",
    re.IGNORECASE,
)
# Words of the controls a page prints around an article: sharing, printing, account,
# comment and navigation links. A line made of nothing else (`Subscribe Sign In`, `Share
# Tweet Email`, `Permalink 34 Comments Feed for comments Back to top`) is chrome however
# its words are arranged; it needs one of the control words proper, so that a heading made
# of common words ("More to come") is not one.
_CONTROL_WORDS = frozenset(
    [
        "share",
        "shares",
        "sharing",
        "tweet",
        "tweets",
        "email",
        "e-mail",
        "print",
        "reply",
        "replies",
        "comment",
        "comments",
        "permalink",
        "subscribe",
        "subscription",
        "unsubscribe",
        "login",
        "logout",
        "log",
        "sign",
        "register",
        "signup",
        "rss",
        "feed",
        "feeds",
        "facebook",
        "twitter",
        "linkedin",
        "whatsapp",
        "pinterest",
        "reddit",
        "telegram",
        "instagram",
        "youtube",
        "flipboard",
        "messenger",
        "newsletter",
        "newsletters",
        "bookmark",
        "save",
        "copy",
        "link",
        "url",
        "compartir",
        "comentarios",
        "comentario",
        "imprimir",
        "suscríbete",
        "suscribirse",
        "registrarse",
        "partager",
        "commentaires",
        "commentaire",
        "imprimer",
        "abonnez-vous",
        "s'abonner",
        "connexion",
        "teilen",
        "kommentare",
        "kommentar",
        "drucken",
        "abonnieren",
        "anmelden",
    ]
)
_FILLER_WORDS = frozenset(
    [
        "in",
        "up",
        "out",
        "on",
        "off",
        "to",
        "top",
        "back",
        "for",
        "of",
        "the",
        "this",
        "a",
        "an",
        "and",
        "or",
        "all",
        "more",
        "view",
        "show",
        "hide",
        "next",
        "previous",
        "prev",
        "home",
        "menu",
        "close",
        "search",
        "now",
        "here",
        "via",
        "opens",
        "new",
        "window",
        "tab",
        "story",
        "article",
        "page",
        "post",
        "en",
        "de",
        "la",
        "el",
        "por",
        "sur",
        "le",
        "les",
        "du",
        "auf",
        "zum",
        "den",
        "die",
    ]
)
_TOKEN = re.compile(r"[\w'’-]+")


def chrome_phrase_run(text: str) -> bool:
    tokens = [t.casefold() for t in _TOKEN.findall(text)]
    words = [t for t in tokens if not t.isdigit()]
    if len(words) < 2:
        return False
    control = sum(w in _CONTROL_WORDS for w in words)
    return control > 0 and all(w in _CONTROL_WORDS or w in _FILLER_WORDS for w in words)


# An e-mailed newsletter's own frame: `View this email in your browser`, `You are receiving
# this email because ...`, `Vous recevez ce courriel car ...`, `Recibes este correo ...`.
EMAIL_FRAME = (
    r"^(?:view|read|open)\s+(?:this|it|the)\s+(?:e-?mail|message|newsletter|issue)\s+"
    r"(?:in|on)\s+(?:your|a|the)\s+(?:web\s+)?browser|"
    r"^(?:ver|abrir)\s+(?:este|el)\s+(?:correo|e-?mail|mensaje|boletín)\s+en\s+"
    r"(?:el|tu|su|un)\s+navegador|"
    r"^(?:voir|afficher|lire)\s+(?:cet?|la\s+version\s+(?:web|en\s+ligne)\s+de\s+ce(?:tte)?)\s*"
    r"(?:e-?mail|courriel|message|lettre|newsletter)(?:\s+dans\s+(?:votre|le|un)\s+navigateur)?|"
    r"^you\s+(?:are\s+receiving|received|get)\s+this\s+(?:e-?mail|message|newsletter)|"
    r"^(?:recibes|has\s+recibido)\s+este\s+(?:correo|e-?mail|mensaje|boletín)|"
    r"^vous\s+(?:recevez|avez\s+reçu)\s+(?:ce(?:t|tte)?)\s+(?:e-?mail|courriel|message|lettre)"
)
