"""The dashboard: a Streamlit app over a warehouse, read-only, served on the loopback only.

It sits after the flow: it never writes, it opens the warehouse's DuckDB catalog read-only
and reads the Parquet through its views. `queries` holds every query it runs (SQL files in
`sql/`, parameters bound), `app` the Streamlit pages, `charts` the Altair charts.
`run_dashboard` starts the app in a Streamlit server bound to 127.0.0.1 that sends no
usage statistics; `newspipe dashboard` calls it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

APP = Path(__file__).with_name("app.py")


def dashboard_command(
    warehouse: str | Path, port: int, host: str = "127.0.0.1", open_browser: bool = False
) -> list[str]:
    """The `streamlit run` command line that serves the dashboard over `warehouse`."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(APP),
        "--server.address",
        host,
        "--server.port",
        str(port),
        # headless: Streamlit opens no browser and asks for no e-mail on first start
        "--server.headless",
        "false" if open_browser else "true",
        # no usage statistics leave the machine
        "--browser.gatherUsageStats",
        "false",
        # a read-only viewer: no reruns on edits of its own source files
        "--server.runOnSave",
        "false",
        "--server.fileWatcherType",
        "none",
        # a viewer's toolbar: no "Deploy" button or developer menu
        "--client.toolbarMode",
        "viewer",
        "--theme.base",
        "light",
        "--",
        "--warehouse",
        str(Path(warehouse).expanduser().resolve()),
    ]


def run_dashboard(
    warehouse: str | Path, port: int = 8501, host: str = "127.0.0.1", open_browser: bool = False
) -> int:
    """Serve the dashboard over `warehouse` until interrupted; the server's exit code.

    Binds to `host` (the loopback by default, so the dashboard is not exposed on the
    network). Ctrl-C stops the server and returns its exit code.
    """
    process = subprocess.Popen(dashboard_command(warehouse, port, host, open_browser))
    try:
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        return process.wait()
