"""A small driver of headless Chromium over its DevTools protocol, for the tests of the
interactive report: open a file, evaluate JavaScript, click, take a screenshot, and
keep what the page logged (console messages, exceptions) and every request it made."""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import websocket

TIMEOUT = 20.0  # seconds for the browser to start and for any one command


def report_data(html: str) -> dict[str, Any]:
    """The JSON block the interactive report embeds, read back."""
    start = html.index('<script type="application/json" id="qdaw-data">')
    block = html[html.index(">", start) + 1 : html.index("</script>", start)]
    return dict(json.loads(block))


class Browser:
    def __init__(self, width: int = 1280, height: int = 900) -> None:
        binary = shutil.which("chromium") or shutil.which("chromium-browser")
        if binary is None:
            raise RuntimeError("chromium is not installed")
        self.profile = tempfile.mkdtemp(prefix="qdaw-chromium-")
        self.process = subprocess.Popen(
            [binary, "--headless=new", "--no-sandbox", "--disable-gpu",
             "--remote-debugging-port=0", f"--user-data-dir={self.profile}",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-component-update",
             f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group, killed whole on close
        )  # fmt: skip
        self.console: list[dict[str, Any]] = []
        self.exceptions: list[dict[str, Any]] = []
        self.requests: list[str] = []
        self._id = 0
        try:
            self.ws = websocket.create_connection(self._page_url(), timeout=TIMEOUT)
            for domain in ("Page", "Runtime", "Network"):
                self.send(f"{domain}.enable")
        except BaseException:
            self.close()
            raise

    def _page_url(self) -> str:
        deadline = time.monotonic() + TIMEOUT
        assert self.process.stderr is not None
        stderr = self.process.stderr.fileno()
        os.set_blocking(stderr, False)
        seen = ""
        while time.monotonic() < deadline:
            with contextlib.suppress(BlockingIOError):  # nothing written yet
                seen += os.read(stderr, 65536).decode("utf-8", "replace")
            match = re.search(r"DevTools listening on (ws://\S+)", seen)
            if match:
                browser_url = match.group(1)
                port = re.search(r":(\d+)/", browser_url).group(1)  # type: ignore[union-attr]
                return self._first_page(int(port), deadline)
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        raise RuntimeError(f"chromium did not start: {seen[-2000:]}")

    @staticmethod
    def _first_page(port: int, deadline: float) -> str:
        from urllib.request import urlopen

        while time.monotonic() < deadline:
            with urlopen(f"http://127.0.0.1:{port}/json/list", timeout=TIMEOUT) as answer:
                pages = [t for t in json.load(answer) if t.get("type") == "page"]
            if pages:
                return str(pages[0]["webSocketDebuggerUrl"])
            time.sleep(0.05)
        raise RuntimeError("chromium opened no page")

    def send(self, method: str, **params: Any) -> dict[str, Any]:
        self._id += 1
        wanted = self._id
        self.ws.send(json.dumps({"id": wanted, "method": method, "params": params}))
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            message = json.loads(self.ws.recv())
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return dict(message.get("result", {}))
            self._event(message)
        raise TimeoutError(method)

    def _event(self, message: dict[str, Any]) -> None:
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.consoleAPICalled":
            self.console.append(params)
        elif method == "Runtime.exceptionThrown":
            self.exceptions.append(params)
        elif method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])

    def open(self, path: Path) -> None:
        """Load a file and wait until its scripts ran."""
        self.send("Page.navigate", url=path.resolve().as_uri())
        deadline = time.monotonic() + TIMEOUT
        while self.evaluate("document.readyState") != "complete":
            if time.monotonic() > deadline:
                raise TimeoutError(f"{path} did not load")
            time.sleep(0.05)

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        found = self.evaluate(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " if (!e) return false; e.click(); return true; })()"
        )
        if not found:
            raise AssertionError(f"nothing matches {selector}")

    def choose(self, selector: str, value: str) -> None:
        """Pick an option of a <select> by its text, as a reader does (a change event)."""
        found = self.evaluate(
            f"(() => {{ const s = document.querySelector({json.dumps(selector)});"
            f" const o = [...s.options].find(o => o.text === {json.dumps(value)});"
            " if (!o) return false; s.value = o.value;"
            " s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()"
        )
        if not found:
            raise AssertionError(f"{selector} has no option {value!r}")

    def press(self, key: str, code: int) -> None:
        """A real key press on the focused element ("Enter", 13)."""
        for kind in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", type=kind, key=key, code=key,
                      windowsVirtualKeyCode=code)  # fmt: skip

    def screenshot(self, path: Path, full_page: bool = False) -> None:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
        data = self.send("Page.captureScreenshot", **params)["data"]
        path.write_bytes(base64.b64decode(data))

    def pdf(self) -> bytes:
        """The page printed (print media, as a reader's "Print" gives it)."""
        return base64.b64decode(self.send("Page.printToPDF", printBackground=True)["data"])

    def close(self) -> None:
        try:
            if getattr(self, "ws", None) is not None:
                self.ws.close()
        finally:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=TIMEOUT)
            if self.process.stderr is not None:
                self.process.stderr.close()
            shutil.rmtree(self.profile, ignore_errors=True)
