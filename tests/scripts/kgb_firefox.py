"""Firefox driven through its Marionette protocol, for the viewer's browser
test in Firefox (view_firefox.sh runs view_browser.py --browser firefox).

Uses Debian's firefox-esr (or any firefox) and the Python standard library
only: Marionette is Firefox's own remote protocol (the one geckodriver
speaks), length-prefixed JSON over TCP, so no geckodriver is needed. Firefox
gets a throw-away profile, a port picked by itself, every proxy pointed at a
closed local port and its background services off, so that the page could
not load anything from the network; requests() lists what the page loaded
(its Resource Timing entries).

Firefox offers WebGL only with a display (headless Firefox has no GL
driver); view_firefox.sh runs it under xvfb-run, where Mesa's llvmpipe
draws. The class offers the methods of kgb_browser.Chromium that
view_browser.py uses.
"""
import base64
import json
import os
import socket
import subprocess
import tempfile
import time


from kgb_proc import BrowserError, Driver, find_program, stop_process


def find_firefox():
    return find_program(("firefox-esr", "firefox"))


PREFS = {
    "marionette.port": 0,  # any free port, written to MarionetteActivePort
    "webgl.force-enabled": True,
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "browser.aboutwelcome.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "datareporting.healthreport.uploadEnabled": False,
    "toolkit.telemetry.reporting.enabled": False,
    "app.update.disabledForTesting": True,
    "app.normandy.enabled": False,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "extensions.update.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "network.proxy.type": 1,
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": 9,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": 9,
    "network.proxy.no_proxies_on": "",
    "network.proxy.allow_hijacking_localhost": True,
}

# Evaluates arguments[0] in the page's global scope (statements allowed, the
# value is the last one's) and resolves promises, like CDP's Runtime.evaluate
# with awaitPromise.
EVAL = """
var done = arguments[arguments.length - 1];
try {
  Promise.resolve((0, eval)(arguments[0])).then(
    function (v) { done({ value: v === undefined ? null : v }); },
    function (e) { done({ error: String(e && e.stack || e) }); });
} catch (e) {
  done({ error: String(e && e.stack || e) });
}
"""

KEYS = {"Enter": "\ue007", "Escape": "\ue00c", "ArrowDown": "\ue015", "ArrowUp": "\ue013"}


class Firefox(Driver):
    def __init__(self, width=1400, height=900, timeout=60):
        exe = find_firefox()
        if not exe:
            raise BrowserError("firefox missing")
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="kgb-firefox-")
        with open(os.path.join(self.profile, "user.js"), "w") as f:
            for k, v in PREFS.items():
                f.write("user_pref(%s, %s);\n" % (json.dumps(k), json.dumps(v)))
        self.log = open(os.path.join(self.profile, "firefox.log"), "w")
        self.proc = subprocess.Popen([exe, "--marionette", "--no-remote", "--new-instance", "--profile", self.profile,
                                      "about:blank"], stdout=self.log, stderr=subprocess.STDOUT,
                                     stdin=subprocess.DEVNULL)
        self.next_id = 0
        self.buf = b""
        self.sock = None
        try:
            self._connect(width, height)
        except Exception:
            self.close()
            raise

    def _connect(self, width, height):
        port_file = os.path.join(self.profile, "MarionetteActivePort")
        deadline = time.time() + self.timeout
        while True:
            if self.proc.poll() is not None:
                raise BrowserError("firefox exited (%s): %s" % (self.proc.returncode, self.log_tail()))
            if time.time() > deadline:
                raise BrowserError("firefox did not start: " + self.log_tail())
            if os.path.exists(port_file) and os.path.getsize(port_file) > 0:
                try:
                    self.sock = socket.create_connection(("127.0.0.1", int(open(port_file).read().strip())),
                                                         timeout=self.timeout)
                    break
                except OSError:
                    pass
            time.sleep(0.1)
        self._recv()  # the greeting
        self.call("WebDriver:NewSession", capabilities={"alwaysMatch": {"acceptInsecureCerts": False}})
        self.call("WebDriver:SetTimeouts", script=self.timeout * 1000, pageLoad=self.timeout * 1000)
        self.call("WebDriver:SetWindowRect", x=0, y=0, width=width, height=height)

    def _recv(self):
        while b":" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise BrowserError("marionette closed the connection")
            self.buf += chunk
        n, rest = self.buf.split(b":", 1)
        n = int(n)
        while len(rest) < n:
            chunk = self.sock.recv(max(65536, n - len(rest)))
            if not chunk:
                raise BrowserError("marionette closed the connection")
            rest += chunk
        self.buf = rest[n:]
        return json.loads(rest[:n])

    def call(self, command, **params):
        self.next_id += 1
        msg = json.dumps([0, self.next_id, command, params]).encode()
        self.sock.sendall(str(len(msg)).encode() + b":" + msg)
        while True:
            r = self._recv()
            if isinstance(r, list) and len(r) == 4 and r[0] == 1 and r[1] == self.next_id:
                if r[2]:
                    raise BrowserError("%s: %s" % (command, json.dumps(r[2])[:1500]))
                return r[3]

    def _navigate(self, url):
        self.call("WebDriver:Navigate", url=url)

    def eval(self, expression):
        r = self.call("WebDriver:ExecuteAsyncScript", script=EVAL, args=[expression])["value"]
        if r is None or "error" in r:
            raise BrowserError("%s: %s" % (expression, r and r["error"]))
        return r["value"]

    def _pointer(self, x, y):
        self.call("WebDriver:PerformActions", actions=[{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": [
                {"type": "pointerMove", "x": int(round(x)), "y": int(round(y)), "origin": "viewport", "duration": 0},
                {"type": "pointerDown", "button": 0},
                {"type": "pointerUp", "button": 0},
            ]}])
        self.call("WebDriver:ReleaseActions")

    def click(self, x, y):
        self._pointer(x, y)

    def _active_element(self):
        return self.call("WebDriver:GetActiveElement")["value"]

    def type_text(self, text):
        el = self._active_element()
        self.call("WebDriver:ElementSendKeys", id=list(el.values())[0], text=text)

    def key(self, key, code=None, keycode=None):
        el = self._active_element()
        self.call("WebDriver:ElementSendKeys", id=list(el.values())[0], text=KEYS[key])

    def screenshot(self, path):
        data = self.call("WebDriver:TakeScreenshot", full=False, hash=False)["value"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def drain(self):
        pass

    def errors(self):
        """Script errors the page recorded (the viewer page keeps every
        error event in window.kgbLoadErrors)."""
        try:
            return self.eval("window.kgbLoadErrors || []")
        except BrowserError as e:
            return [str(e)]

    def requests(self):
        """Everything the page loaded after its own file."""
        return self.eval("performance.getEntriesByType('resource').map(function (e) { return e.name; })")

    def close(self):
        try:
            if self.sock:
                try:
                    self.call("Marionette:Quit")
                except (BrowserError, OSError):
                    pass
                self.sock.close()
        finally:
            stop_process(self.proc, self.log, self.profile, grace=15)
