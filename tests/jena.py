"""Run Apache Jena's command-line tools from Debian's ``libapache-jena-java``.

The package ships jars only (no ``riot``/``shacl`` scripts). Two traps are worked around,
as measured on these machines:

* ``java -cp '/usr/share/java/*'`` fails when two slf4j bindings are installed, so the
  classpath is built from the jars of ``libapache-jena-java`` and the Java packages it
  depends on;
* Debian relocated Jena's internal Xerces to ``xerces.*`` but left its message
  ``.properties`` under ``org/apache/jena/ext/xerces/``: every tool dies at start-up
  unless a small jar with those files at the relocated path comes first.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import zipfile
from functools import cache
from pathlib import Path

JENA_CORE = Path("/usr/share/java/jena-core.jar")
MAIN_CLASSES = {
    "riot": "riotcmd.riot",
    "shacl": "shacl.shacl",
    "sparql": "arq.sparql",
    "tdbloader": "tdb2.tdbloader",
    "tdbquery": "tdb2.tdbquery",
}


def available() -> str | None:
    """None when Jena can run here, else the reason it cannot."""
    if shutil.which("java") is None:
        return "java is not installed (Debian package default-jre-headless; make test installs it as root)"
    if not JENA_CORE.exists():
        return "Apache Jena is not installed (Debian package libapache-jena-java; make test installs it as root)"
    return None


def _package_jars(package: str) -> list[str]:
    out = subprocess.run(
        ["dpkg", "-L", package], capture_output=True, text=True, check=False
    ).stdout
    return [line for line in out.splitlines() if re.fullmatch(r"/usr/share/java/[^/]+\.jar", line)]


@cache
def classpath() -> str:
    cache_dir = Path(tempfile.gettempdir()) / "histkg-jena"
    cache_dir.mkdir(exist_ok=True)
    fix = cache_dir / "jena-xerces-msgfix.jar"
    if not fix.exists():
        prefix = "org/apache/jena/ext/xerces/"
        with zipfile.ZipFile(JENA_CORE) as src, zipfile.ZipFile(fix, "w") as out:
            for name in src.namelist():
                if name.startswith(prefix) and name.endswith(".properties"):
                    out.writestr("xerces/" + name[len(prefix) :], src.read(name))
    depends = subprocess.run(
        [
            "apt-cache",
            "depends",
            "--recurse",
            "--no-recommends",
            "--no-suggests",
            "--no-conflicts",
            "--no-breaks",
            "--no-replaces",
            "--no-enhances",
            "libapache-jena-java",
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    packages = sorted(set(re.findall(r"^\s*(?:Depends: )?(lib[a-z0-9.+-]*-java)$", depends, re.M)))
    jars: list[str] = []
    for package in ["libapache-jena-java", *packages]:
        if package == "libslf4j-java":
            continue
        for jar in _package_jars(package):
            if re.search(r"-\d[^/]*\.jar$", jar) or jar in jars:
                continue  # versioned duplicates of the same jar
            jars.append(jar)
    jars += ["/usr/share/java/slf4j-api.jar", "/usr/share/java/slf4j-simple.jar"]
    return ":".join([str(fix), *jars])


def run(tool: str, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run a Jena tool (``riot``, ``shacl``, ``sparql``, ``tdbloader``, ``tdbquery``: the
    last two are TDB2's) and capture its output."""
    return subprocess.run(
        ["java", "-cp", classpath(), MAIN_CLASSES[tool], *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
