"""Opens the viewer page of a graph in headless Chromium (or in Firefox,
with --browser firefox: kgb_firefox.py, view_firefox.sh) and checks what a
user sees, acting as a user would (typing, clicking with the mouse).

usage: view_browser.py GRAPH.json PAGE.html [--screenshot PNG] [--tricky | --large]
                       [--browser chromium|firefox]

Checks, on the page of GRAPH.json:
  - the page loads with no network request and no script error;
  - the number of nodes drawn equals the graph's, and the counts line says so;
  - typing an official's name in the search box lists that official, and
    Enter opens its panel;
  - clicking that official's node (a real mouse click at the position sigma
    draws it) shows its relations with an evidence sentence of the graph;
  - clicking a relation shows its evidence;
  - unticking a relation type in the legend hides exactly the edges of that
    type, and the date range hides the edges outside it.
--screenshot writes a picture of the page with the official selected (the
picture in docs/ and the README). --tricky checks only loading, counts and
search (the invented fixture with markup in its names). --large checks
loading, counts, search and the evidence in the official's panel on a page
drawn the way large graphs are (over 5,000 entities: GL points, no arrows).
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from kgb_browser import Chromium  # noqa: E402
from kgb_firefox import Firefox  # noqa: E402


# Resolves once the camera has stopped moving and a frame has been drawn.
IDLE = """new Promise(function (done) {
  var cam = kgbView.renderer.getCamera();
  (function wait() {
    if (cam.isAnimated()) { setTimeout(wait, 50); return; }
    requestAnimationFrame(function () { requestAnimationFrame(function () { done(true); }); });
  })();
})"""


def fail(msg):
    print("FAIL:", msg, file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def main():
    args = sys.argv[1:]
    shot = None
    tricky = "--tricky" in args
    if tricky:
        args.remove("--tricky")
    large = "--large" in args
    if large:
        args.remove("--large")
    browser = Chromium
    if "--browser" in args:
        k = args.index("--browser")
        browser = {"chromium": Chromium, "firefox": Firefox}[args[k + 1]]
        del args[k:k + 2]
    if "--screenshot" in args:
        k = args.index("--screenshot")
        shot = args[k + 1]
        del args[k:k + 2]
    graph_path, page = args
    g = json.load(open(graph_path))
    nodes, edges = g["nodes"], g["edges"]
    by_id = {n["id"]: n for n in nodes}

    with browser() as b:
        b.open(page, "document.documentElement.getAttribute('data-kgb-ready') || "
                     "document.documentElement.getAttribute('data-kgb-error')")
        err = b.eval("document.documentElement.getAttribute('data-kgb-error')")
        check(not err, "the page reports: %s" % err)

        # Everything drawn, and the page says so.
        c = b.eval("kgbView.counts()")
        check(c["nodes"] == len(nodes) and c["edges"] == len(edges), ("page data", c))
        check(c["drawnNodes"] == len(nodes), ("nodes drawn", c["drawnNodes"], len(nodes)))
        expected = "Showing %s of %s entities, %s of %s relations" % (
            format(len(nodes), ","), format(len(nodes), ","), format(len(edges), ","), format(len(edges), ","))
        check(c["text"] == expected, ("counts line", c["text"], expected))

        # Search as a user: click the box, type, read the list, press Enter.
        degree = {}
        for e in edges:
            for end in (e["source"], e["target"]):
                degree[end] = degree.get(end, 0) + 1
        officials = [n for n in nodes if n["type"] == "official" and degree.get(n["id"])]
        check(officials, "no official with a relation in the graph")
        official = max(officials, key=lambda n: (degree[n["id"]], n["mentions"], n["id"]))
        if tricky:
            official = max(nodes, key=lambda n: ("<" in n["label"], degree.get(n["id"], 0)))
        b.click_selector("#search")
        b.type_text(official["label"])
        listed = b.eval("Array.from(document.querySelectorAll('#results li[data-node]')).map(li => li.dataset.node)")
        check(listed and listed[0] == official["id"], ("search for %s lists" % official["label"], listed))
        b.key("Enter", "Enter", 13)
        title = b.eval("document.querySelector('#details:not([hidden]) h2') && "
                       "document.querySelector('#details h2').textContent")
        check(title == official["label"], ("panel after Enter", title))
        # Pinyin finds the same entity (kgb's own pinyin of the label).
        pinyin = re.match("[a-z]*", b.eval("kgbView.data.nodes[%d][8]" % nodes.index(official))).group(0)
        if len(pinyin) >= 2:
            hits = b.eval("kgbView.search(%s).map(h => kgbView.data.nodes[h.index][0])" % json.dumps(pinyin))
            check(official["id"] in hits, ("pinyin search", pinyin, hits[:5]))
        own = [e for e in edges if official["id"] in (e["source"], e["target"])]
        sentences = {ev["sentence"] for e in own for ev in e["evidence"]}
        if large:
            check(b.eval("kgbView.renderer.nodePrograms.circle instanceof Sigma.rendering.NodePointProgram"),
                  "the page does not draw this graph as a large one")
            shown = b.eval("Array.from(document.querySelectorAll('#details-body .sentence')).map(s => s.textContent)")
            check(shown and set(shown) == sentences, ("evidence shown", shown[:3]))
            b.drain()
            check(not b.errors(), ("script errors", b.errors()))
            print("view_browser ok (large): %d nodes drawn, search finds %s, %d evidence sentences" %
                  (c["drawnNodes"], official["label"], len(shown)))
            return
        if tricky:
            b.drain()
            check(not b.errors(), ("script errors", b.errors()))
            print("view_browser ok (tricky): %d nodes drawn, search finds %s" % (c["drawnNodes"], official["label"]))
            return

        # Click the official's node with the mouse, where sigma draws it.
        b.click_selector("#close")
        b.eval("kgbView.renderer.getCamera().animatedReset({duration: 100})")
        b.eval(IDLE)  # the camera back to the whole graph
        p = b.eval("kgbView.nodeViewport(%s)" % json.dumps(official["id"]))
        b.click(p["x"], p["y"])
        panel = b.eval("document.getElementById('details').hidden ? '' : document.getElementById('details-body').innerText")
        check(panel.startswith(official["label"]), ("panel after clicking the node", panel[:200]))
        shown = b.eval("Array.from(document.querySelectorAll('#details-body .sentence')).map(s => s.textContent)")
        check(shown and set(shown) <= sentences and sentences <= set(shown), ("evidence shown", shown[:3]))
        docs = b.eval("Array.from(document.querySelectorAll('#details-body .doc')).map(s => s.textContent)")
        check(all(any(ev["doc"] in d for d in docs) for e in own for ev in e["evidence"]), "documents of the evidence")
        others = {by_id[e["target"] if e["source"] == official["id"] else e["source"]]["label"] for e in own}
        links = set(b.eval("Array.from(document.querySelectorAll('#details-body a.node')).map(a => a.textContent)"))
        check(others <= links, ("other ends listed", others - links))
        if shot:
            b.screenshot(shot)

        # Click a relation, as a user would: zoom in on the one whose middle
        # lies farthest from any entity, then click its middle.
        b.click_selector("#close")
        best = b.eval("""(function () {
          var v = kgbView, best = -1, far = -1;
          var pos = v.data.nodes.map(function (n, k) { return v.renderer.getNodeDisplayData(String(k)); });
          v.data.edges.forEach(function (e, i) {
            if (e[0] === e[1]) return;
            var mx = (pos[e[0]].x + pos[e[1]].x) / 2, my = (pos[e[0]].y + pos[e[1]].y) / 2, near = Infinity;
            pos.forEach(function (p) { near = Math.min(near, Math.hypot(p.x - mx, p.y - my)); });
            if (near > far) { far = near; best = i; }
          });
          var a = pos[v.data.edges[best][0]], c = pos[v.data.edges[best][1]];
          v.renderer.getCamera().animate({x: (a.x + c.x) / 2, y: (a.y + c.y) / 2, ratio: 0.35}, {duration: 100});
          return best;
        })()""")
        b.eval(IDLE)
        mid = b.eval("kgbView.edgeViewport(%d)" % best)
        mid["edge"] = best
        b.eval(IDLE)
        # A line is a pixel or two wide and Firefox's driver clicks whole
        # pixels: a pixel beside the middle is tried too, as a user would.
        for dx, dy in ((0, 0), (0, 1), (1, 0), (0, -1), (-1, 0)):
            b.click(mid["x"] + dx, mid["y"] + dy)
            picked = b.eval("kgbView.selected().edge")
            if picked >= 0:
                break
        check(picked >= 0, "clicking the middle of an edge selected no edge")
        edge, aimed = edges[picked], edges[mid["edge"]]
        # Parallel relations share their line: the one picked joins the same pair.
        check({edge["source"], edge["target"]} == {aimed["source"], aimed["target"]}, ("edge picked", edge, aimed))
        panel = b.eval("document.getElementById('details').hidden ? '' : document.getElementById('details-body').innerText")
        check("Evidence" in panel and all(ev["sentence"] in panel for ev in edge["evidence"]),
              ("panel after clicking an edge", panel[:300]))

        # Untick a relation type in the legend.
        b.click_selector("#close")
        rels = b.eval("kgbView.data.rels.map(r => r[0])")
        counts = {}
        for e in edges:
            counts[e["type"]] = counts.get(e["type"], 0) + 1
        rel = max(counts, key=lambda r: (counts[r], r))
        b.click_selector("#rel-filters label:nth-child(%d) input" % (rels.index(rel) + 1))
        c = b.eval("kgbView.counts()")
        check(c["shownEdges"] == len(edges) - counts[rel], ("edges shown without %s" % rel, c))
        hidden = b.eval("""kgbView.data.edges.map(function (e, i) {
            var d = kgbView.renderer.getEdgeDisplayData(String(i)); return [e[2], !!(d && d.hidden)]; })""")
        check(all(h == (rels[r] == rel) for r, h in hidden), ("edges hidden by the %s filter" % rel, hidden))
        check(("%s of %s relations" % (format(len(edges) - counts[rel], ","), format(len(edges), ","))) in c["text"],
              ("counts line", c["text"]))
        b.click_selector("#rel-filters label:nth-child(%d) input" % (rels.index(rel) + 1))

        # The date range: move the lower end to the last date.
        dated = sorted({e["date"] for e in edges if e.get("date")})
        if len(dated) > 1:
            b.eval("(function(){var f=document.getElementById('date-from'); f.value=f.max;"
                   "f.dispatchEvent(new Event('input'));})()")
            b.click_selector("#undated")
            c = b.eval("kgbView.counts()")
            want = sum(1 for e in edges if e.get("date") == dated[-1])
            check(c["shownEdges"] == want, ("edges on the last date", c["shownEdges"], want))
            label = b.eval("document.getElementById('date-label').textContent")
            check(dated[-1] in label, ("date label", label))

        b.drain()
        check(not b.errors(), ("script errors", b.errors()))
        outside = [u for u in b.requests() if not u.startswith(("file:", "data:", "blob:"))]
        check(not outside, ("network requests", outside))
        print("view_browser ok (%s): %d nodes drawn, search and click on %s, %d evidence sentences, filters" %
              (re.search(r"(Firefox|Chrome)/[0-9]+", b.eval("navigator.userAgent")).group(0), len(nodes), official["label"], len(shown)))


if __name__ == "__main__":
    main()
