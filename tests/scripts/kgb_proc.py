"""What the browser drivers (kgb_browser.Chromium, kgb_firefox.Firefox) share:
finding the program, the error they raise, stopping the browser process and
removing its throw-away profile, and the protocol-free half of a driver
(the Driver base class)."""
import json
import os
import shutil
import subprocess
import time


class BrowserError(Exception):
    pass


def find_program(names):
    """The path of the first of `names` on PATH, or None."""
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    return None


def stop_process(proc, log, profile, grace=0):
    """Waits `grace` seconds for the browser to exit on its own, then
    terminates it (kills it after 10 s more); closes its log and removes its
    profile directory."""
    try:
        if grace:
            proc.wait(timeout=grace)
        elif proc.poll() is None:
            raise subprocess.TimeoutExpired(proc.args, 0)
    except subprocess.TimeoutExpired:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    log.close()
    shutil.rmtree(profile, ignore_errors=True)


class Driver:
    """A browser driver's part that needs no protocol. A subclass sets
    self.log (the browser's output file) and self.timeout, and defines
    _navigate(url), eval(expression), click(x, y), errors() and close().
    `with Driver() as d:` closes the driver on leaving."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def log_tail(self):
        """The end of the browser's own output, for error messages."""
        try:
            self.log.flush()
            return open(self.log.name).read()[-2000:]
        except OSError:
            return ""

    def open(self, path, ready_expr, timeout=None):
        """Opens a local file and waits until ready_expr is truthy; returns
        the seconds from navigation to readiness as seen from here."""
        start = time.time()
        self._navigate("file://" + os.path.abspath(path))
        deadline = start + (timeout or self.timeout)
        while True:
            try:
                value = self.eval(ready_expr)
            except BrowserError:  # between documents
                value = None
            if value:
                return time.time() - start
            if time.time() > deadline:
                raise BrowserError("page not ready after %ss; errors: %s" % (timeout or self.timeout, self.errors()))
            time.sleep(0.05)

    def click_selector(self, selector):
        rect = self.eval("(function(){var r=document.querySelector(%s).getBoundingClientRect();"
                         "return {x:r.left+r.width/2,y:r.top+r.height/2};})()" % json.dumps(selector))
        self.click(rect["x"], rect["y"])
