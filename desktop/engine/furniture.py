"""Page furniture in the major languages: the words that mark teasers, credits, bylines and
share/subscribe/cookie lines. Plain data for ``cleaning``; each pattern matches lower-cased text.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator

# "Read more" / "related" markers: everything after one near the end of an article is teasers.
# Plain phrases, looked up by their first character: compiling them as alternatives of one
# expression cost 25 million instructions at every start.
_MORE = frozenset({
    "read more", "read next", "read also", "also read", "more on this", "more on this story",
    "more stories", "more news", "more from", "more in", "related", "related article",
    "related articles", "related stories", "related news", "related coverage", "related content",
    "related posts", "related links", "related topics", "related reading", "recommended",
    "recommended for you", "recommended stories", "recommended reading", "recommended articles",
    "you may also like", "you might also like", "further reading", "see also", "most read",
    "most popular", "most viewed", "top stories", "latest news",
    "lesen sie auch", "lesen sie weiter", "lesen sie mehr", "weiterlesen", "mehr zum thema",
    "mehr dazu", "mehr zu diesem thema", "mehr artikel", "mehr nachrichten", "mehr news",
    "das könnte sie interessieren", "das könnte sie auch interessieren", "auch interessant",
    "verwandte artikel", "verwandte themen", "ähnliche artikel", "meistgelesen", "zum thema",
    "weitere artikel",
    "lire aussi", "lire également", "lire la suite", "à lire aussi", "à lire également",
    "à lire la suite", "lisez aussi", "sur le même sujet", "voir aussi", "à voir aussi",
    "article liés", "article similaires", "article connexes", "articles liés",
    "articles similaires", "articles connexes", "les plus lus", "dans la même rubrique",
    "plus d'actualités",
    "leer más", "lea", "lea más", "lea también", "lee más", "lee también", "más noticias",
    "noticias relacionadas", "te puede interesar", "también te puede interesar",
    "artículos relacionados", "contenido relacionado", "lo más leído", "sigue leyendo",
    "seguir leyendo", "le puede interesar",
    "leggi anche", "leggi di più", "potrebbe interessare", "potrebbe interessarti",
    "ti potrebbe interessare", "ti potrebbe interessarti", "articoli correlati",
    "notizie correlate", "i più letti", "altre notizie",
    "leia também", "leia mais", "veja também", "saiba mais", "notícias relacionadas",
    "mais lidas", "você pode gostar", "você também pode gostar", "continue lendo",
    "lees ook", "lees meer", "lees verder", "gerelateerde artikelen", "meer nieuws",
    "meest gelezen", "bekijk ook",
    "čtěte také", "čtěte též", "čtěte dále", "související články", "související zprávy",
    "další zprávy", "nejčtenější",
    "czytaj też", "czytaj także", "czytaj również", "czytaj więcej", "czytaj dalej",
    "zobacz też", "zobacz także", "zobacz również", "najczęściej czytane", "powiązane artykuły",
    "läs också", "läs även", "läs mer", "relaterade artiklar", "mest lästa",
    "læs også", "læs mere", "relaterede artikler", "mest læste",
    "les også", "les mer", "relaterte artikler", "mest lest",
    "lue myös", "lue lisää", "aiheeseen liittyvät", "luetuimmat",
    "читайте также", "читайте ещё", "читайте еще", "читайте далее", "смотрите также",
    "похожие статьи", "похожие новости", "по теме", "другие новости",
    "διαβάστε επίσης", "διαβάστε ακόμη", "διαβάστε περισσότερα", "σχετικά άρθρα",
    "σχετικά θέματα", "δείτε επίσης",
    "ayrıca okuyun", "ayrıca bakınız", "ilgili haberler", "devamını oku",
    "bunlar da ilginizi çekebilir", "çok okunanlar",
    "preberite še", "preberite tudi", "sorodni članki", "več novic",
    "loe ka", "loe lisaks", "loe edasi", "seotud artiklid", "rohkem uudiseid",
    "相关阅读", "相关新闻", "延伸阅读", "推荐阅读", "更多新闻", "相關閱讀", "相關新聞",
    "延伸閱讀", "関連記事", "あわせて読みたい", "関連ニュース", "こちらもおすすめ", "続きを読む",
})  # fmt: skip
_MORE_BY_FIRST = {first: list(group) for first, group in groupby(sorted(_MORE), itemgetter(0))}
_PUNCTUATION = re.compile(r"\W*")
_TEASER = re.compile(r"\s*[:：|»>›\-–—]")


def is_more_marker(lower: str) -> bool:
    """A block that is nothing but a marker ("LESEN SIE WEITER:", "Related articles")."""
    return any(_PUNCTUATION.fullmatch(lower, end) for end in _marker_ends(lower))


def is_more_line(lower: str) -> bool:
    """A one-line teaser that starts with a marker ("Read more: How the …")."""
    return any(_TEASER.match(lower, end) for end in _marker_ends(lower))


def _marker_ends(lower: str) -> Iterator[int]:
    """Where each marker that opens ``lower`` (after punctuation) ends."""
    start = _PUNCTUATION.match(lower).end()  # type: ignore[union-attr]  # \W* always matches
    for marker in _MORE_BY_FIRST.get(lower[start : start + 1], ()):
        if lower.startswith(marker, start):
            yield start + len(marker)


_SHARE_WORD = r"""
    share|tweet|print|e-?mail|comments?|teilen|drucken|kommentare|partager|imprimer|commentaires
    |compartir|imprimir|comentarios|condividi|stampa|commenti|compartilhe|partilhar|comentários
    |delen|reacties|udostępnij|sdílet|поделиться|paylaş|jaa|tulosta|dela|del|skriv\ ut|facebook
    |twitter|x|whatsapp|linkedin|telegram|pinterest|reddit|flipboard|messenger|copy\ link
