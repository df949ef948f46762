"""Briefs: several articles on one story, one ranking across them, each fact once, every line cited.

``make_brief`` ranks once; ``cut`` chooses any length from that ranking without ranking again.

The ranking (constants below; set on the Multi-News dev clusters, see benchmarks/briefing.py):

1. **Within each article.** The chosen method ranks all the articles' sentences once, as one
   text. A sentence's prior is ``-ln`` of its rank among its own article's sentences, minus
   ``POSITION`` × ``ln(1 + its position in the article)``: every article's best and earliest
   sentences first, as a news editor interleaves the reports' leads.
2. **Across articles**: facts that several outlets report matter more. A sentence's support is,
   over the other articles, the mean of its highest tf-idf cosine with any of their sentences.
   Near-identical articles (the same wire copy under two headlines) are one voice: they count
   once for support, and the list marks them. An article far from all the others (a cookie wall,
   an archive notice saved instead of the story) loses up to ``RELEVANCE`` × ln(1 / ``FLOOR``).
3. **Page furniture** that cleaning left in pasted pages (tweets, "Advertisement", share lines)
   loses ``JUNK`` per sign: few words, no final punctuation, links and handles, no lower-case
   letter.
4. **Once each**, greedily (maximal marginal relevance): each pick is penalised by its highest
   similarity to a line already picked, and any sentence at least ``SAME`` similar to a pick is
   the same fact: never picked again, and its article is cited on the pick's line (``also_in``).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

from desktop.engine.methods import DEFAULT_METHOD
from desktop.engine.model import Document, Paragraph, Ranking, Sentence
from desktop.engine.select import Length, Order, Unit, select

if TYPE_CHECKING:
    from collections.abc import Callable, Collection, Sequence

    import numpy as np
    from scipy import sparse

    from desktop.engine.analysis import Analysis

POSITION = 0.5  # weight of -ln(1 + position in the article) in the prior
RELEVANCE = 1.0  # weight of an article's closeness to the others (ln of its share of the best)
FLOOR = 0.05  # closeness shares below this count as this (bounds the shift)
SUPPORT = 3.0  # weight of cross-article support (0–1) against the prior
REDUNDANCY = 3.0  # weight of the similarity to the lines already picked
SAME = 0.5  # tf-idf cosine from which two sentences say the same thing
NEAR_IDENTICAL = 0.7  # share of the smaller article's word pairs found in the other
JUNK = 2.0  # prior lost per sign of page furniture
KEY_TERMS = 5  # tags of a brief's export
TOPIC = 0.15  # cosine from which a line is about the topic of an earlier, similar line
FAINT = 0.05  # cosines below this are no similarity at all
SHORT = 6  # words: shorter sentences are rarely a fact of the story
_FINAL = re.compile(r"[.!?…\"'”’)\]]$")
_LINK = re.compile(r"https?://|www\.|\.com\b|@\w|#\w|pic\.twitter")
_ROWS = 512  # similarity rows computed at a time (bounded memory on long briefs)
_SEPARATOR = "\n\n"


class BriefOrder(str, Enum):
    STORY = "story"  # by topic: the best line and the lines about the same, then the next topic
    ARTICLE = "article"  # article by article, each in its own order


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a brief: a sentence of ``article`` (indices into the brief's articles)."""

    article: int
    sentence: int  # index into that article's ``Document.sentences``
    text: str
    start: int  # span in that article's text
    end: int
    also_in: tuple[int, ...]  # other articles that say the same
    score: float
    rank: int

    @property
    def cites(self) -> tuple[int, ...]:
        return tuple(sorted((self.article, *self.also_in)))


@dataclass(frozen=True, eq=False)
class Brief:
    """Articles ranked together. ``ranking`` is over ``ranking.document``, the articles joined in
    order; sentence ``first[a] + i`` of it is sentence ``i`` of article ``a``. Sentences that repeat
    a better one are left out of ``ranking.order`` (rank 0); ``also_in`` maps each kept sentence to
    the other articles that said it."""

    articles: tuple[Document, ...]
    ranking: Ranking
    first: tuple[int, ...]
    text_start: tuple[int, ...]
    also_in: dict[int, tuple[int, ...]]
    near_identical: tuple[int | None, ...]  # per article: an earlier article it nearly repeats
    key_terms: tuple[str, ...] = ()  # words most of the articles use, most used first
    # Per sentence of the joined document, the best-ranked sentence of its topic (see ``_pick``).
    topic: tuple[int, ...] = ()
    seconds: float = field(default=0.0, compare=False)

    @property
    def words(self) -> int:
        """Body words of all the articles: what a percentage length is a share of."""
        return sum(a.body_words for a in self.articles)

    def locate(self, index: int) -> tuple[int, int]:
        """(article, sentence index in it) of sentence ``index`` of the joined document."""
        from bisect import bisect_right

        article = bisect_right(self.first, index) - 1
        return article, index - self.first[article]

    def line(self, index: int) -> Line:
        article, sentence = self.locate(index)
        doc = self.articles[article]
        s = doc.sentences[sentence]
        return Line(
            article=article,
            sentence=sentence,
            text=doc.sentence_text(s),
            start=s.start,
            end=s.end,
            also_in=self.also_in.get(index, ()),
            score=float(self.ranking.scores[index]),
            rank=int(self.ranking.ranks[index]),
        )


