"""Run OpenLink Virtuoso from Debian's ``virtuoso-opensource`` on loopback, for the tests.

The package starts no server here and its ini listens on every interface, so a copy of
``/etc/virtuoso-opensource-7/virtuoso.ini`` is written to a temporary folder with: both
``ServerPort`` lines (SQL, ``[Parameters]``; HTTP, ``[HTTPServer]``) bound to
``127.0.0.1:<free port>``, the database files in that folder (also added to
``DirsAllowed``), and the ``[Plugins]`` lines commented out (the hosting plugins are not
installed). ``virtuoso-t +foreground`` runs it (dba/dba); it is stopped by its process id.
The README's "Load into Virtuoso" shows the same steps as shell commands.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
DB_DIR = "/var/lib/virtuoso-opensource-7/db"
PACKAGE = "virtuoso-opensource"


def available() -> str | None:
    """None when Virtuoso can run here, else the reason it cannot."""
    if shutil.which("virtuoso-t") is None or shutil.which("isql-vt") is None or not INI.exists():
        return (
            f"Virtuoso is not installed (Debian package {PACKAGE}; make test installs it as root)"
        )
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


#: The edits of the packaged ini, as ``sed`` expressions (the README shows the same command).
SED = (
    r"s#{db}#{folder}#",
    r"s#^\(ServerPort\s*=\s*\)1111\s*$#\1127.0.0.1:{sql}#",
    r"s#^\(ServerPort\s*=\s*\)8890\s*$#\1127.0.0.1:{http}#",
    r"s#^\(DirsAllowed\s*=.*\)$#\1, {folder}#",
    r"s#^\(LoadPath\|Load[0-9]\)#;\1#",
)


def sed_command(folder: str, sql: str, http: str) -> list[str]:
    """``sed -e … /etc/virtuoso-opensource-7/virtuoso.ini``, printing the edited ini."""
    args = ["sed"]
    for expression in SED:
        args += ["-e", expression.format(db=DB_DIR, folder=folder, sql=sql, http=http)]
    return [*args, str(INI)]


def write_ini(folder: Path, sql_port: int, http_port: int) -> Path:
    """The packaged ini, made to listen on loopback only and keep its files in ``folder``."""
    command = sed_command(str(folder), str(sql_port), str(http_port))
    text = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    assert text.count(f"= 127.0.0.1:{sql_port}") == 1, "the ini has no SQL ServerPort 1111"
    assert text.count(f"= 127.0.0.1:{http_port}") == 1, "the ini has no HTTP ServerPort 8890"
    ini = folder / "virtuoso.ini"
    ini.write_text(text, encoding="utf-8")
    return ini


@dataclass
class Virtuoso:
    """A running Virtuoso: its folder, ports and process."""

    folder: Path
    sql_port: int
    http_port: int
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def isql(self, statements: str, user: str = "dba", password: str = "dba") -> str:
        """Run SQL statements through ``isql-vt``; their output (raises when one fails)."""
        result = subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.sql_port}", user, password, f"exec={statements}"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0 or "*** Error" in result.stdout + result.stderr:
            raise RuntimeError(f"isql failed: {result.stdout}{result.stderr}")
        return result.stdout

    def stop(self) -> None:
        """Stop the server by its process id (SIGTERM, then SIGKILL after 30 s)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def start(folder: Path, timeout: float = 90.0) -> Virtuoso:
    """Start Virtuoso with its database in ``folder``; returns once /sparql answers."""
    folder.mkdir(parents=True, exist_ok=True)
    sql_port, http_port = free_port(), free_port()
    while http_port == sql_port:
        http_port = free_port()
    ini = write_ini(folder, sql_port, http_port)
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(
        ["virtuoso-t", "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = Virtuoso(folder, sql_port, http_port, process)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"virtuoso-t exited: {(folder / 'server.log').read_text()[-800:]}")
        try:
            with urllib.request.urlopen(server.url + "/sparql?query=ASK%7B%7D", timeout=2):
                return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"Virtuoso did not answer within {timeout:.0f} s")