"""
SHARE_ONLY = re.compile(rf"\W*(?:{_SHARE_WORD})(?:\W+(?:{_SHARE_WORD}))*\W*", re.VERBOSE)
"""A line of share buttons: "Share | Tweet | Print", "Teilen"."""
_SHARE_PHRASE = r"""
    share\ (?:this|on|via|the\ article)|follow\ (?:us|@)|subscribe\ (?:now|to|for|here)
    |sign\ up\ (?:for|to|now)|download\ (?:the|our)\ app|click\ here|advertisement
    |sponsored\ content|artikel\ teilen|jetzt\ (?:teilen|abonnieren)|folgen\ sie\ uns
    |newsletter\ abonnieren|hier\ klicken|anzeige|werbung|suivez-nous|abonnez-vous|s'abonner
    |inscrivez-vous|cliquez\ ici|publicité|síguenos|suscríbete|haz\ clic\ aquí|publicidad
    |seguici|iscriviti|clicca\ qui|pubblicità|siga-nos|assine|inscreva-se|clique\ aqui
    |publicidade|volg\ ons|abonneer|klik\ hier|advertentie|obserwuj\ nas|subskrybuj|sledujte\ nás
    |подписывайтесь|abone\ ol|seuraa\ meitä|tilaa\ uutiskirje
"""
SHARE_PHRASE = re.compile(rf"\W*(?:{_SHARE_PHRASE})\b", re.VERBOSE)
"""A short line offering to follow, subscribe, click or that labels an advertisement."""
NEWSLETTER = re.compile(
    r"\b(?:our|your)\s(?:[\w.]+\s){0,3}newsletters?\b|\bnewsletters?\ssign-?up\b"
    r"|\b(?:un)?subscrib\w*\s(?:to\s|you\sto\s)?(?:our|this|the)\s(?:\S+\s){0,2}newsletters?\b"
    r"|\bunsubscribe\b|\b(?:successfully|now)\s(?:been\s)?subscribed\b|\bthanks?\sfor\ssubscribing\b"
    r"|\byour\sinbox\b|\byour\s(?:e-?mail\s)?subscription\b"
    r"|\b(?:unser(?:en)?|ihr(?:en)?)\snewsletter\b|\bnewsletter\sabonnieren\b"
    r"|\b(?:notre|votre|nos)\s(?:lettre\sd'information|newsletters?)\b|\bnuestro\sboletín\b"
    r"|\bla\snostra\snewsletter\b|\bnossa\snewsletter\b|\bonze\snieuwsbrief\b"
)
"""A newsletter's sign-up box: "Get the day's top headlines delivered to your inbox every
morning by subscribing to our newsletter." Anywhere in a short paragraph."""
TAXONOMY = re.compile(
    r"(?:^|\W)(?:tags|tagged(?: with)?|filed under|posted in|categor(?:y|ies|ia|ias|ie|ies)"
    r"|kategorie(?:n)?|schlagw(?:ö|oe)rter|stichw(?:ö|oe)rter|rubrik|étiquettes|mots-clés"
    r"|etiquetas|temas|argomenti|trefwoorden|tagit|tagi|štítky|теги|метки|рубрика)\s*:"
)
"""A line of the site's labels for the article: "Filed under: Politics |", "… - Categoria:
Saúde - Tags: …"."""
RIGHTS = re.compile(
    r"all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos "
    r"reservados|tutti i diritti riservati|todos os direitos reservados|alle rechten "
    r"voorbehouden|wszelkie prawa zastrzeżone|všechna práva vyhrazena|все права защищены"
    r"|^\W*(?:©|\(c\)|copyright)\s"
)

