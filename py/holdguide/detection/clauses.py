"""Split a folded text into sentences and clauses: the windows the situation rules look in.

A rule's concepts must meet in one sentence (or one clause); a cue that cancels a claim ("if", "not", "why
...?", "scammers claim that ...") cancels only the stretch its scope gives (``data/detection/rules.toml``,
``[cues]``; a language may turn a scope round in its lexicon, ``[cue_scopes]``):

- ``clause``: the clause around the cue, between punctuation or clause words ("and", "but": CLAUSE_BREAK);
- ``forward``: from the cue to the next punctuation ("If A and B, C": the "if" governs A and B, not C);
- ``backward``: from the last punctuation to the cue (Japanese 「…場合」: the condition ends with its marker);
- ``preceding``: from the start of the sentence to the cue (a sentence-final Japanese 「…ことがあります」);
- ``sentence``: the whole sentence.

So a paragraph about phishing inside a genuine Amazon mail does not cancel the mail, and "If your account is
on hold, contact us" cancels only what the "if" governs. Sentences end at ``. ! ?`` followed by white space, at
``。！？؟``, at a line break (a heading on its own line is a sentence) and between table cells (``|``);
punctuation clauses end at ``, ; :``, ``、``, ``،``, a parenthesis or a dash between spaces. Text between double
quotes (folded from every kind of quotation mark, 「」 included) is marked as quoted: a claim quoted in an
article weighs less. A parenthesis is an aside of the clause it follows: a cue whose clause or forward reach ends
where a parenthesis opens reaches to its close ("Il peut arriver que votre profil soit suspendu (mention Account
suspended sur votre site)": the possibility governs the label quoted in the aside; held-out round 7).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# "|": a table's cells are statements of their own; a bullet after white space starts a list item.
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|[。！？؟]+|\n|\||(?<=\s)[・•●■▪◆](?=\S)")
_CLAUSE_END = re.compile(r"[,;:،؛、()\[\]]| - ")
_ASIDE = re.compile(r"\([^()]*\)")

SCOPES = ("clause", "forward", "backward", "preceding", "sentence")


@dataclass(frozen=True)
class Sentence:
    """One sentence ``[start, end)`` of a folded text, with the ends of its punctuation clauses and of all its
    clauses (punctuation and clause words), each sorted."""

    start: int
    end: int
    punctuation_ends: tuple[int, ...]
    clause_ends: tuple[int, ...]
    asides: tuple[tuple[int, int], ...] = ()  # [start, end) of each parenthesis, brackets included

    def clause_of(self, position: int) -> int:
        """The index of the (smallest) clause that holds ``position``."""
        return bisect_right(self.clause_ends, position)

    def with_breaks(self, positions: list[int]) -> Sentence:
        """The sentence with more clause ends (``positions`` sorted): where CLAUSE_BREAK words start."""
        inside = positions[bisect_right(positions, self.start):bisect_left(positions, self.end)]
        if not inside:
            return self
        return Sentence(self.start, self.end, self.punctuation_ends, tuple(sorted({*self.clause_ends, *inside})),
                        self.asides)

    def reach(self, start: int, end: int, scope: str) -> tuple[int, int]:
        """The stretch ``[a, b)`` a cue at ``[start, end)`` governs with ``scope`` (see the module docstring)."""
        if scope == "sentence":
            return self.start, self.end
        if scope == "forward":
            return start, self._with_aside(_next(self.punctuation_ends, start, self.end))
        if scope == "backward":
            return _previous(self.punctuation_ends, start, self.start), end
        if scope == "preceding":
            return self.start, end
        reach = _next(self.clause_ends, start, self.end)
        return _previous(self.clause_ends, start, self.start), self._with_aside(reach)

    def _with_aside(self, end: int) -> int:
        """``end``, or the close of the parenthesis that opens there: an aside belongs to the clause before it."""
        return next((close for opening, close in self.asides if opening == end), end)


def _next(ends: tuple[int, ...], position: int, default: int) -> int:
    index = bisect_right(ends, position)
    return ends[index] if index < len(ends) else default


def _previous(ends: tuple[int, ...], position: int, default: int) -> int:
    index = bisect_right(ends, position) - 1
    return ends[index] if index >= 0 else default


def sentences(text: str) -> list[Sentence]:
    """The sentences of a folded text, with their punctuation clauses; empty stretches are skipped."""
    found: list[Sentence] = []
    start = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        end = match.end() if match else len(text)
        if text[start:end].strip():
            ends = tuple(m.start() for m in _CLAUSE_END.finditer(text, start, end))
            asides = tuple(m.span() for m in _ASIDE.finditer(text, start, end))
            found.append(Sentence(start, end, ends, ends, asides))
        start = end
    return found


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of every stretch between two double quotes (an unpaired last quote is ignored)."""
    marks = [m.start() for m in re.finditer('"', text)]
    return [(marks[i], marks[i + 1] + 1) for i in range(0, len(marks) - 1, 2)]
