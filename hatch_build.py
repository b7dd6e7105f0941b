"""Build hook: compile articlex's hot modules with mypyc, only when asked to and a C compiler is present.

    ARTICLEX_COMPILE=1 pip wheel --no-deps -w dist .    # a compiled wheel (cp3XX, platform tag)
    pip wheel --no-deps -w dist .                       # a pure-Python wheel (py3-none-any), as always

Without ``ARTICLEX_COMPILE=1`` (also ``true``, ``yes``, ``on``), without a C compiler, and for an
editable install (``pip install -e .``), the hook does nothing and the wheel is pure Python. When
compiling, mypy (with mypyc) and setuptools are added to the build's requirements, together with
articlex's own dependencies, which mypy reads the types of; the modules in `MYPYC_MODULES` are
compiled in one group and their extension modules go into the wheel beside the ``.py`` sources
(Python's import system prefers the extension). ``articlex.compiled`` says which build runs.

A failing compilation, once asked for, fails the build: it is never silently pure Python. Only a
missing C compiler falls back to pure Python, with a warning.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

try:
    from hatchling.builders.hooks.plugin.interface import BuildHookInterface
except ImportError:  # imported outside a build (the tests): the plan below needs no hatchling
    BuildHookInterface = object  # type: ignore[assignment,misc]

COMPILE_VARIABLE = "ARTICLEX_COMPILE"
YES = frozenset({"1", "true", "yes", "on"})
MYPYC_MODULES = (
    "src/articlex/textnorm.py",
    "src/articlex/date_text.py",
    "src/articlex/html/split.py",
    "src/articlex/html/hints.py",
    "src/articlex/html/marks.py",
    "src/articlex/classify/html.py",
    "src/articlex/classify/text.py",
    "src/articlex/classify/features.py",
    "src/articlex/classify/rules.py",
    "src/articlex/fields/agency.py",
    "src/articlex/fields/agency_names.py",
    "src/articlex/fields/authors.py",
    "src/articlex/fields/body.py",
    "src/articlex/fields/byline.py",
    "src/articlex/fields/credit_line.py",
    "src/articlex/fields/dates.py",
    "src/articlex/fields/headline.py",
    "src/articlex/fields/language.py",
    "src/articlex/fields/names.py",
    "src/articlex/fields/page_view.py",
    "src/articlex/fields/person_name.py",
    "src/articlex/fields/shown_dates.py",
    "src/articlex/fields/site_titles.py",
)
"""The modules compiled, as paths from the project root: the pipeline's hot loops."""
BUILD_REQUIREMENTS = ("mypy>=2.4", "setuptools>=70", "types-python-dateutil")
"""What compiling needs in the build environment, besides articlex's own dependencies (mypy reads their types)."""


def compile_requested(environ: Mapping[str, str]) -> bool:
    """Whether ``ARTICLEX_COMPILE`` asks for a compiled build."""
    return environ.get(COMPILE_VARIABLE, "").strip().lower() in YES


def c_compiler(environ: Mapping[str, str]) -> str | None:
    """The C compiler a build would use (``CC``, Python's own, else cc, gcc, clang), or None when there is none."""
    candidates = [environ.get("CC", ""), (sysconfig.get_config_var("CC") or "").split(" ")[0], "cc", "gcc", "clang"]
    search_path = environ.get("PATH", os.defpath)
    for candidate in candidates:
        if candidate and (found := shutil.which(candidate.split(" ")[0], path=search_path)):
            return found
    return None


def modules_to_compile(
    version: str, environ: Mapping[str, str] | None = None, compiler: str | bool | None = True
) -> tuple[str, ...]:
    """The modules a build compiles: none unless asked to, a C compiler is there, and the wheel is not editable.

    Args:
        version: the wheel target's version being built: ``standard`` or ``editable``.
        environ: the environment (default: this process's).
        compiler: True to look for a C compiler; else the compiler found (None: there is none).
    """
    environ = os.environ if environ is None else environ
    if version == "editable" or not compile_requested(environ):
        return ()
    if compiler is True:
        compiler = c_compiler(environ)
    if not compiler:
        warning = f"articlex: {COMPILE_VARIABLE} is set but no C compiler was found: building pure Python"
        print(warning, file=sys.stderr)  # noqa: T201 (pip shows a build's stderr)
        return ()
    return MYPYC_MODULES


_SETUP = """
import sys
from mypyc.build import mypycify
from setuptools import setup

build_lib, build_temp, *paths = sys.argv[1:]
setup(
    name="articlex-compiled",
    ext_modules=mypycify(paths, opt_level="3", target_dir=build_temp, group_name="articlex"),
    script_args=["build_ext", "--build-lib", build_lib, "--build-temp", build_temp],
)
"""


def compile_modules(root: Path, modules: tuple[str, ...], out: Path) -> dict[str, str]:
    """Compile `modules` with mypyc into `out`; return the extension files as {absolute path: path in the wheel}."""
    build_lib, build_temp = out / "lib", out / "temp"
    mypy_options = [f"--config-file={root / 'pyproject.toml'}", f"--cache-dir={out / 'mypy-cache'}"]
    paths = [str(root / module) for module in modules]
    command = [sys.executable, "-c", _SETUP, str(build_lib), str(build_temp), *mypy_options, *paths]
    # Run in the temporary folder: setuptools must not read the project's pyproject.toml (hatch builds it).
    subprocess.run(command, cwd=out, check=True)  # noqa: S603 (our own interpreter and arguments)
    suffix = sysconfig.get_config_var("EXT_SUFFIX") or ".so"
    built = sorted(build_lib.rglob(f"*{suffix}"))
    expected = {Path(module).relative_to("src").with_suffix(suffix) for module in modules}
    missing = expected - {path.relative_to(build_lib) for path in built}
    if missing:
        message = f"mypyc built no extension for {sorted(map(str, missing))}"
        raise RuntimeError(message)
    return {str(path): path.relative_to(build_lib).as_posix() for path in built}


class CompileHook(BuildHookInterface):  # type: ignore[misc]
    """Hatch's custom build hook (``[tool.hatch.build.targets.wheel.hooks.custom]``)."""

    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        """mypy, setuptools and articlex's dependencies when compiling is asked for; else nothing."""
        if not compile_requested(os.environ):
            return []
        return [*BUILD_REQUIREMENTS, *self.metadata.core.dependencies]

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile the modules into a temporary folder and add their extensions to the wheel, when asked."""
        modules = modules_to_compile(version)
        if not modules:
            return
        self._out = Path(tempfile.mkdtemp(prefix="articlex-mypyc-"))
        try:
            build_data["force_include"].update(compile_modules(Path(self.root), modules, self._out))
        except BaseException:
            shutil.rmtree(self._out, ignore_errors=True)
            raise
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:  # noqa: ARG002
        """Remove the temporary build folder."""
        out = getattr(self, "_out", None)
        if out is not None:
            shutil.rmtree(out, ignore_errors=True)