_CREDIT_WORDS = r"""
    foto(?:s|grafie|grafia)?|photo(?:s|graph)?|picture|pictures|image|images|bild(?:er)?|credit
    |credits|crédit(?:s)?|imagen|imágenes|immagine|fuente|fonte|quelle|source|bron|zdroj|źródło
    |kuva|kilde|källa|фото|источник|φωτογραφία|kaynak|vir|allikas|illustration|grafik|video
"""
CAPTION_START = re.compile(
    rf"\W*(?:(?:{_CREDIT_WORDS})\s*(?:[:：|/©]|by\b|von\b|de\b|di\b)"
    r"|(?:media|image)\s?caption)",
    re.VERBOSE,
)
"""A credit line: "Foto: dpa", "Photo by …", "Bild: …", a BBC page's "Media caption…"."""
CAPTION_END = re.compile(
    rf"[(\[|/]\s*(?:{_CREDIT_WORDS})\s*[:：]?[^()\[\]]{{0,60}}[)\]]?\s*$|©[^©]{{0,60}}$",
    re.VERBOSE,
)
"""A caption ending in its credit: "… in Minsk. (Foto: Reuters)", "… | © AFP"."""
AGENCY = re.compile(
    r"\W*(?:\(?(?:reuters|afp|dpa|ap|epa|ansa|efe|getty images|afp/getty images|ap photo|apa|"
    r"sda|kna|epd|tass|anp|ritzau|ntb|tt|stt|pap|čtk|ctk|xinhua|kyodo)\)?[\s,/|]*)+\W*"
)
"""A line that is only an agency's name: "(Reuters)", "AFP / Getty Images"."""

_BYLINE_LEAD = r"""
    by|written\ by|reported\ by|posted\ by|words\ by|von|ein\ (?:kommentar|bericht|gastbeitrag)\ von
    |geschrieben\ von|autor(?:in)?:?|text:?|par|por|di|da|door|av|af|ved|kirjoittanut|yazan|avtor
    |автор:?|от|του|της|redakcja|tekst:?|texto:?|testo:?
"""
BYLINE = re.compile(rf"\W*(?:{_BYLINE_LEAD})\s+(?P<name>\S.*)", re.VERBOSE | re.IGNORECASE)
"""A byline: "By Jane Smith, BBC News", "Von Hannes Gamillscheg (Kopenhagen)"."""

_BIO_VERB = r"""
    is|was|has\ been|ist|war|est|était|es|era|è|é|foi|is|är|var|er|on|oli|je|jest|był|była|byl|byla
    |είναι|ήταν|является|был|была|dır|dir|olarak|on|oli|—|–
"""
_PROFESSION = r"""
    reporter|correspondent|journalist|writer|editor|columnist|research|professor|lecturer|fellow
    |analyst|author|contributor|commentator|freelance|scholar|scientist|historian|economist
    |political\ scientist|phd|doctoral|forscher|korrespondent|redakteur|autor|dozent|wissenschaftler
    |politologe|politologin|politikwissenschaftler|historiker|publizist|kolumnist|doktorand|ökonom
    |soziologe|soziologin|chefredakteur|journaliste|chercheu|professeu|correspondant|rédact
    |éditorialiste|chroniqueu|auteur|autrice|maître\ de\ conférences|doctorant|historien|politologue
    |économiste|sociologue|analyste|periodista|investigador|profesor|corresponsal|redactor
    |columnista|analista|historiador|politólogo|economista|sociólogo|catedrático|giornalista
    |ricercat|professore|corrispondente|redattore|redattrice|editorialista|autore|storico|politologo
    |jornalista|pesquisador|correspondente|redator|colunista|onderzoeker|hoogleraar|redacteur
    |schrijver|docent|analist|forskare|forsker|redaktör|redaktør|toimittaja|tutkija|dziennikar
    |badacz|profesor|novinář|novinářka|výzkumn|журналист|исследовател|профессор|корреспондент
    |δημοσιογράφος|ερευνητ|καθηγητ|gazeteci|araştırmacı|novinar|raziskoval|ajakirjanik|teadur
"""
_NAME = r"(?:[A-ZÀ-ÝĀ-ž\u0391-\u03a9\u0410-\u042f][\w'’.\-]*\s+){1,4}"
AUTHOR_BIO = re.compile(
    rf"{_NAME}(?:\([^)]{{0,60}}\)\s+)?,?\s*(?i:(?:{_BIO_VERB})\s+(?:\S+\s+){{0,6}}?(?:{_PROFESSION}))",
    re.VERBOSE,
)
"""An author's biography: "Ekaterina Pierson-Lyzhina ist Forscherin am …", "Jane Doe is a …"."""
AUTHOR_IS = re.compile(
    r"\W*(?:the\ (?:author|writer)s?\ (?:is|are|was)|(?:der|die)\ autor(?:in)?\ (?:ist|war)"
    r"|l'auteur(?:e)?\ (?:est|était)|el\ autor\ es|la\ autora\ es|l'autore\ è|o\ autor\ é"
    r"|de\ auteur\ is)\s",
    re.VERBOSE | re.IGNORECASE,
)
"""A biography that names no one: "The author is a senior fellow at …"."""

