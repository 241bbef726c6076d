"""Generate a blog of N posts for benchmarks: ``python benchmarks/generate_blog.py N DEST``.

The blog looks like a real one in haikulint's layout: posts under ``posts/``, most of
them in year (and some in month) folders, each path a haiku whose lines are folders
(``posts/2021/old-node-hums-/-.../-....md``), in every header style haikulint reads
(YAML, TOML and JSON front matter, Pelican lines, the haiku-first shape), with bodies
of a few kilobytes that open with a dateline. About 10% of the posts are defective, one
defect each, spread over the rules. ``DEST/haikulint.toml`` sets ``root = "posts"``.

The same N, seed and defect rate always give the same blog. Haiku are built from a word
list whose syllable counts are unambiguous (one reading in the CMU dictionary, and the
same in haikulint's engine), so a post meant to be clean is clean and a line made a
syllable too long is too long. (Not ``battery`` or ``gallery``: one pronunciation each
in the CMU dictionary, but said in two syllables too, bat-try, gal-ry, as haikulint
reads them; a line one syllable long with either still fits. Nor ``evening`` or
``library``, which haikulint also reads as e-ven-ing and li-bree.)
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

FORM = (5, 7, 5)

WORDS: dict[int, tuple[str, ...]] = {
    1: (
        "the", "old", "new", "slow", "fast", "cold", "warm", "dark", "bright", "still",
        "late", "soon", "long", "short", "red", "green", "blue", "gray", "build", "test",
        "log", "disk", "queue", "node", "key", "lock", "port", "host", "page", "file",
        "branch", "merge", "push", "pull", "fix", "patch", "bug", "crash", "ship", "rack",
        "fan", "light", "night", "dawn", "rain", "snow", "wind", "moon", "sun", "leaf",
        "stone", "pond", "frog", "bird", "cloud", "sky", "tea", "cup", "desk", "chair",
        "door", "road", "bridge", "shell", "script", "job", "task", "team", "code", "line",
        "word", "book", "note", "list", "map", "sleeps", "waits", "hums", "runs", "stops",
        "breaks", "falls", "fades", "grows", "turns", "drifts", "burns", "rests", "glows",
        "thread",
    ),
    2: (
        "deploy", "server", "window", "kernel", "engine", "signal", "pointer", "compile",
        "commit", "release", "rollback", "backup", "cluster", "morning", "sunset",
        "winter", "summer", "autumn", "coffee", "paper", "river", "silent", "quiet",
        "hollow", "yellow", "table", "matrix", "vector", "pixel", "socket", "process",
        "packet", "router", "buffer", "header", "footer", "pipeline", "keyboard",
    ),
    3: (
        "migration", "terminal", "document", "monitor", "database", "container",
        "compiler", "another", "overflow", "yesterday", "tomorrow", "forever",
        "computer", "remember", "deployment", "configure", "dependent",
    ),
}  # fmt: skip
UNKNOWN_WORDS = ("glorp", "snarf", "zorp", "frib", "quonk", "skronk", "vorp")
"""One syllable by any estimate, and in no dictionary: each makes ``unknown-word`` fire."""

SENTENCES = (
    "The deploy went out just after lunch and nobody noticed, which is the goal.",
    "I spent most of the afternoon reading logs that said almost nothing useful.",
    "Our on-call rotation is four people now, and it finally feels sustainable.",
    "The database migration ran in batches of ten thousand rows overnight.",
    "Someone asked why the build takes twelve minutes; the honest answer is history.",
    "We replaced a cron job with a queue consumer and the duplicates stopped.",
    "The dashboard was green for the whole week, and I still checked it hourly.",
    "A flaky test turned out to depend on the order of a dictionary.",
    "I rewrote the runbook so that a tired person at three in the morning can follow it.",
    "The cache hit rate dropped after the release, and the fix was a single header.",
    "Half of the configuration keys in the old service are read by nothing at all.",
    "We moved the old logs to cold storage and the bill fell by a third.",
    "The postmortem took longer than the outage, and it was worth every minute.",
    "Nobody remembers why the box under the desk exists, so we leave it alone.",
    "Feature flags turned a scary launch into a boring afternoon.",
    "The new intern found a bug in the deploy script on her second day.",
)
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)  # fmt: skip
STYLE_WEIGHTS = {"yaml": 50, "toml": 20, "json": 10, "pelican": 10, "haiku-first": 10}
FIRST_DAY = date(2015, 1, 1)
LAST_DAY = date(2024, 12, 31)


@dataclass
class Draft:
    """One post before it is written: its parts, which a defect may change."""

    lines: list[list[str]]
    title: str | None
    day: date
    date_text: str | None
    style: str
    folders: list[str]
    extension: str = ".md"
    written_haiku: str | None = None
    """The haiku as written in the body, when it differs from the slug's."""
    front_matter_closed: bool = True
    encoding: str = "utf-8"
    dateline: bool = True
    """Whether the body opens with the date, as most real posts do."""

    @property
    def slug(self) -> str:
        return "-/-".join("-".join(words) for words in self.lines)

    @property
    def haiku(self) -> str:
        return " / ".join(" ".join(words) for words in self.lines).lower()