@dataclass(frozen=True, slots=True)
class BriefSelection:
    brief: Brief
    length: Length
    order: BriefOrder
    indices: tuple[int, ...]  # sentences of the joined document, in the requested order

    @property
    def words(self) -> int:
        counts = self.brief.ranking.document.word_counts
        return sum(counts[i] for i in self.indices)

    def lines(self) -> list[Line]:
        return [self.brief.line(i) for i in self.indices]


def make_brief(
    documents: Sequence[Document],
    method: str = DEFAULT_METHOD,
    *,
    cancelled: Callable[[], bool] | None = None,
) -> Brief:
    """Rank the sentences of ``documents`` together (see the module note)."""
    import numpy as np

    from desktop.engine.analysis import analyse
    from desktop.engine.ranking import rank

    if not documents:
        raise ValueError("a brief needs at least one article")
    started = time.perf_counter()
    articles = tuple(documents)
    joined, first, text_start = _join(articles)
    n = len(joined.sentences)
    article_of = np.repeat(np.arange(len(articles)), [len(a.sentences) for a in articles])
    base = rank(joined, method, cancelled=cancelled)  # the one ranking
    analysis = analyse(joined)  # the ranking's own (analyses are memoised per document)
    candidates = np.asarray(analysis.candidates, dtype=np.int64)
    if not len(candidates):
        return Brief(articles, base, first, text_start, {}, (None,) * len(articles), (), ())
    owner = article_of[candidates]
    prior = np.zeros(n)
    for a in range(len(articles)):
        ranked = base.order[article_of[base.order] == a]
        prior[ranked] = -np.log(np.arange(1, len(ranked) + 1))
        prior[candidates[owner == a]] -= POSITION * np.log1p(np.arange(np.sum(owner == a)))
    unit = _unit_rows(analysis)
    similar = _similarity(unit)
    near = _near_identical(analysis, owner, len(articles))
    voice = np.asarray([a if near[a] is None else near[a] for a in range(len(articles))])
    score = prior[candidates] - JUNK * _junk(joined, candidates)
    score += _relevance(unit, owner, voice)[owner]
    if len(set(voice.tolist())) > 1:
        score += SUPPORT * _support(similar, voice[owner])
    picks, same, topic_rows = _pick(similar, score)
    topic = np.arange(n)
    topic[candidates] = candidates[topic_rows]
    order = candidates[np.asarray(picks, dtype=np.int64)]
    scores = np.full(n, np.nan)
    scores[candidates] = score
    ranks = np.zeros(n, dtype=np.int64)
    ranks[order] = np.arange(1, len(order) + 1)
    also_in = {
        int(candidates[row]): tuple(sorted({int(owner[r]) for r in rows} - {int(owner[row])}))
        for row, rows in same.items()
    }
    seconds = time.perf_counter() - started
    ranking = Ranking(joined, method, order, scores, ranks, seconds)
    ranking.cumulative_words  # noqa: B018 - the cut's table, built once with the ranking
    return Brief(
        articles,
        ranking,
        first,
        text_start,
        {k: v for k, v in also_in.items() if v},
        near,
        _key_terms(analysis, voice[owner]),
        tuple(topic.tolist()),
        seconds,
    )


