"""Blogs in the layouts of the site generators people use, for ``init`` and the survey.

Each is a ``{relative path: content}`` map in the shape its generator documents:
Pelican keeps posts in ``content/`` with ``Key: value`` headers and a ``pelicanconf.py``;
Hugo keeps them in ``content/posts/`` (page bundles ``index.md`` among them) with TOML
or YAML front matter and a ``hugo.toml``; Jekyll in ``_posts/`` with date-prefixed file
names and YAML front matter, beside ``_config.yml`` and a ``Gemfile``. The haiku are
real 5-7-5 haiku with headers that agree, so ``check`` passes on a blog configured right.
"""

from __future__ import annotations

QUIET = "a-quiet-release-/-nothing-broke-and-no-one-called-/-we-went-home-on-time"
COFFEE = "the-coffee-goes-cold-/-a-migration-runs-all-night-/-the-tables-line-up"
REVIEW = "my-first-pull-request-/-a-reviewer-left-one-word-/-it-said-thank-you-twice"
TYPO = "a-typo-in-prod-/-one-letter-changed-the-whole-page-/-the-fix-took-a-week"
RACK = "the-lights-in-the-rack-/-blink-amber-then-green-then-dark-/-someone-pulled-a-cord"
SNOW = "snow-falls-on-the-roof-/-the-backup-tape-spins-and-spins-/-restores-never-tried"


def pelican_post(title: str, day: str) -> str:
    return f"Title: {title}\nDate: {day}\nCategory: ops\n\nA paragraph about the week.\n"


def yaml_post(title: str, day: str) -> str:
    return f"---\ntitle: {title}\ndate: {day}\n---\n\nA paragraph about the week.\n"


def toml_post(title: str, day: str) -> str:
    return f'+++\ntitle = "{title}"\ndate = {day}\n+++\n\nA paragraph about the week.\n'


PELICAN: dict[str, str] = {
    "pelicanconf.py": 'AUTHOR = "Someone"\nSITENAME = "Haiku Ops"\nPATH = "content"\n',
    f"content/{QUIET}.md": pelican_post("A Quiet Release", "2022-06-17"),
    f"content/{COFFEE}.md": pelican_post("The Long Night", "2023-02-11"),
    f"content/{TYPO}.md": pelican_post("One Letter", "2024-03-02"),
    "content/pages/about.md": "Title: About\n\nWho writes here, and why.\n",
    "README.md": "# my blog\n",
}

HUGO: dict[str, str] = {
    "hugo.toml": 'baseURL = "https://example.org/"\ntitle = "Haiku Ops"\n',
    "archetypes/default.md": '+++\ntitle = "{{ .Name }}"\ndate = {{ .Date }}\n+++\n',
    f"content/posts/{REVIEW}/index.md": toml_post("First Review", "2023-05-02"),
    f"content/posts/{QUIET}.md": toml_post("A Quiet Release", "2022-06-17"),
    f"content/posts/{COFFEE}.md": yaml_post("The Long Night", "2023-02-11"),
    f"content/posts/field-notes/{TYPO}.md": toml_post("One Letter", "2024-03-02"),
    f"content/posts/field-notes/{SNOW}.md": toml_post("Tape", "2024-01-09"),
    "content/posts/_index.md": '+++\ntitle = "Posts"\n+++\n',
    "content/about.md": '+++\ntitle = "About"\n+++\n\nWho writes here.\n',
}


def dated(chain: str, day: str) -> str:
    """``a-/-b-/-c`` as Jekyll names it: ``a-/-b-/2024-03-05-c`` (the date starts the file
    name, and its hyphen is the separator's right half)."""
    head, _, last = chain.rpartition("/")
    return f"{head}/{day}{last}"


JEKYLL: dict[str, str] = {
    "_config.yml": "title: Haiku Ops\n",
    "Gemfile": 'source "https://rubygems.org"\ngem "jekyll", "~> 4.3"\n',
    f"_posts/{dated(QUIET, '2022-06-17')}.md": yaml_post("A Quiet Release", "2022-06-17"),
    f"_posts/{dated(TYPO, '2024-03-02')}.markdown": yaml_post("One Letter", "2024-03-02"),
    f"_posts/{dated(COFFEE, '2023-02-11')}.md": yaml_post("The Long Night", "2023-02-11"),
    "index.md": "---\nlayout: home\n---\n",
}
