#!/usr/bin/env python3
"""Generate a synthetic news corpus for benchmarks by recombining dev-set paragraphs.

Each synthetic article is a headline, a byline and dateline, a body of ~700 words made of
runs of consecutive paragraphs taken from the dev set (and, with --seeds, from the seed
articles), and, on most pages, a block of page furniture ("Related posts", newsletter
prompts, lists of headlines). Runs of consecutive paragraphs keep quotes, their
attributions and pronoun references together, so the text reads like real news and gives
an extractor real work. Names of private persons (vox pops), weekdays, months, and the
spellings Zelensky/Zelenskyy/Zelenskiy and Kyiv/Kiev are varied per article; public
figures keep their names.

Output: a JSON Lines collection of {id, url, title, publisher, published, text}, readable
by ``stancegraph.graph.articles.read_articles``. Deterministic for a given --seed.

    python bench/make_corpus.py --n 1000 --out /tmp/corpus.jsonl
    python bench/make_corpus.py --n 5000 --seeds ../shared/seeds --out /tmp/corpus5k.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEVSET = ROOT / "tests" / "fixtures" / "devset"

# A paragraph that starts the page's tail: it and everything after it is furniture.
TAIL = re.compile(
    r"^\s*(related|more (stories|from|on this)|read (more|also|next)|most (popular|read|viewed)|"
    r"recommended|you (may|might) also like|trending|leave a (reply|comment)|click to comment|"
    r"comments?\b|comments are closed|newsletter|sign up|subscribe|share this|tags?:|to top|"
    r"journalists fight|support (us|our|independent)|this material was prepared|advertisement|"
    r"\(reporting by|this article was republished|the views expressed|photo:)",
    re.IGNORECASE,
)
PROSE_END = re.compile(r"[.!?\"”’)]\s*$")

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
# Invented private persons in the dev set: replaced by generated names in the corpus.
PRIVATE_PERSONS = [
    "Oksana Hrytsenko",
    "Halyna Mykhailivna",
    "Ihor Savchuk",
    "Mariia Koval",
    "Liudmyla Tkach",
    "Svitlana Bondar",
    "Volodymyr Kravets",
    "Nadiya Sirenko",
    "Khalid Al Mansoori",
    "Martin Ostrowski",
    "Mark Ellison",
]
FIRST_NAMES = [
    "Olena", "Iryna", "Nataliia", "Kateryna", "Yulia", "Tetiana", "Anastasiia", "Larysa", "Maryna",
    "Andrii", "Oleksandr", "Serhii", "Yurii", "Bohdan", "Roman", "Maksym", "Dmytro", "Vasyl", "Petro",
]  # fmt: skip
SURNAMES = [
    "Shevchuk", "Melnyk", "Bondarenko", "Tkachenko", "Kovalenko", "Oliinyk", "Marchenko", "Lysenko",
    "Rudenko", "Savchenko", "Kravchuk", "Moroz", "Hnatiuk", "Ponomarenko", "Yatsenko", "Didenko",
]  # fmt: skip
PUBLISHERS = [
    "Continental Wire Service", "The Atlantic Ledger", "Kyiv Daily Monitor", "Northern Europe Herald",
    "Eurasia Briefing Wire", "Global News Live", "Black Sea News Network", "World Today Digest",
    "Brussels Policy Post", "Eastern Front Dispatch", "My Blog", "Danube Evening Star",
]  # fmt: skip
FURNITURE_HEADS = [
    "Related posts",
    "Read more",
    "Most read",
    "You may also like",
    "More from World",
    "Recommended",
    "Leave a Reply",
    "Sign up for our morning newsletter",
    "Share this article",
    "Comments (0)",
]
UNRELATED_HEADLINES = [
    "Heavy rain closes mountain roads for a second day",
    "Central bank holds interest rates steady",
    "Five things to do in the old town this weekend",
    "Local football club confirms new head coach",
    "Prices of sunflower oil fall to a two-year low",
    "How to keep your home warm during power cuts",
    "City council approves budget for new tram line",
    "Heatwave: doctors advise people to stay indoors",
    "Exports of grain rise for third month",
    "Museum reopens after two years of repairs",
]


@dataclass
class Source:
    """One source article split into header, body paragraphs and furniture."""

    stem: str
    title: str
    body: list[str]
    furniture: list[str] = field(default_factory=list)


def split_paragraphs(text: str) -> list[str]:
    return [p.strip("\n") for p in re.split(r"\n\s*\n", text) if p.strip()]


def is_prose(par: str) -> bool:
    return len(par.split()) >= 8 and bool(PROSE_END.search(par.strip()))


def parse_source(stem: str, text: str, title: str) -> Source:
    """Header (before the first prose paragraph), body, furniture (from the first tail marker on)."""
    pars = split_paragraphs(text)
    first = next((i for i, p in enumerate(pars) if is_prose(p)), 0)
    body: list[str] = []
    furniture: list[str] = []
    pending: list[str] = []  # short lines (timestamps, subheads) attach to the next paragraph
    tail = False
    for par in pars[first:]:
        if not tail and TAIL.match(par) and len(par.split()) < 25:
            tail = True
        if tail:
            furniture.append(par)
        elif len(par.split()) < 6 and not is_prose(par):
            pending.append(par)
        else:
            body.append("\n".join([*pending, par]))
            pending = []
    return Source(stem=stem, title=title, body=body, furniture=furniture)


def load_sources(folders: list[Path]) -> list[Source]:
    sources = []
    for folder in folders:
        for path in sorted(folder.glob("*.txt")):
            meta_path = path.with_name(path.stem + ".meta.json")
            meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
            text = path.read_text(encoding="utf-8")
            src = parse_source(path.stem, text, meta.get("title") or split_paragraphs(text)[0])
            if src.body:
                sources.append(src)
    if not sources:
        sys.exit(f"no articles found in {', '.join(map(str, folders))}")
    return sources


def _swap_all(text: str, mapping: dict[str, str]) -> str:
    """Replace whole words by the mapping in one pass (so a->b, b->a works)."""
    if not mapping:
        return text
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, sorted(mapping, key=len, reverse=True))) + r")\b")
    return pattern.sub(lambda m: mapping[m.group(1)], text)


def vary(text: str, rng: random.Random) -> str:
    """Per-article variation: private names, weekdays, months, spellings."""
    mapping: dict[str, str] = {}
    for full in PRIVATE_PERSONS:
        if full in text:
            first, last = rng.choice(FIRST_NAMES), rng.choice(SURNAMES)
            mapping[full] = f"{first} {last}"
            mapping[full.split()[-1]] = last
    shift = rng.randrange(7)
    mapping.update({d: WEEKDAYS[(i + shift) % 7] for i, d in enumerate(WEEKDAYS)})
    if rng.random() < 0.5:
        # rotate the month names, leaving "May" alone (it is also a verb)
        months = [m for m in MONTHS if m != "May"]
        mshift = rng.choice([1, 2, 10])
        mapping.update({m: months[(i + mshift) % len(months)] for i, m in enumerate(months)})
    text = _swap_all(text, mapping)
    spelling = rng.choice(["Zelensky", "Zelenskyy", "Zelenskiy"])
    text = re.sub(r"\bZelensk(?:yy|iy|y)\b", spelling, text)
    if rng.random() < 0.15:
        text = re.sub(r"\bKyiv\b", "Kiev", text)
    return text


def make_article(
    k: int, sources: list[Source], furniture: list[str], rng: random.Random, words: int
) -> dict[str, object]:
    primary = rng.choice(sources)
    target = max(250, int(rng.gauss(words - 40, words * 0.15)))  # ~40 words of header and furniture
    body: list[str] = []
    count = 0
    src = primary
    while count < target:
        run = rng.randint(2, 5)
        start = rng.randrange(max(1, len(src.body) - run + 1))
        for par in src.body[start : start + run]:
            body.append(par)
            count += len(par.split())
            if count >= target:
                break
        src = rng.choice(sources)
    published = date(2022, 3, 1) + timedelta(days=rng.randrange(1300))
    publisher = rng.choice(PUBLISHERS)
    head = [primary.title]
    if rng.random() < 0.6:
        head.append(f"By {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}")
    head.append(rng.choice([published.strftime("%d %B %Y"), published.strftime("%B %d, %Y"), published.isoformat()]))
    tail: list[str] = []
    if rng.random() < 0.7:
        tail.append(rng.choice(FURNITURE_HEADS))
        pool = furniture + UNRELATED_HEADLINES
        tail.extend(rng.sample(pool, min(len(pool), rng.randint(2, 5))))
    text = vary("\n\n".join([*head, *body, *tail]) + "\n", rng)
    art_id = f"synth-{k:06d}"
    return {
        "id": art_id,
        "url": f"https://news.example/{published.year}/{art_id}",
        "title": vary(primary.title, rng),
        "publisher": publisher,
        "published": published.isoformat(),
        "text": text,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    ap.add_argument("--words", type=int, default=700, help="mean body length in words (default 700)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/corpus.jsonl"), help="output JSONL file")
    ap.add_argument("--devset", type=Path, default=DEVSET, help="folder of dev-set .txt articles")
    ap.add_argument("--seeds", type=Path, default=None, help="also recombine these articles (../shared/seeds)")
    a = ap.parse_args(argv)
    folders = [a.devset] + ([a.seeds] if a.seeds else [])
    sources = load_sources(folders)
    furniture = sorted({f for s in sources for f in s.furniture if len(f.split()) <= 15 and not TAIL.match(f)})
    rng = random.Random(a.seed)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    total_words = 0
    with a.out.open("w", encoding="utf-8") as fh:
        for k in range(a.n):
            art = make_article(k, sources, furniture, rng, a.words)
            total_words += len(str(art["text"]).split())
            fh.write(json.dumps(art, ensure_ascii=False) + "\n")
    print(
        f"wrote {a.n} articles, {total_words} words ({total_words / max(a.n, 1):.0f} per article) "
        f"from {len(sources)} sources to {a.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
