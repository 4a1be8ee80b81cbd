"""BIN: binaries, large files and images that may be logos."""

from __future__ import annotations

from pathlib import Path

from tests.audit.testing import found, make_repo, rules


def test_bin001_executables_and_binary_content(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path, {"tool.exe": b"MZ\0\0", "lib/x.jar": b"PK\3\4", "data.dat": b"\0\1\2", "logo.png": b"\x89PNG\0"}
    )
    assert sorted(f.path or "" for f in found(root, "BIN001")) == ["data.dat", "lib/x.jar", "tool.exe"]


def test_bin001_text_files_pass(tmp_path: Path) -> None:
    assert rules(make_repo(tmp_path, {"a.py": "print(1)\n", "b.md": "# B\n"}), "BIN001") == []


def test_bin002_large_file_is_not_read(tmp_path: Path) -> None:
    root = make_repo(tmp_path, {"big.txt": "password=Sup3rSecret!\n" + "x" * (2 << 20)})
    found_rules = [f.rule for f in found(root, "")]
    assert "BIN002" in found_rules
    assert "SEC012" not in found_rules  # beyond the cap nothing is read


def test_bin003_logo_images(tmp_path: Path) -> None:
    root = make_repo(
        tmp_path, {"assets/lhm-logo.png": b"\x89PNG", "img/Stadtwappen.svg": "<svg/>", "img/chart.png": b"\x89PNG"}
    )
    assert sorted(f.path or "" for f in found(root, "BIN003")) == ["assets/lhm-logo.png", "img/Stadtwappen.svg"]
