"""report.html in a real browser: headless Chromium driven over its DevTools protocol on a pipe
(``--remote-debugging-pipe``: no port, no websocket library). The page must load with no
console errors and no network requests, show every flag with its chart and the seed flag's
quotes, fit a phone's width, and print. Screenshots go to tmp_path for a human to look at.

Without Chromium the test is skipped with the reason — unless FIGURES_REQUIRE_BROWSER=1 (CI).
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from figures.store import Store
from test_report import fill, write_world_report  # the hand-made world of the report tests

pytestmark = pytest.mark.browser
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--no-first-run", "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
         "--remote-debugging-pipe",
         "--host-resolver-rules=MAP * ~NOTFOUND"]  # should the page ask for anything, it still stays offline
TIMEOUT = 60.0
_TRAMPOLINE = ("import os, sys; a, b = int(sys.argv[1]), int(sys.argv[2]); os.dup2(a, 3); os.dup2(b, 4); "
               "os.close(a); os.close(b); os.execv(sys.argv[3], sys.argv[3:])")


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    if found is None:
        message = "headless Chromium is not installed (apt-get install chromium)"
        if os.environ.get("FIGURES_REQUIRE_BROWSER") == "1":
            pytest.fail(message + " — FIGURES_REQUIRE_BROWSER=1 makes this a failure")
        pytest.skip(message)
    return found


class DevTools:
    """A DevTools-protocol session over Chromium's pipe: fd 3 in, fd 4 out, NUL-separated JSON."""

    def __init__(self, binary: str, profile: Path):
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_chrome_r, from_chrome_w)]
        # Chromium wants the pipe on fds 3 and 4: a tiny Python moves it there, then becomes Chromium.
        self.proc = subprocess.Popen([sys.executable, "-c", _TRAMPOLINE, str(high[0]), str(high[1]), binary, *FLAGS,
                                      f"--user-data-dir={profile}", "about:blank"],
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     pass_fds=high)
        for fd in (to_chrome_r, from_chrome_w, *high):
            os.close(fd)
        self.events: list[dict] = []
        self._replies: dict[int, dict] = {}
        self._incoming: queue.Queue = queue.Queue()
        self._next = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.session: str | None = None

    def _read(self) -> None:
        buf = b""
        with os.fdopen(self._from_chrome, "rb", buffering=0) as pipe:
            while chunk := pipe.read(65536):
                buf += chunk
                while b"\0" in buf:
                    raw, buf = buf.split(b"\0", 1)
                    self._incoming.put(json.loads(raw))
        self._incoming.put(None)

    def _pump(self, deadline: float) -> None:
        try:
            message = self._incoming.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            return
        if message is None:
            raise RuntimeError("Chromium closed the DevTools pipe: " + self.stderr())
        if "id" in message:
            self._replies[message["id"]] = message
        else:
            self.events.append(message)

    def send(self, method: str, params: dict | None = None, session: bool = True) -> dict:
        self._next += 1
        message: dict = {"id": self._next, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while self._next not in self._replies:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no answer to {method}")
            self._pump(deadline)
        reply = self._replies.pop(self._next)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def wait_for(self, method: str, after: int) -> dict:
        deadline = time.monotonic() + TIMEOUT
        while True:
            for event in self.events[after:]:
                if event.get("method") == method:
                    return event
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {method} event")
            self._pump(deadline)

    def evaluate(self, expression: str) -> object:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def open(self, url: str, width: int, height: int, mobile: bool) -> None:
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
        mark = len(self.events)
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired", mark)

    def screenshot(self, path: Path, full_page: bool) -> None:
        params: dict = {"format": "png"}
        if full_page:
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params |= {"captureBeyondViewport": True,
                       "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}}
        path.write_bytes(base64.b64decode(self.send("Page.captureScreenshot", params)["data"]))

    def stderr(self) -> str:
        return self.proc.stderr.read().decode(errors="replace")[-2000:] if self.proc.poll() is not None else ""

    def close(self) -> None:
        try:
            self.send("Browser.close", session=False)
        except (RuntimeError, TimeoutError, OSError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_chrome)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[DevTools]:
    tools = DevTools(chromium_path(), tmp_path / "profile")
    try:
        target = tools.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        tools.session = tools.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            tools.send(f"{domain}.enable")
        yield tools
    finally:
        tools.close()


def problems(events: list[dict], page_url: str) -> list[str]:
    """Console errors, uncaught exceptions and any request other than the page itself."""
    found = []
    for e in events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in {"error", "assert", "warning"}:
            found.append(f"console {params['type']}: {[a.get('value', a.get('description')) for a in params.get('args', [])]}")
        elif method == "Runtime.exceptionThrown":
            found.append(f"exception: {params['exceptionDetails'].get('text')}")
        elif method == "Log.entryAdded" and params["entry"].get("level") in {"error", "warning"}:
            found.append(f"log {params['entry']['level']}: {params['entry'].get('text')} {params['entry'].get('url', '')}")
        elif method == "Network.requestWillBeSent" and params["request"]["url"] != page_url:
            found.append(f"request: {params['request']['url']}")
    return found


def test_report_page_in_headless_chromium(browser: DevTools, tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'world.db'}") as store:
        fill(store)
        paths = write_world_report(store, tmp_path / "reports")
    page = next(p for p in paths if p.name == "report.html")
    doc = json.loads(next(p for p in paths if p.name == "report.json").read_text(encoding="utf-8"))
    url = page.resolve().as_uri()

    browser.open(url, 1280, 900, mobile=False)
    state = browser.evaluate("""(() => {
        const flags = [...document.querySelectorAll('[data-flag]')];
        return {
          flags: flags.map(f => f.dataset.flag),
          charts: flags.map(f => { const s = f.querySelector('figure[data-chart] svg');
                                   return s ? s.getBoundingClientRect().width : 0; }),
          marks: flags.map(f => f.querySelectorAll('svg path, svg use').length),
          quotes: Object.fromEntries(flags.map(f => [f.dataset.flag,
                     [...f.querySelectorAll('blockquote')].map(q => q.innerText)])),
          highlighted: [...document.querySelectorAll('blockquote mark')].filter(m => {
                     const r = m.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).map(m => m.innerText),
          scripts: document.scripts.length,
          title: document.title,
        };
    })()""")
    browser.screenshot(tmp_path / "report-desktop.png", full_page=True)

    assert problems(browser.events, url) == []
    assert state["scripts"] == 0 and state["title"] == "Discrepancy report 2024-W43"
    assert state["flags"] == [f["id"] for f in doc["flags"]]  # every flag, in the report's order
    assert all(width > 300 for width in state["charts"]), state["charts"]  # every chart drawn
    assert all(n > 5 for n in state["marks"]), state["marks"]
    seed = next(f for f in doc["flags"] if f["kind"] == "cross_source" and f["subject"] == "North Korea")
    seed_quotes = " ".join(state["quotes"][seed["id"]])
    claims = {c["claim_id"]: c for c in doc["claims"]}
    for c in [claims[i] for i in seed["claim_ids"] if claims[i]["article_id"] == "seed"]:  # the seed's sentences, figures highlighted
        assert " ".join(c["sentence"].split()) in " ".join(seed_quotes.split())
    assert {"12,000", "10,000"} <= set(state["highlighted"])
    assert "<img src=x onerror=alert(1)>" in " ".join(sum(state["quotes"].values(), []))  # shown, not run

    # A phone: nothing wider than the screen, charts scaled down.
    browser.open(url, 390, 844, mobile=True)
    phone = browser.evaluate("""(() => ({
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        charts: [...document.querySelectorAll('figure[data-chart] svg')].map(s => s.getBoundingClientRect().right),
        width: window.innerWidth }))()""")
    browser.screenshot(tmp_path / "report-phone.png", full_page=True)
    assert phone["overflow"] <= 0, phone
    assert all(right <= phone["width"] for right in phone["charts"]), phone

    # Print: a PDF comes out (the print stylesheet applies) and still nothing is fetched.
    pdf = base64.b64decode(browser.send("Page.printToPDF", {"printBackground": False})["data"])
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    (tmp_path / "report.pdf").write_bytes(pdf)
    assert problems(browser.events, url) == []
    assert (tmp_path / "report-desktop.png").stat().st_size > 20_000
