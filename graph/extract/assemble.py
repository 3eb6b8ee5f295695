"""From sentences to statements: attribution state, dates of saying, merging.

Why a pass with state: who "he" is, which occasion an undated quote belongs to and
which day a report is set on all depend on what came before. The walk keeps:

- the last person (and plural speaker) named, for pronouns;
- each speaker's last occasion date, so an undated "Putin said" after "On Thursday,
  Putin said" stays on Thursday, and "at that time"/"the following day" resolve;
- the report's narrative date: a scene set by the author ("CNN took to the streets of
  Kyiv Tuesday") dates the vox pops that follow (day); another speaker's dated remark
  dates a past-tense reaction only to its month.

Undated present-tense positions ("the Kremlin says") stay undated; so does anything
the text dates vaguely ("previously", "in the summer"). The lead paragraph of a report
is same-day news, so undated statements in it take the publication date.

Then statements are merged: one speaker, one occasion (date), one stance = one
statement, conditions united; readiness plus demands on one occasion is `conditional`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from stancegraph.graph.extract.actors import Actor, ActorContext, gazetteer
from stancegraph.graph.extract.attribution import Claim, claims_in_sentence
from stancegraph.graph.extract.claim_stance import classify
from stancegraph.graph.extract.date_index import DateIndex
from stancegraph.graph.extract.dates import DateExpr, apply_offset, best
from stancegraph.graph.extract.interview import interview_day, interviewee, is_interview
from stancegraph.graph.extract.interview import label as qa_label
from stancegraph.graph.extract.occasion import Group, byproducts, plan_voice, refusal_terms
from stancegraph.graph.extract.stance import Unit
from stancegraph.graph.extract.subjects import sentence_subject, titled
from stancegraph.graph.extract.text import Paragraph, Sentence, normalized, paragraphs
from stancegraph.graph.extract.topic_context import answer, context_of
from stancegraph.graph.records import Article, Evidence, Speaker, Statement

_PLACES = re.compile(
    r"\b(?:(Moscow|St\.? Petersburg|Russian capital)|Kyiv|Kiev|Kharkiv|Odesa|Odessa|Lviv|Dnipro|Ukrainian capital|"
    r"Ukraine[’']s capital)\b"
)
_CONFIDENCE = {
    "subject-verb": 0.85,
    "verb-subject": 0.9,
    "according-to": 0.8,
    "quote-from": 0.85,
    "relative-who": 0.75,
    "passive-by": 0.7,
    "continuation": 0.7,
    "interview": 0.8,
    "relayed": 0.7,
}


@dataclass
class _State:
    last_person: Actor | None = None
    last_plural: Actor | None = None
    last_org: Actor | None = None  # for "its" ("Its foreign ministry said")
    anonymous: list[Actor] = field(default_factory=list)  # for "the same diplomat"
    last_claim: Claim | None = None
    occasion: dict[str, tuple[str | None, bool]] = field(default_factory=dict)  # key -> (date, explicit)
    narrative: tuple[str | None, bool] | None = None  # (date, scene)
    pos: int = 0  # where the sentence being read starts
    people: list[tuple[int, Actor]] = field(default_factory=list)  # persons named so far, with where


def _scene_side(article: Article, paras: list[Paragraph]) -> str | None:
    """The side of the place a report is set in, for unnamed locals (vox pops)."""
    counts: Counter[str] = Counter()
    for p in paras:
        if p.kind == "prose":
            for m in _PLACES.finditer(article.text, p.start, p.end):
                counts["russia" if m.group(1) else "ukraine"] += 1
    ranked = counts.most_common()
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _frame_dates(claim: Claim, index: DateIndex) -> list[DateExpr]:
    out: list[DateExpr] = []
    for s, e in claim.frame:
        out.extend(index.find(s, e))
    return out


def _date_for(claim: Claim, exprs: list[DateExpr], st: _State, lead: bool, published: str | None) -> str | None:
    key = claim.actor.key if claim.actor else ""
    prev = st.occasion.get(key)
    chosen = best(exprs)
    if chosen is not None:
        if chosen.kind in ("day", "month"):
            return chosen.value
        if chosen.kind == "vague":
            return None
        base = prev[0] if prev else (st.narrative[0] if st.narrative else None)
        if chosen.kind == "context":
            return base
        return apply_offset(base, chosen.offset)
    if prev is not None:
        return prev[0]
    if lead:
        return published
    if claim.tense == "past" and st.narrative is not None:
        value, scene = st.narrative
        if value is None:
            return None
        return value if scene else value[:7]
    return None


def _walk(article: Article, paras: list[Paragraph], index: DateIndex) -> list[tuple[Claim, list[Unit]]]:
    text = article.text
    norm = normalized(text)
    publisher = (article.publisher or "").split("(")[0].strip()
    ctx = ActorContext(when=article.published, publisher=publisher)
    ctx.scene_side = _scene_side(article, paras)
    g = gazetteer()
    for p in paras:
        if p.kind == "prose":
            for _s, _e, eid in g.find(text[p.start : p.end], p.start):
                ctx.mentioned.setdefault(eid, _s)
    published = article.published.isoformat() if article.published else None
    st = _State()
    mentions = sorted(
        (s0, g.entries[eid].kind, eid)
        for p in paras
        if p.kind == "prose"
        for s0, _e, eid in g.find(text[p.start : p.end], p.start)
    )

    def resolve(pron: str) -> Actor | None:
        if pron in ("he", "she"):
            return st.last_person
        if pron == "they":
            return st.last_plural
        if pron == "its":
            return st.last_org
        if pron.startswith("title:"):
            return titled(pron[6:], st.pos, mentions, st.people, article.published)
        if pron.startswith("same:"):
            head = pron[5:]
            return next((a for a in reversed(st.anonymous) if re.search(rf"\b{re.escape(head)}", a.name, re.I)), None)
        return None

    out: list[tuple[Claim, list[Unit]]] = []
    prev_para_claim: Claim | None = None
    guest = interviewee(text, paras, ctx) if is_interview(text, paras) else None
    before = {s.index: s for p in paras if p.kind == "prose" for s in p.sentences}  # for the topic in context
    for p in paras:
        if p.kind != "prose":
            continue
        para_claims: list[Claim] = []
        pending: list = []
        role = qa_label(text, p) if guest is not None else None
        if role == "q":
            continue  # the interviewer's question: no statement of the article
        sentences = p.sentences
        if role == "a" and guest is not None:
            occasion = st.occasion.get(guest.key)
            when = occasion[0] if occasion else interview_day(text, paras, article.published)
            para_claims = [_answer(s, guest, when) for s in p.sentences]
            sentences = []
        for sent in sentences:
            st.pos = sent.start
            claims = claims_in_sentence(text, sent, p, ctx, resolve)
            if not claims:
                if sent.quoted:
                    pending.append(sent)
                    continue
                actor, pron, _ = sentence_subject(text, sent, ctx)
                if pron:
                    actor = resolve(pron)
                exprs = index.find(sent.start, sent.end)
                if actor is not None and actor.kind in ("organization", "state"):
                    st.last_org = actor
                if actor is not None and actor.kind == "person":
                    st.last_person = actor
                    st.people.append((sent.start, actor))
                    if exprs:
                        relc = text.find(" that ", sent.start, sent.end)
                        early = [x for x in exprs if relc < 0 or x.start < relc]
                        b = best(early)
                        if b is not None and b.kind in ("day", "month", "vague"):
                            st.occasion[actor.key] = (b.value, True)
                elif actor is None:
                    scene = [x for x in exprs if x.scene]
                    if scene:
                        st.narrative = (scene[0].value, True)
                continue
            for c in claims:
                exprs = _frame_dates(c, index)
                c.date = _date_for(c, exprs, st, p.lead, published)
                _remember(c, exprs, st)
                para_claims.append(c)
            # quoted sentences waiting for this paragraph's speaker
            for ps in pending:
                para_claims.append(_continuation(text, ps, p, claims[0]))
            pending = []
        if pending:
            src = para_claims[-1] if para_claims else None
            if src is None and p.sentences and p.sentences[0].quoted:
                src = prev_para_claim
            if src is not None:
                for ps in pending:
                    para_claims.append(_continuation(text, ps, p, src))
        for c in para_claims:
            if c.actor is None:
                continue
            around = context_of(text, c.sentence, c.content, before.get(c.sentence.index - 1))
            said = answer(text, c.content)[0] if around is not None else c.content  # a question put is no content
            units = plan_voice(text, c.frame, c.actor, classify(norm, said, c.actor, _direct(text, c), around))
            if c.negated:
                units = []
            out.append((c, units))
        if para_claims:
            prev_para_claim = para_claims[-1]
        elif any(True for _ in p.sentences):
            prev_para_claim = None
    return out


def _direct(text: str, c: Claim) -> bool:
    """Quoted speech: a quoted sentence carried on, or content that opens with a quotation mark."""
    if c.method == "continuation" or c.sentence.quoted:
        return True
    return bool(c.content) and text[c.content[0][0]] in '“"‘'


def _remember(c: Claim, exprs: list[DateExpr], st: _State) -> None:
    if c.actor is None:
        return
    explicit = best(exprs)
    st.occasion[c.actor.key] = (c.date, explicit is not None)
    if explicit is not None and explicit.kind in ("day", "month"):
        st.narrative = (c.date, False)
    elif explicit is not None and explicit.kind == "vague":
        st.narrative = (None, False)
    if c.actor.kind == "person":
        st.last_person = c.actor
        st.people.append((c.sentence.start, c.actor))
    elif c.actor.kind in ("group", "anonymous"):
        st.last_plural = c.actor
        st.anonymous.append(c.actor)
    elif c.actor.kind in ("organization", "state"):
        st.last_org = c.actor
    st.last_claim = c


def _answer(sent: Sentence, guest: Actor, when: str | None) -> Claim:
    """A sentence of an interview answer: the interviewee's, on the interview's occasion."""
    return Claim(
        actor=guest, sentence=sent, content=[(sent.start, sent.end)], frame=[], method="interview",
        tense="present", continuation=True, date=when,
    )  # fmt: skip


def _continuation(text: str, sent: object, para: Paragraph, src: Claim) -> Claim:
    assert isinstance(sent, Sentence)
    return Claim(
        actor=src.actor, sentence=sent, content=[(sent.start, sent.end)], frame=[], method="continuation",
        verb=src.verb, tense=src.tense, continuation=True, date=src.date,
    )  # fmt: skip


def _fold_metonyms(walked: list[tuple[Claim, list[Unit]]]) -> None:
    """ "Kyiv declared X. '...,' said [Kyiv official]": the capital's position has a voice.

    A past-tense statement by a state or its institution followed at once (same or next
    paragraph) by a named official of that side is the official's; a present-tense
    "the Kremlin says" is the side's standing position and stays with the side.
    """
    for i in range(len(walked) - 1):
        c, units = walked[i]
        if not units or c.actor is None or c.actor.kind not in ("state", "organization") or c.tense == "present":
            continue
        if c.method == "relayed":  # a demand relayed by a source is no institution's voice
            continue
        for n, _u in walked[i + 1 : i + 3]:
            a = n.actor
            if a is None or n.sentence.para - c.sentence.para > 1:
                break
            if c.date and n.date and c.date[: min(len(c.date), len(n.date))] != n.date[: min(len(c.date), len(n.date))]:
                break  # another occasion: the official's own remark, not the institution's voice
            if a.kind == "person" and a.curated and a.side in (c.actor.key, c.actor.side):
                c.actor = a
                c.date = n.date if c.date is None or n.date == c.date or n.date is None else c.date
                break


def assemble(article: Article, walked: list[tuple[Claim, list[Unit]]]) -> list[Statement]:
    """Merge units into statements (one speaker, occasion and stance each)."""
    _fold_metonyms(walked)
    # gather per (speaker, date)
    occasions: dict[tuple[str, str | None], list[tuple[Claim, Unit]]] = {}
    order: list[tuple[str, str | None]] = []
    for claim, units in walked:
        assert claim.actor is not None
        key = (claim.actor.key, claim.date)
        for u in units:
            if key not in occasions:
                occasions[key] = []
                order.append(key)
            occasions[key].append((claim, u))
    groups: list[Group] = []
    n = 0
    for key in order:
        items = refusal_terms(article.text, occasions[key])
        stances = {u.stance for _, u in items}
        # terms named without a demand marker count only once the occasion is conditional anyway
        firm = [u for _, u in items if u.stance is not None or u.strong_marker]
        demanded = {c for u in firm if u.stance in ("conditional", "ready", None) for c in u.conditions}
        # "ready ... without preconditions": terms named beside it are what is on offer, not conditions
        unconditional = any(u.unconditional for _, u in items)
        has_conditional = "conditional" in stances or (
            not unconditional
            and demanded
            and ("ready" in stances or any(u.strong_marker for u in firm if u.stance is None))
        )
        if has_conditional:
            demanded |= {c for _, u in items if u.stance is None for c in u.conditions}
        by_stance: dict[str, Group] = {}
        for claim, u in items:
            stance = u.stance
            if stance is None and not u.strong_marker:
                continue  # a bare mention of terms: only its conditions count (above)
            if has_conditional and (stance in ("ready", None) or (stance == "refuses" and u.contingent)):
                # "no peace without X" beside the speaker's terms is one conditional position
                stance = "conditional"
            if stance is None:
                continue
            conf = _CONFIDENCE.get(claim.method, 0.6) * u.strength
            grp = by_stance.get(stance)
            assert claim.actor is not None
            if grp is None:
                grp = Group(claim.actor, claim.date, stance, set(), set(), (u.start, u.end), [], conf,
                            _method(claim.method, u.frame), u.target, n, u.denial)  # fmt: skip
                n += 1
                by_stance[stance] = grp
                groups.append(grp)
            else:
                grp.extra.append((u.start, u.end))
                grp.confidence = max(grp.confidence, conf)
                grp.denial = grp.denial and u.denial
            if stance == "conditional":
                grp.conditions |= demanded
            else:
                grp.conditions |= set(u.conditions)
            grp.offers |= set(u.offers)
        for g in byproducts(by_stance, article.text):
            groups.remove(g)
    return [_statement(article, g) for g in sorted(groups, key=lambda g: g.order)]


def _method(attribution: str, frame: str | None) -> str:
    """The extraction method: the attribution pattern, and the compositional frame when one read the stance."""
    return f"rules:frame-{frame}/{attribution}" if frame else f"rules:{attribution}"


def _evidence(text: str, span: tuple[int, int]) -> Evidence:
    s, e = span
    while s < e and (text[s].isspace() or text[s] in '“”"‘’,;:'):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in '“”"‘,;:'):
        e -= 1
    return Evidence(text[s:e], s, e)


def _statement(article: Article, g: Group) -> Statement:
    a = g.actor
    speaker = Speaker(
        name=a.name, kind=a.kind, wikidata=a.wikidata, affiliation=a.affiliation, iri=a.iri,
        role=a.role, description=a.description,
    )  # fmt: skip
    return Statement(
        source=article.source or article.id, speaker=speaker, stance=g.stance,
        evidence=_evidence(article.text, g.evidence),
        date=g.date, conditions=tuple(sorted(g.conditions)), offers=tuple(sorted(g.offers - g.conditions)),
        target=g.target, confidence=round(min(1.0, max(0.0, g.confidence)), 3), method=g.method,
        article_id=article.id, extra_evidence=tuple(_evidence(article.text, x) for x in g.extra),
    )  # fmt: skip


def extract(article: Article) -> list[Statement]:
    """Walk the article, date every claim in context (dates_context), then merge."""
    from stancegraph.graph.extract.dates_context import assign_dates

    paras = paragraphs(article)  # once: the walk and the dating pass read the same paragraphs
    index = DateIndex(article.text, [(p.start, p.end) for p in paras if p.kind == "prose"], article.published)
    walked = _walk(article, paras, index)
    assign_dates(article, [claim for claim, _ in walked], paras, index)
    return assemble(article, walked)