@dataclass
class Generator:
    rng: random.Random
    seen_titles: set[str] = field(default_factory=set)
    written_titles: dict[str, str] = field(default_factory=dict)
    """Titles of posts written clean so far, and their paths: for repeated titles."""
    seen_slugs: set[str] = field(default_factory=set)

    def line(self, syllables: int) -> list[str]:
        words: list[str] = []
        while syllables:
            count = self.rng.choice([size for size in WORDS if size <= syllables])
            words.append(self.rng.choice(WORDS[count]))
            syllables -= count
        return words

    def haiku(self) -> list[list[str]]:
        while True:
            lines = [self.line(count) for count in FORM]
            key = "-/-".join("-".join(words) for words in lines)
            if key not in self.seen_slugs:
                self.seen_slugs.add(key)
                return lines

    def title(self) -> str:
        while True:
            words = [self.rng.choice(WORDS[self.rng.choice((1, 2, 3))]) for _ in range(4)]
            title = " ".join(word.capitalize() for word in words)
            if title not in self.seen_titles:
                self.seen_titles.add(title)
                return title

    def draft(self) -> Draft:
        day = FIRST_DAY + timedelta(days=self.rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
        placement = self.rng.random()
        folders = (
            [f"{day.year}", f"{day.month:02d}"]
            if placement < 0.15
            else [f"{day.year}"]
            if placement < 0.85
            else []
        )
        style = self.rng.choices(list(STYLE_WEIGHTS), weights=list(STYLE_WEIGHTS.values()))[0]
        return Draft(self.haiku(), self.title(), day, day.isoformat(), style, folders)

    def body(self, day: date | None) -> str:
        paragraphs = [
            " ".join(self.rng.choices(SENTENCES, k=self.rng.randint(4, 7)))
            for _ in range(self.rng.randint(5, 9))
        ]
        if day is not None:
            paragraphs[0] = f"{MONTHS[day.month - 1]} {day.day}, {day.year} - {paragraphs[0]}"
        return "\n\n".join(paragraphs) + "\n"


# Defects: each changes a draft so that exactly one rule fires, and names that rule.
def _too_long_last_line(gen: Generator, post: Draft) -> str:
    post.lines[2] = [*post.lines[2], gen.rng.choice(WORDS[1])]
    return "HK103"


def _two_lines(gen: Generator, post: Draft) -> str:
    post.lines = post.lines[:2]
    return "HK101"


def _capital_letters(gen: Generator, post: Draft) -> str:
    post.lines[0] = [word.capitalize() for word in post.lines[0]]
    return "HK104"


def _unknown_word(gen: Generator, post: Draft) -> str:
    line = post.lines[1]
    one_syllable = [index for index, word in enumerate(line) if word in WORDS[1]]
    if one_syllable:
        line[gen.rng.choice(one_syllable)] = gen.rng.choice(UNKNOWN_WORDS)
    else:
        post.lines[1] = [*gen.line(FORM[1] - 1), gen.rng.choice(UNKNOWN_WORDS)]
    return "HK105"


def _no_title(gen: Generator, post: Draft) -> str:
    post.title = None
    return "HK201"


def _no_date(gen: Generator, post: Draft) -> str:
    post.date_text = None
    return "HK202"


def _impossible_date(gen: Generator, post: Draft) -> str:
    post.date_text = f"{post.day.year}-02-30"
    post.folders = []
    post.dateline = False
    return "HK203"


def _future_date(gen: Generator, post: Draft) -> str:
    post.day = date(2999, 1, 1)
    post.date_text = post.day.isoformat()
    post.folders = []
    post.dateline = False
    return "HK204"


def _wrong_year_folder(gen: Generator, post: Draft) -> str:
    post.folders = [str(post.day.year + 1)]
    return "HK205"


def _different_haiku_in_body(gen: Generator, post: Draft) -> str:
    written = [list(words) for words in post.lines]
    last = written[2][-1]
    size = next(size for size, words in WORDS.items() if last in words)
    written[2][-1] = next(word for word in WORDS[size] if word != last)
    post.written_haiku = " / ".join(" ".join(words) for words in written)
    return "HK206"


def _unclosed_front_matter(gen: Generator, post: Draft) -> str:
    post.style = "yaml"
    post.front_matter_closed = False
    return "HK207"


def _repeated_title(gen: Generator, post: Draft) -> str:
    if not gen.written_titles:  # nothing to repeat yet
        return _no_title(gen, post)
    post.title = gen.rng.choice(list(gen.written_titles))
    return "HK302"


def _latin_1(gen: Generator, post: Draft) -> str:
    post.title = f"{post.title} Caf\u00e9"
    post.encoding = "latin-1"
    return "HK001"


DEFECTS: tuple[Callable[[Generator, Draft], str], ...] = (
    _too_long_last_line,
    _two_lines,
    _capital_letters,
    _unknown_word,
    _no_title,
    _no_date,
    _impossible_date,
    _future_date,
    _wrong_year_folder,
    _different_haiku_in_body,
    _unclosed_front_matter,
    _repeated_title,
    _latin_1,
)


def _toml_value(value: str) -> str:
    """A date as a TOML date where it is a real one (TOML rejects 2023-02-30), else a string."""
    try:
        date.fromisoformat(value)
    except ValueError:
        return json.dumps(value, ensure_ascii=False)  # a JSON string of text is a TOML string
    return value


def render(gen: Generator, post: Draft) -> str:
    """The file's text in the post's header style."""
    values = {"title": post.title, "date": post.date_text}
    fields = {key: value for key, value in values.items() if value is not None}
    text = f"{post.written_haiku or post.haiku}\n\n{gen.body(post.day if post.dateline else None)}"
    if post.style == "yaml":
        head = "".join(f"{key}: {value}\n" for key, value in fields.items())
        return f"---\n{head}{'---' if post.front_matter_closed else ''}\n\n{text}"
    if post.style == "toml":
        head = "".join(f"{key} = {_toml_value(value)}\n" for key, value in fields.items())
        return f"+++\n{head}+++\n\n{text}"
    if post.style == "json":
        return f"{json.dumps(fields, indent=4, ensure_ascii=False)}\n\n{text}"
    head = "".join(f"{key.capitalize()}: {value}\n" for key, value in fields.items())
    if post.style == "pelican":
        return f"{head}Tags: notes\n\n{text}"
    haiku, body = text.split("\n\n", 1)  # haiku-first, as the seed posts
    return f"{haiku}\n\n\n{head}\n\n{body}"


def generate_blog(
    count: int, dest: Path, seed: int = 2024, defect_rate: float = 0.1
) -> dict[str, str]:
    """Write ``count`` posts under ``dest/posts``; return ``{path: defect code}``.

    Paths in the result are POSIX, relative to ``dest``; clean posts are not in it.
    """
    gen = Generator(random.Random(seed))
    (dest / "posts").mkdir(parents=True, exist_ok=True)
    (dest / "haikulint.toml").write_text('root = "posts"\n', encoding="utf-8")
    defects: dict[str, str] = {}
    for number in range(count):
        post = gen.draft()
        code = None
        if gen.rng.random() < defect_rate:
            code = DEFECTS[number % len(DEFECTS)](gen, post)
        relative = "/".join(["posts", *post.folders, post.slug]) + post.extension
        path = dest / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(render(gen, post).encode(post.encoding))
        if code == "HK302" and post.title is not None:  # both posts of the pair
            defects[gen.written_titles[post.title]] = code
        if code is not None:
            defects[relative] = code
        elif post.title is not None:
            gen.written_titles[post.title] = relative
    return defects


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="number of posts")
    parser.add_argument("dest", type=Path, help="an empty or new folder")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--defect-rate", type=float, default=0.1)
    parser.add_argument("--manifest", type=Path, help="write {path: defect code} as JSON here")
    args = parser.parse_args(argv)
    if args.count < 0 or not 0 <= args.defect_rate <= 1:
        parser.error("count must be >= 0 and --defect-rate between 0 and 1")
    if args.dest.exists() and any(args.dest.iterdir()):
        parser.error(f"{args.dest}: not empty; refusing to write posts into it")
    defects = generate_blog(args.count, args.dest, args.seed, args.defect_rate)
    if args.manifest is not None:
        args.manifest.write_text(json.dumps(defects, indent=1, sort_keys=True), encoding="utf-8")
    print(f"{args.count} posts ({len(defects)} defective) in {args.dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