def cut(
    brief: Brief,
    length: Length,
    order: BriefOrder = BriefOrder.STORY,
    *,
    pinned: Collection[int] = (),
    excluded: Collection[int] = (),
) -> BriefSelection:
    """The best lines that fit ``length``; pins and exclusions as in ``select`` (indices into the
    joined document). A word budget is filled: after the best lines that fit, the next ones short
    enough for what is left are taken too, so a brief uses its budget as the reports allow."""
    ranking = brief.ranking
    if length.unit is Unit.PERCENT:
        length = Length(length.words(brief.words), Unit.WORDS)
    chosen = list(select(ranking, length, Order.RANK, pinned=pinned, excluded=excluded).indices)
    if length.unit is Unit.WORDS and chosen:
        counts = ranking.document.word_counts
        left = length.value - sum(counts[i] for i in chosen)
        skip = set(chosen) | set(excluded)
        for i in ranking.order[len(chosen) :].tolist():
            if left < 1:
                break
            if counts[i] <= left and i not in skip:
                chosen.append(i)
                left -= counts[i]
    if order is BriefOrder.ARTICLE:
        chosen.sort()
    else:
        last = len(ranking.ranks) + 1  # pinned lines left out of the ranking go last
        ranks, topic = ranking.ranks.tolist(), brief.topic
        chosen.sort(key=lambda i: (ranks[topic[i]] or last, ranks[i] or last))
    return BriefSelection(brief, length, order, tuple(chosen))


def _join(articles: tuple[Document, ...]) -> tuple[Document, tuple[int, ...], tuple[int, ...]]:
    """The articles as one document (text joined by blank lines, spans shifted)."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    counts: list[int] = []
    first: list[int] = []
    text_start: list[int] = []
    offset = 0
    for doc in articles:
        p0, s0 = len(paragraphs), len(sentences)
        first.append(s0)
        text_start.append(offset)
        paragraphs += [
            Paragraph(p0 + p.index, offset + p.start, offset + p.end, p.kind)
            for p in doc.paragraphs
        ]
        sentences += [
            Sentence(s0 + s.index, offset + s.start, offset + s.end, p0 + s.paragraph, s.kind)
            for s in doc.sentences
        ]
        counts += doc.word_counts
        offset += len(doc.text) + len(_SEPARATOR)
    language = Counter(a.language for a in articles).most_common(1)[0][0]
    joined = Document(
        text=_SEPARATOR.join(a.text for a in articles),
        paragraphs=tuple(paragraphs),
        sentences=tuple(sentences),
        language=language,
        word_counts=tuple(counts),
    )
    return joined, tuple(first), tuple(text_start)


def _unit_rows(analysis: Analysis) -> sparse.csr_matrix:
    """The sentences' tf-idf rows at unit length, as precis weighs them for its redundancy step."""
    import numpy as np
    from scipy import sparse

    from desktop.engine.methods.precis import _unit_tfidf
    from desktop.engine.methods.rows import Rows

    indptr, indices, counts = analysis.count_arrays
    width = len(analysis.vocabulary)
    df = np.bincount(indices, minlength=width).astype(float)
    unit = _unit_tfidf(Rows(indptr, indices, counts, width), df)
    return sparse.csr_matrix((unit.data, unit.indices, unit.indptr), shape=(unit.height, width))


def _junk(joined: Document, candidates: np.ndarray) -> np.ndarray:
    """Signs of page furniture per candidate sentence (0 for a plain sentence)."""
    import numpy as np

    signs = np.zeros(len(candidates))
    for row, i in enumerate(candidates.tolist()):
        text = joined.sentence_text(i)
        signs[row] = (
            (joined.word_counts[i] < SHORT)
            + (not _FINAL.search(text))
            + bool(_LINK.search(text))
            + (text == text.upper())
        )
    return signs


def _near_identical(analysis: Analysis, owner: np.ndarray, articles: int) -> tuple[int | None, ...]:
    """Per article, the earliest article whose word pairs hold ``NEAR_IDENTICAL`` of its own (or of
    the other's, when that one is shorter)."""
    import numpy as np

    tokens = analysis.tokens
    rows = analysis.token_rows
    width = len(analysis.forms) + 1
    same_row = rows[1:] == rows[:-1]
    pairs = tokens[:-1].astype(np.int64) * width + tokens[1:]
    pair_owner = owner[rows[:-1]]
    sets = [np.unique(pairs[same_row & (pair_owner == a)]) for a in range(articles)]
    out: list[int | None] = [None] * articles
    for b in range(articles):
        for a in range(b):
            smaller = min(len(sets[a]), len(sets[b]))
            if smaller and len(np.intersect1d(sets[a], sets[b], assume_unique=True)) >= (
                NEAR_IDENTICAL * smaller
            ):
                out[b] = a if out[a] is None else out[a]
                break
    return tuple(out)


