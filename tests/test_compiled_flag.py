"""`articlex.compiled`, and the build hook (`hatch_build.py`) that makes a compiled wheel only when asked.

CI builds the compiled wheel itself and runs the golden tests and a whole-corpus output comparison
with it (`.ci/run`); these tests run on the editable, pure-Python install.
"""

from __future__ import annotations

import importlib.util
import stat
import sysconfig
import tomllib
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType, SimpleNamespace

import pytest

import articlex
from articlex.classify import features

ROOT = Path(__file__).resolve().parent.parent
COMPILER = "/usr/bin/cc"


def load_hook() -> ModuleType:
    """hatch_build.py, imported by path (it is not a module of the package)."""
    spec = importlib.util.spec_from_file_location("hatch_build", ROOT / "hatch_build.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


hook = load_hook()


def test_the_flag_is_a_bool() -> None:
    assert isinstance(articlex.compiled, bool)


def test_the_flag_says_which_modules_were_imported() -> None:
    assert articlex.compiled == str(features.__file__).endswith(tuple(EXTENSION_SUFFIXES))


def test_the_editable_test_install_is_pure_python() -> None:
    if not Path(str(articlex.__file__)).is_relative_to(ROOT / "src"):
        pytest.skip("articlex is not imported from this source tree")
    assert articlex.compiled is False
    assert str(features.__file__).endswith(".py")


@pytest.mark.parametrize("value", [None, "", "0", "false", "no", "off", "compile"])
def test_a_pure_build_compiles_nothing(value: str | None) -> None:
    environ = {} if value is None else {"ARTICLEX_COMPILE": value}
    assert hook.modules_to_compile("standard", environ, compiler=COMPILER) == ()


@pytest.mark.parametrize("value", ["1", "true", "YES", " on "])
def test_asked_to_compile_with_a_compiler_the_build_compiles_the_hot_modules(value: str) -> None:
    modules = hook.modules_to_compile("standard", {"ARTICLEX_COMPILE": value}, compiler=COMPILER)
    assert modules == hook.MYPYC_MODULES
    assert "src/articlex/classify/features.py" in modules  # the module `articlex.compiled` looks at


def test_an_editable_install_is_never_compiled() -> None:
    assert hook.modules_to_compile("editable", {"ARTICLEX_COMPILE": "1"}, compiler=COMPILER) == ()


def test_without_a_c_compiler_the_build_is_pure_python_with_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    assert hook.modules_to_compile("standard", {"ARTICLEX_COMPILE": "1"}, compiler=None) == ()
    assert "no C compiler" in capsys.readouterr().err


def test_the_c_compiler_is_looked_for_on_the_path(tmp_path: Path) -> None:
    if Path((sysconfig.get_config_var("CC") or "").split(" ")[0]).is_absolute():
        pytest.skip("this Python names its C compiler by an absolute path")
    assert hook.c_compiler({"PATH": str(tmp_path)}) is None
    compiler = tmp_path / "cc"
    compiler.write_text("#!/bin/sh\n", encoding="utf-8")
    compiler.chmod(compiler.stat().st_mode | stat.S_IXUSR)
    assert hook.c_compiler({"PATH": str(tmp_path)}) == str(compiler)
    assert hook.modules_to_compile("standard", {"ARTICLEX_COMPILE": "1", "PATH": str(tmp_path)}) == hook.MYPYC_MODULES


def test_the_compiled_modules_exist_and_articlex_compiled_looks_at_one_of_them() -> None:
    for module in hook.MYPYC_MODULES:
        assert (ROOT / module).is_file(), module


def test_the_build_requirements_are_added_only_when_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = SimpleNamespace(metadata=SimpleNamespace(core=SimpleNamespace(dependencies=["selectolax>=0.3.21,<2"])))
    monkeypatch.delenv("ARTICLEX_COMPILE", raising=False)
    assert hook.CompileHook.dependencies(fake) == []
    monkeypatch.setenv("ARTICLEX_COMPILE", "1")
    requirements = hook.CompileHook.dependencies(fake)
    assert any(requirement.startswith("mypy") for requirement in requirements)
    assert "selectolax>=0.3.21,<2" in requirements


def test_pyproject_registers_the_hook_for_the_wheel_only() -> None:
    hatch = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["hatch"]["build"]
    assert hatch["targets"]["wheel"]["hooks"]["custom"].get("path", "hatch_build.py") == "hatch_build.py"
    assert "hooks" not in hatch["targets"]["sdist"]
    assert "hatch_build.py" in hatch["targets"]["sdist"]["include"]