_PAYWALL = (
    r"subscribe to (?:continue|read)|(?:to )?(?:continue|keep) reading"
    r"|read the full (?:article|story)|(?:this|the) (?:article|content|story) is (?:only )?"
    r"(?:available )?(?:for|to) (?:subscribers|members)"
    r"|already a (?:subscriber|member)\?|subscribers? only|log ?in to read|sign in to read"
    r"|weiterlesen mit|(?:jetzt|gleich) (?:weiterlesen|abonnieren|testen)|nur für abonnenten"
    r"|(?:artikel|beitrag) (?:ist )?(?:nur )?für abonnenten|sie haben (?:bereits )?ein abo"
    r"|réservé aux abonnés|abonnez-vous pour lire|la suite est réservée"
    r"|(?:contenido|artículo) (?:exclusivo )?para suscriptores|suscríbete para (?:seguir|leer)"
    r"|riservato agli abbonati|abbonati per (?:leggere|continuare)|exclusivo para assinantes"
    r"|alleen voor abonnees|lees verder met|tylko dla (?:prenumeratorów|subskrybentów)"
    r"|endast för prenumeranter|kun for abonnenter|vain tilaajille|только для подписчиков"
)


@cache
def paywall() -> re.Pattern[str]:
    """A paywall's or teaser's invitation to pay or log in for the rest of the article.

    Compiled on first use (8.6 million instructions): only short articles are checked."""
    return re.compile(_PAYWALL)


@cache
def consent() -> re.Pattern[str]:
    """What a long cookie notice asks for besides the cookies: consent, privacy, acceptance.

    Compiled on first use: only long blocks that hold the word "cookie" are checked."""
    return re.compile(
        r"\b(?:consent|privacy|accept|einwillig|zustimm|datenschutz|akzeptier|consentement"
        r"|confidentialit|accepter|consentimiento|privacidad|aceptar|consenso|accett|toestemming)"
    )


@cache
def cookies() -> re.Pattern[str]:
    """A cookie notice: "We use cookies …", "… cookies … accept".

    Compiled on first use (2.4 million instructions at every start): only blocks that hold the
    word "cookie" are checked."""
    return re.compile(
        r"\bcookies?\b.{0,200}\b(?:accept|consent|agree|akzeptier|zustimm|einverstanden|accepter"
        r"|aceptar|acepto|accett|aceitar|accepteren|akceptuj|souhlas|godkänn|accepter|hyväksy)"
        r"|\b(?:we|wir|nous|utilizamos|usamos|usiamo|wij|vi)\b.{0,40}\bcookies?\b"
    )


@cache
def we_use_cookies() -> re.Pattern[str]:
    """ "We use cookies", "Wir verwenden Cookies": a site saying what it does with cookies (not
    "we baked cookies").

    Compiled on first use: only long blocks that hold the word "cookie" are checked."""
    return re.compile(
        r"\b(?:we|our partners)\b[^.]{0,30}\b(?:use|set|place|store|collect)\b[^.]{0,20}\bcookies?"
        r"|\bwir\b[^.]{0,30}\b(?:verwenden|nutzen|setzen|benutzen|einsetzen)\b[^.]{0,20}\bcookies?"
        r"|\b(?:nous utilisons|utilizamos|usamos|utilizziamo|wij gebruiken|vi använder)\b"
        r"[^.]{0,20}\bcookies?"
    )


@cache
def credit() -> re.Pattern[str]:
    """A credit without a colon, as pages print it under a photo: "Credit Ashraf Shazly/Agence
    France-Presse — Getty Images" (no final punctuation; "Credit Suisse shares fell" names no
    one). Compiled on first use: only short blocks that hold the word are checked."""
    return re.compile(
        r"\W*(?:photo\s+|image\s+)?credits?\s+\w[^.!?]*(?:/|—|getty|reuters|\bafp\b|\bap\b"
        r"|\bepa\b|associated press|images|photo|press|\bvia\b)[^.!?]*"
    )


@cache
def wire_photo() -> re.Pattern[str]:
    """An agency's photo credit: "REUTERS/Brendan McDermid/File Photo". Compiled on first use:
    only short blocks that hold a slash are checked."""
    return re.compile(
        r"\W*(?:reuters|afp|ap|epa|dpa|getty images|anadolu)\s*/\s*[^/.!?]{2,60}(?:/[^/.!?]{2,60})*"
    )