def _key_terms(analysis: Analysis, voice: np.ndarray) -> tuple[str, ...]:
    """Up to ``KEY_TERMS`` content words that most voices use (at least two, or the only one),
    most voices first, then most uses; one word per stem."""
    import numpy as np

    tokens = analysis.tokens
    keep = ~analysis.form_stop[tokens]
    tokens, token_voice = tokens[keep], voice[analysis.token_rows[keep]]
    forms = len(analysis.forms)
    uses = np.bincount(tokens, minlength=forms)
    pairs = np.unique(token_voice.astype(np.int64) * forms + tokens)
    voices = np.bincount(pairs % forms, minlength=forms)
    least = min(2, len(np.unique(voice)))
    terms: dict[int, str] = {}
    for f in np.lexsort((-uses, -voices)).tolist():
        if voices[f] < least or len(terms) == KEY_TERMS:
            break
        word = analysis.forms[f]
        if len(word) > 2 and word.isalpha():
            terms.setdefault(int(analysis.form_stem[f]), word)
    return tuple(terms.values())


def _relevance(unit: sparse.csr_matrix, owner: np.ndarray, voice: np.ndarray) -> np.ndarray:
    """Per article, a prior shift: ``RELEVANCE`` × ln of its closeness to the other voices (the
    cosine of their summed sentence vectors) as a share of the closest article's, at least
    ``FLOOR``: a page that is not about the story (a cookie wall, an archive notice) falls back."""
    import numpy as np
    from scipy import sparse

    rows, articles = unit.shape[0], len(voice)
    sums = sparse.csr_matrix((np.ones(rows), (owner, np.arange(rows))), shape=(articles, rows))
    sums = sums @ unit
    norms = np.sqrt(np.asarray(sums.multiply(sums).sum(axis=1)).ravel())
    vectors = sparse.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ sums
    similarity = (vectors @ vectors.T).toarray()
    similarity[voice[:, None] == voice[None, :]] = 0.0
    closeness = similarity.max(axis=1)
    if closeness.max() <= 0:
        return np.zeros(articles)
    return RELEVANCE * np.log(np.maximum(closeness / closeness.max(), FLOOR))


def _similarity(unit: sparse.csr_matrix) -> sparse.csr_matrix:
    """Cosines between candidates (diagonal dropped), sparse: values under ``FAINT`` are left out,
    which bounds memory on long briefs and changes no pick (they neither support nor repeat)."""
    import numpy as np
    from scipy import sparse

    transposed = unit.T.tocsc()
    blocks = []
    for start in range(0, unit.shape[0], _ROWS):
        block = (unit[start : start + _ROWS] @ transposed).toarray()
        np.fill_diagonal(block[:, start:], 0.0)
        block[block < FAINT] = 0.0
        blocks.append(sparse.csr_matrix(block))
    return sparse.vstack(blocks, format="csr")


def _support(similar: sparse.csr_matrix, voice: np.ndarray) -> np.ndarray:
    """Per candidate: mean over the other voices of its highest cosine with their sentences."""
    import numpy as np

    voices = np.unique(voice)
    support = np.zeros(similar.shape[0])
    for v in voices.tolist():
        best = similar[:, voice == v].max(axis=1).toarray().ravel()
        support += np.where(voice == v, 0.0, best)
    return support / (len(voices) - 1)


def _pick(
    similar: sparse.csr_matrix, score: np.ndarray
) -> tuple[list[int], dict[int, list[int]], np.ndarray]:
    """Greedy picks (rows, best first) with redundancy control; rows that say what a pick says;
    each row's topic (the first pick of the chain of picks each closest to the one before, as
    long as that closeness reaches ``TOPIC``)."""
    import numpy as np

    from desktop.engine.methods import checkpoint

    n = len(score)
    gain = np.where(np.isfinite(score), score, -np.inf)
    redundancy = np.zeros(n)
    picks: list[int] = []
    same: dict[int, list[int]] = {}
    topic = np.arange(n)
    picked = np.zeros(n, dtype=bool)
    indptr, indices, data = similar.indptr, similar.indices, similar.data
    while True:
        if len(picks) % 64 == 0:
            checkpoint()
        row = int(np.argmax(gain))
        if not np.isfinite(gain[row]):
            break
        picks.append(row)
        gain[row] = -np.inf
        columns, values = (
            indices[indptr[row] : indptr[row + 1]],
            data[indptr[row] : indptr[row + 1]],
        )
        earlier = picked[columns]
        if earlier.any() and values[earlier].max() >= TOPIC:
            topic[row] = topic[columns[earlier][np.argmax(values[earlier])]]
        picked[row] = True
        repeats = columns[(values >= SAME) & np.isfinite(gain[columns])]
        if len(repeats):
            same[row] = repeats.tolist()
            gain[repeats] = -np.inf
        # Raise the redundancy of the row's neighbours to their cosine with it, where higher.
        higher = values > redundancy[columns]
        changed = columns[higher]
        gain[changed] += REDUNDANCY * (redundancy[changed] - values[higher])
        redundancy[changed] = values[higher]
    return picks, same, topic
