"""The escaping filters: one quoted form that JSON, YAML and TOML all read back exactly."""

from __future__ import annotations

import json
import tomllib
import xml.etree.ElementTree as ET

import yaml
from hypothesis import given
from hypothesis import strategies as st

from checklist.scaffold.jinja_ext import quoted, xml


@given(st.text())
def test_quoted_round_trips_in_json_yaml_and_toml(value: str) -> None:
    literal = quoted(value)
    assert json.loads(literal) == value
    assert yaml.safe_load(f"key: {literal}\n")["key"] == value
    assert tomllib.loads(f"key = {literal}\n")["key"] == value


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff")))
def test_xml_round_trips(value: str) -> None:
    element = ET.fromstring(f'<a b="{xml(value)}">{xml(value)}</a>')
    assert element.text in (value, None if value == "" else value)
    assert element.get("b") == value
