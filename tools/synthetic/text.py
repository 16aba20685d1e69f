"""An organisation's Markdown description, composed from a phrase bank (data/phrases.*.yaml)
to about a target number of words: paragraphs, a heading with a list, a link."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from tools.synthetic.world import PhraseBank

_NOT_A_WORD = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")  # a token of punctuation only: "-", "##"


def count_words(text: str) -> int:
    """Words as a reader counts them: whitespace-separated tokens with a letter or digit."""
    return len(text.split()) - len(_NOT_A_WORD.findall(text))


def fill(templates: Sequence[str], slots: dict[str, object]) -> list[str]:
    """The templates whose slots are all known, filled in (a missing slot drops the sentence)."""
    filled = []
    for template in templates:
        try:
            filled.append(template.format(**slots))
        except KeyError:
            continue
    return filled


class Pool:
    """Sentence templates in random order, filled in only when taken."""

    def __init__(self, rng: random.Random, templates: Sequence[str], slots: dict[str, object]):
        self.templates = list(templates)
        rng.shuffle(self.templates)
        self.slots = slots

    def __bool__(self) -> bool:
        return bool(self.templates)

    def pop(self, index: int = 0) -> str:
        while self.templates:
            try:
                return self.templates.pop(index).format(**self.slots)
            except KeyError:  # a slot this organisation lacks, e.g. {fed}
                continue
        return ""


def compose(rng: random.Random, bank: PhraseBank, facts: Sequence[str], slots: dict[str, object],
            activities: Sequence[tuple[str, str]], target: int, heading: bool = True,
            link: bool = True) -> str:
    """A Markdown description of about `target` words: paragraphs, a heading and a list."""
    facts = list(facts)
    rng.shuffle(facts)
    intro = Pool(rng, bank.intro, slots)
    intro.templates[:0] = facts  # the type's own sentences first
    middle = Pool(rng, bank.middle, slots)
    closing = Pool(rng, bank.closing, slots)
    first = [rng.choice(fill(bank.openings, slots)), intro.pop(0)]
    second = [middle.pop(0)]
    last = [closing.pop(0)]
    title, items, spare_items = listed_part(rng, bank, slots, activities, heading)
    words = sum(len(s.split()) for s in first + second + last + items) + count_words(title)
    if link:
        words += 3
    # (pool, where it goes, weight): the intro at most 6 sentences, the closing at most 3
    pools: list[tuple[Pool | list[str], list[str], float, int]] = [
        (intro, first, 0.35, 6), (middle, second, 0.45, 99), (spare_items, items, 0.08, 7),
        (closing, last, 0.12, 3)]
    while words < target:
        open_pools = [p for p in pools if p[0] and len(p[1]) < p[3]]
        if not open_pools:
            break
        pool, into, _, _ = rng.choices(open_pools, [p[2] for p in open_pools])[0]
        sentence = pool.pop(0)
        if sentence:
            into.append(sentence)
            words += len(sentence.split())
    last.sort(key=lambda s: s.endswith("!"))  # a welcome ends the text
    paragraphs = []
    for sentences in (first, second):
        if len(sentences) > 4:
            cut = rng.randint(2, len(sentences) - 2)
            paragraphs += [sentences[:cut], sentences[cut:]]
        else:
            paragraphs.append(sentences)
    # One line a paragraph, as editors write in a form: a line break is kept on the page.
    blocks = [" ".join(p) for p in paragraphs]
    if title:
        listed = f"## {title}\n\n" + "\n".join(f"- {item}" for item in items)
        blocks.insert(len(blocks) - (1 if rng.random() < 0.3 else 0), listed)
    blocks.append(" ".join(last))
    if link:
        blocks.append(bank.link.format(**slots))
    return "\n\n".join(blocks) + "\n"


def listed_part(rng: random.Random, bank: PhraseBank, slots: dict[str, object],
                activities: Sequence[tuple[str, str]], heading: bool
                ) -> tuple[str, list[str], list[str]]:
    """(heading, its list items, spare items that may be added) of a description: the
    activities in brief, or one of the bank's lists; nothing without a heading."""
    if not heading:
        return "", [], []
    if activities and rng.random() < 0.35:
        return bank.activities_heading, [f"**{t}** – {s[:1].lower()}{s[1:]}"
                                         for t, s in activities[:rng.randint(3, 5)]], []
    title = rng.choice(sorted(bank.lists))
    pool = fill(bank.lists[title], slots)
    rng.shuffle(pool)
    cut = rng.randint(3, 4)
    return title, pool[:cut], pool[cut:]
