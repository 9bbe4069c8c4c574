"""Times the viewer page in headless Chromium (bench/view_bench.sh): from
navigation until the page is interactive, then pan and zoom frames (camera
moves, each drawn by sigma in the next animation frame). Prints figures;
asserts nothing.

"Interactive" means, measured in the page (web/viewer.js, kgbView.times):
  1. the first frame of the graph is on screen: sigma has drawn every node
     and edge, the GPU process has executed those WebGL draws (the page reads
     back one pixel of each of sigma's WebGL canvases, which waits for them;
     with software WebGL this is where a large graph's first frame spends its
     time), and a frame has been composited after that; and
  2. the page responds to input: no start-up work is left (the search index
     and the evidence are built or parsed on first use, and their cost is in
     the search and select figures below). The bench checks this by sending
     a real key press and then a real mouse-wheel event right after
     readiness and reporting their input delays (the event's time stamp to
     its handler running), and the time until the frame that shows the zoom.
     Chromium delivers wheel events at the start of the next frame, so their
     delay includes waiting for a frame; a key press is delivered at once.
The time is measured from navigation start (performance.now() in the page),
so it includes reading and parsing the 10 MB file.

usage: view_bench.py PAGE.html
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "scripts"))
from kgb_browser import Chromium  # noqa: E402

page = sys.argv[1]
with Chromium(timeout=300) as b:
    cpu0 = b.cpu_seconds()
    wall = b.open(page, "document.documentElement.getAttribute('data-kgb-ready') || "
                        "document.documentElement.getAttribute('data-kgb-error')", timeout=120)
    err = b.eval("document.documentElement.getAttribute('data-kgb-error')")
    if err:
        sys.exit("page error: " + err)
    ready = b.eval("kgbView.readyAt")
    cpu = b.cpu_seconds() - cpu0
    stages = b.eval("kgbView.times")
    # Input right away: a key press (Escape), then a wheel step over the
    # graph, as real input events.
    b.eval("""(function () {
      window.kgbKey = null;
      document.addEventListener('keydown', function (e) {
        window.kgbKey = performance.now() - e.timeStamp;
      }, { capture: true, once: true });
    })()""")
    for kind in ("rawKeyDown", "keyUp"):
        b.call("Input.dispatchKeyEvent", type=kind, key="Escape", code="Escape", windowsVirtualKeyCode=27)
    key = b.eval("window.kgbKey")
    b.eval("""(function () {
      window.kgbWheel = null;
      document.getElementById('graph').addEventListener('wheel', function (e) {
        var t = performance.now(), delay = t - e.timeStamp;
        requestAnimationFrame(function () { requestAnimationFrame(function () {
          window.kgbWheel = { delay: delay, frame: performance.now() - e.timeStamp };
        }); });
      }, { capture: true, once: true });
    })()""")
    r = b.eval("(function(){var r=document.getElementById('graph').getBoundingClientRect();"
               "return {x:r.left+r.width/2,y:r.top+r.height/2};})()")
    b.call("Input.dispatchMouseEvent", type="mouseWheel", x=r["x"], y=r["y"], deltaX=0, deltaY=-120)
    wheel = None
    for _ in range(600):
        wheel = b.eval("window.kgbWheel")
        if wheel:
            break
        time.sleep(0.05)
    counts = b.eval("kgbView.counts()")
    # A search, as typed, over every name.
    t = b.eval("(function(){var t=performance.now(); kgbView.search('zhang'); return performance.now()-t;})()")
    # Pan and zoom as a user does: a mouse drag across the graph, then wheel
    # steps in and out, sent as real input events; the page records the time
    # between animation frames meanwhile.
    b.eval("""(function () {
      window.kgbFrames = []; window.kgbFramesOn = true;
      var last = performance.now();
      (function tick(now) {
        window.kgbFrames.push(now - last); last = now;
        if (window.kgbFramesOn) requestAnimationFrame(tick);
      })(last);
    })()""")
    r = b.eval("(function(){var r=document.getElementById('graph').getBoundingClientRect();"
               "return {x:r.left+r.width/2,y:r.top+r.height/2};})()")
    x, y = r["x"], r["y"]
    b.call("Input.dispatchMouseEvent", type="mousePressed", x=x, y=y, button="left", buttons=1, clickCount=1)
    for k in range(1, 21):
        b.call("Input.dispatchMouseEvent", type="mouseMoved", x=x + 10 * k, y=y + 5 * k, button="left", buttons=1)
    b.call("Input.dispatchMouseEvent", type="mouseReleased", x=x + 200, y=y + 100, button="left", buttons=0, clickCount=1)
    for k in range(20):
        b.call("Input.dispatchMouseEvent", type="mouseWheel", x=x, y=y, deltaX=0, deltaY=-120 if k < 10 else 120)
    b.eval("new Promise(r => setTimeout(r, 1500))")
    frames = b.eval("window.kgbFramesOn = false; window.kgbFrames.slice(1)")
    # Selecting a node (highlight: every node and edge re-reduced, panel filled).
    sel = b.eval("(function(){var t=performance.now(); kgbView.select(0, false); return performance.now()-t;})()")
    frames.sort()
    print("page: %s (%.1f MB)" % (page, os.path.getsize(page) / 1e6))
    print("nodes drawn: %d of %d, edges %d" % (counts["drawnNodes"], counts["nodes"], counts["edges"]))
    print("interactive after: %.2f s (first frame drawn, from navigation start; %.2f s as seen by the driver)"
          % (ready / 1000, wall))
    print("chromium CPU time until then: %.2f s (all its processes); load average %s"
          % (cpu, open("/proc/loadavg").read().split()[0]))
    print("start-up stages (ms since navigation): %s" % ", ".join("%s %d" % kv for kv in stages.items()))
    print("first input after that: a key press handled after %.1f ms; a wheel step handled after %.1f ms, "
          "its frame drawn after %.1f ms" % (key, wheel["delay"], wheel["frame"]))
    print("search over all names: %.1f ms" % t)
    print("frames during a mouse drag and 20 wheel steps: median %.1f ms, 90th percentile %.1f ms, worst %.1f ms (%d frames)"
          % (frames[len(frames) // 2], frames[int(len(frames) * 0.9)], frames[-1], len(frames)))
    print("select a node (highlight + panel): %.1f ms" % sel)
