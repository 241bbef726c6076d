"""Front matter styles are recognised as python-frontmatter recognises them.

haikulint copies the package's boundary patterns rather than import it (with PyYAML) on
every run; these tests hold the copies to the installed package, and the detection built
on them to its handlers' ``detect``, on generated openings.
"""

from __future__ import annotations

import re
from pathlib import Path

from frontmatter import default_handlers
from hypothesis import given
from hypothesis import strategies as st

from haikulint.blog import frontmatter_loading
from haikulint.blog.frontmatter_loading import JSON_BOUNDARY, TOML_BOUNDARY, YAML_BOUNDARY


def test_the_boundaries_are_the_package_s() -> None:
    assert YAML_BOUNDARY == default_handlers.YAMLHandler.FM_BOUNDARY
    assert JSON_BOUNDARY == default_handlers.JSONHandler.FM_BOUNDARY
    # The package's TOMLHandler exists only with the old ``toml`` package installed;
    # its boundary is written in its source either way.
    source = Path(default_handlers.__file__).read_text(encoding="utf-8")
    assert f'FM_BOUNDARY = re.compile(r"{TOML_BOUNDARY.pattern}", re.MULTILINE)' in source
    assert TOML_BOUNDARY.flags & re.MULTILINE


OPENINGS = st.sampled_from(["---", "----", "--- ", "+++", "++++ \t", "{", "}", "{ ", "-- -", ""])
REST = st.sampled_from(["", "\n", "\ntitle: T\n", " x\n", "\n---\n", '"title": "T"}\n', "\r\n"])


@given(st.tuples(OPENINGS, REST).map("".join))
def test_each_style_is_detected_as_the_package_s_handler_detects_it(text: str) -> None:
    detected = {style.name: style.detect(text) for style in frontmatter_loading._styles()}
    assert detected["yaml"] == default_handlers.YAMLHandler().detect(text)
    toml_handler = default_handlers.YAMLHandler(fm_boundary=TOML_BOUNDARY)
    assert detected["toml"] == toml_handler.detect(text)
    json_detect = default_handlers.JSONHandler().detect
    assert detected["json"] == frontmatter_loading._is_json_opening(text, json_detect)
