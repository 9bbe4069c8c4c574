"""Headless Chromium driven through the DevTools protocol, for the viewer's
browser test (view_browser.py) and benchmark (bench/view_bench.sh).

Uses Debian's chromium and python3-websocket only. Chromium runs with
--no-sandbox (CI runs as root), SwiftShader for WebGL (no GPU), its own
throw-away profile, and every host name mapped to nothing, so a page that
tried to load anything from the network would fail; requests are recorded
so that a test can assert there were none.
"""
import json
import os
import subprocess
import tempfile
import time
import urllib.request

import websocket  # python3-websocket

from kgb_proc import BrowserError, Driver, find_program, stop_process  # noqa: F401 (BrowserError is re-exported)


def find_chromium():
    return find_program(("chromium", "chromium-browser", "google-chrome"))


class Chromium(Driver):
    def __init__(self, width=1400, height=900, timeout=60):
        exe = find_chromium()
        if not exe:
            raise BrowserError("chromium missing (scripts/setup.sh installs it)")
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="kgb-chromium-")
        args = [
            exe, "--headless", "--no-sandbox", "--disable-dev-shm-usage",
            "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist",
            "--remote-debugging-port=0", "--remote-allow-origins=*",
            "--user-data-dir=" + self.profile,
            "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
            "--force-device-scale-factor=1", "--window-size=%d,%d" % (width, height),
            "about:blank",
        ]
        self.log = open(os.path.join(self.profile, "chromium.log"), "w")
        self.proc = subprocess.Popen(args, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        self.events = []
        self.next_id = 0
        try:
            self._connect(width, height)
        except Exception:
            self.close()
            raise

    def _connect(self, width, height):
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        deadline = time.time() + self.timeout
        while not os.path.exists(port_file) or os.path.getsize(port_file) == 0:
            if self.proc.poll() is not None:
                raise BrowserError("chromium exited (%s): %s" % (self.proc.returncode, self.log_tail()))
            if time.time() > deadline:
                raise BrowserError("chromium did not start: " + self.log_tail())
            time.sleep(0.05)
        port = open(port_file).read().split()[0]
        ws_url = None
        while ws_url is None:
            targets = json.load(urllib.request.urlopen("http://127.0.0.1:%s/json/list" % port, timeout=10))
            pages = [t for t in targets if t.get("type") == "page"]
            if pages:
                ws_url = pages[0]["webSocketDebuggerUrl"]
            elif time.time() > deadline:
                raise BrowserError("no page target")
            else:
                time.sleep(0.05)
        self.ws = websocket.create_connection(ws_url, timeout=self.timeout, suppress_origin=True)
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.call(domain + ".enable")
        self.call("Emulation.setDeviceMetricsOverride",
                  width=width, height=height, deviceScaleFactor=1, mobile=False)

    def call(self, method, **params):
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == my_id:
                if "error" in msg:
                    raise BrowserError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})
            if "method" in msg:
                self.events.append(msg)

    def _navigate(self, url):
        self.call("Page.navigate", url=url)

    def eval(self, expression):
        r = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise BrowserError("%s: %s" % (expression, json.dumps(r["exceptionDetails"])[:1500]))
        return r["result"].get("value")

    def click(self, x, y):
        for kind, buttons in (("mouseMoved", 0), ("mousePressed", 1), ("mouseReleased", 0)):
            self.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left" if kind != "mouseMoved" else "none",
                      buttons=buttons, clickCount=1 if kind != "mouseMoved" else 0)

    def type_text(self, text):
        self.call("Input.insertText", text=text)

    def key(self, key, code, keycode):
        for kind in ("rawKeyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=key, code=code, windowsVirtualKeyCode=keycode)

    def screenshot(self, path):
        import base64
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def drain(self):
        """Collects the events received so far without a command."""
        self.ws.settimeout(0.2)
        try:
            while True:
                msg = json.loads(self.ws.recv())
                if "method" in msg:
                    self.events.append(msg)
        except (websocket.WebSocketTimeoutException, TimeoutError):
            pass
        finally:
            self.ws.settimeout(self.timeout)

    def errors(self):
        out = []
        for ev in self.events:
            if ev["method"] == "Runtime.exceptionThrown":
                out.append(json.dumps(ev["params"]["exceptionDetails"])[:800])
            elif ev["method"] == "Runtime.consoleAPICalled" and ev["params"]["type"] == "error":
                out.append(json.dumps(ev["params"]["args"])[:800])
        return out

    def requests(self):
        return [ev["params"]["request"]["url"] for ev in self.events if ev["method"] == "Network.requestWillBeSent"]

    def cpu_seconds(self):
        """CPU time (user + system) used so far by chromium and its children
        (live processes only), from /proc: on a shared machine it tells more
        than the wall clock."""
        tick = os.sysconf("SC_CLK_TCK")
        children = {}
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                stat = open("/proc/%s/stat" % pid).read()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            children.setdefault(int(fields[1]), []).append((int(pid), int(fields[11]) + int(fields[12])))
        total, todo = 0, [self.proc.pid]
        try:
            stat = open("/proc/%d/stat" % self.proc.pid).read()
            fields = stat[stat.rindex(")") + 2:].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            pass
        while todo:
            for pid, ticks in children.get(todo.pop(), []):
                total += ticks
                todo.append(pid)
        return total / tick

    def close(self):
        try:
            if getattr(self, "ws", None):
                self.ws.close()
        finally:
            stop_process(self.proc, self.log, self.profile)
