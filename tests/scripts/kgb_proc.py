"""What the browser drivers (kgb_browser.Chromium, kgb_firefox.Firefox) share:
finding the program, the error they raise, and stopping the browser process
and removing its throw-away profile."""
import shutil
import subprocess


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


class Closing:
    """`with Driver() as d:` closes the driver on leaving."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
