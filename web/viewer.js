// kgb's graph viewer: draws the graph embedded in the page (the kgb-view
// JSON of export/html.h) with sigma.js over a graphology graph, and adds
// search, filters by type, relation and date, a legend, counts, and the
// evidence of each entity and relation. Positions come from kgb (Boost.Graph
// layouts); nothing is laid out here.
//
// window.kgbView is the page's test hook (tests/scripts/view_browser.py):
// counts(), search(text), nodeViewport(id), and the graph and renderer.
//
// Start-up is kept short for large graphs (bench/view_bench.sh): the page
// parses only the nodes and edges, builds the graphology graph with index
// keys and the few attributes sigma draws, and draws; the evidence (most of
// the page's bytes) stays unparsed text until a relation is shown, and the
// search index is built at the first search. kgbView.times holds the
// milliseconds since navigation at each stage.
(function () {
  "use strict";

  var $ = function (id) { return document.getElementById(id); };
  // Milliseconds since navigation at each stage of start-up (bench/).
  var times = {};
  function mark(name) { times[name] = Math.round(performance.now()); }
  mark("script");
  function showError(msg) {
    var e = $("error");
    e.textContent = msg;
    e.hidden = false;
    document.documentElement.setAttribute("data-kgb-error", msg);
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  var data;
  try {
    var text = $("kgb-data").textContent;
    mark("text");
    data = JSON.parse(text);
    text = null;
  } catch (err) {
    showError("The graph data of this page cannot be read: " + err);
    return;
  }
  if (typeof graphology === "undefined" || typeof Sigma === "undefined") {
    showError("The drawing libraries could not be loaded in this browser" +
        (window.kgbLoadErrors && window.kgbLoadErrors.length ? " (" + window.kgbLoadErrors.join("; ") + ")" : "") +
        ". The viewer draws with WebGL: a browser with WebGL turned off, or without graphics support " +
        "(some headless set-ups), cannot show it.");
    return;
  }

  mark("parsed");
  // ---- the graph ----------------------------------------------------------
  var N = data.nodes.length, M = data.edges.length;
  var types = data.types, rels = data.rels, docs = data.docs;
  var large = N > 5000 || M > 15000;
  // Node radius in pixels: the GEXF size scaled down for larger graphs. Over
  // 5,000 entities the scale shrinks with the square root of their number,
  // so that the nodes cover about the same area of the screen as 5,000 do:
  // readable (the graph is a cloud at that size anyway), and each frame fills
  // that many pixels, which is what a frame costs where WebGL runs in
  // software (docs/viewer.md). Labels appear at the same zoom level.
  var sizeScale = N > 5000 ? 0.25 * Math.sqrt(5000 / N) : N > 2000 ? 0.25 : 0.45;

  // Directed storage (kgb's own); symmetric relations are drawn without arrows.
  var graph = new graphology.MultiGraph({ allowSelfLoops: true, type: "directed" });
  // Keys are the indexes into data.nodes and data.edges (as strings).
  for (var i = 0; i < N; i++) {
    var n = data.nodes[i];
    graph.addNode(i, { x: n[5], y: -n[6], size: n[4] * sizeScale, color: types[n[2]][1], label: n[1] });
  }
  var adjacency = new Array(N);
  for (i = 0; i < N; i++) adjacency[i] = [];
  var dates = [];
  for (i = 0; i < M; i++) {
    var e = data.edges[i];
    adjacency[e[0]].push(i);
    if (e[1] !== e[0]) adjacency[e[1]].push(i);
    if (e[4]) dates.push(e[4]);
    graph.addEdgeWithKey(i, e[0], e[1], {
      size: e[3] > 1 ? Math.min(1 + Math.log2(e[3]) * 0.6, 5) : 1,
      color: rels[e[2]][1],
      type: rels[e[2]][2] || large ? "line" : "arrow"
    });
  }
  mark("graph");
  dates.sort();
  var uniqueDates = dates.filter(function (d, k) { return k === 0 || d !== dates[k - 1]; });

  // ---- state and filters ---------------------------------------------------
  var state = {
    typeOn: types.map(function () { return true; }),
    relOn: rels.map(function () { return true; }),
    from: 0, to: Math.max(uniqueDates.length - 1, 0), undated: true,
    node: -1, edge: -1, neighbours: null
  };
  var nodeShown = new Uint8Array(N), edgeShown = new Uint8Array(M);

  function dateOk(d) {
    if (!d) return state.undated;
    if (uniqueDates.length === 0) return true;
    return d >= uniqueDates[state.from] && d <= uniqueDates[state.to];
  }
  function applyFilters() {
    var nodes = 0, edges = 0;
    for (var i = 0; i < N; i++) {
      nodeShown[i] = state.typeOn[data.nodes[i][2]] ? 1 : 0;
      nodes += nodeShown[i];
    }
    for (i = 0; i < M; i++) {
      var e = data.edges[i];
      edgeShown[i] = nodeShown[e[0]] && nodeShown[e[1]] && state.relOn[e[2]] && dateOk(e[4]) ? 1 : 0;
      edges += edgeShown[i];
    }
    state.shownNodes = nodes;
    state.shownEdges = edges;
    var text = "Showing " + nodes.toLocaleString("en") + " of " + N.toLocaleString("en") + " entities, " +
        edges.toLocaleString("en") + " of " + M.toLocaleString("en") + " relations";
    $("counts").textContent = text;
  }

  // ---- drawing -------------------------------------------------------------
  var SigmaClass = Sigma.Sigma || Sigma;
  var renderer;
  applyFilters();
  // Large graphs draw their entities as GL points (sigma's NodePointProgram,
  // 1 vertex an entity) rather than instanced triangles: software WebGL
  // (SwiftShader) sets each instance up on its own, over a second a frame
  // for 20,000 circles. Every relation is a thin GL line (2 vertices, no
  // arrowhead). Sigma always registers a program for its default "arrow"
  // type, compiling its shaders; large graphs have no edge of that type and
  // get a program that draws nothing instead (it implements what sigma 3.0
  // calls on an edge program): every shader program costs the GPU process
  // tens of milliseconds with software rendering.
  var edgePrograms = {}, nodePrograms = {};
  if (large && Sigma.rendering && Sigma.rendering.NodePointProgram) nodePrograms.circle = Sigma.rendering.NodePointProgram;
  if (large && Sigma.rendering && Sigma.rendering.EdgeLineProgram) {
    var NoEdges = function () {};
    NoEdges.prototype = {
      reallocate: function () {}, process: function () {}, render: function () {}, kill: function () {},
      hasNothingToRender: function () { return true; }
    };
    edgePrograms.line = Sigma.rendering.EdgeLineProgram;
    edgePrograms.arrow = NoEdges;
  }
  try {
    renderer = new SigmaClass(graph, $("graph"), {
      edgeProgramClasses: edgePrograms,
      nodeProgramClasses: nodePrograms,
      renderEdgeLabels: false,
      // Clicking a relation needs sigma to draw every edge a second time, into
      // its picking buffer, in every frame; large graphs go without (their
      // relations are reached from the entities' panels).
      enableEdgeEvents: !large,
      defaultEdgeType: "line",
      labelFont: '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC", sans-serif',
      labelSize: 13,
      labelWeight: "normal",
      labelDensity: 0.6,
      labelGridCellSize: 90,
      labelRenderedSizeThreshold: large ? 5 * sizeScale / 0.25 : 3,
      hideEdgesOnMove: large,
      hideLabelsOnMove: large,
      zIndex: !large,  // sorting 80,000 items on every change costs more than it shows
      minCameraRatio: 0.005,
      maxCameraRatio: 20,
      // A selection greys the rest out. Large graphs draw without z-order, so
      // there the grey entities also shrink, the neighbours' labels are
      // forced, and the relations outside the selection are hidden rather
      // than greyed (a grey cloud of 60,000 lines would cover the lit ones).
      nodeReducer: function (key, attr) {
        var i = +key;
        if (!nodeShown[i]) return Object.assign({}, attr, { hidden: true });
        if (state.neighbours && !state.neighbours.has(i))
          return { x: attr.x, y: attr.y, size: large ? attr.size * 0.6 : attr.size, color: "#e2e2e2", label: "", zIndex: 0 };
        if (i === state.node) return Object.assign({}, attr, { highlighted: true, zIndex: 2, forceLabel: true });
        if (state.neighbours) return Object.assign({}, attr, { zIndex: 1, forceLabel: large });
        return attr;
      },
      edgeReducer: function (key, attr) {
        var i = +key;
        if (!edgeShown[i]) return Object.assign({}, attr, { hidden: true });
        if (i === state.edge) return Object.assign({}, attr, { size: attr.size + 2, zIndex: 2 });
        if (state.node >= 0) {
          var e = data.edges[i];
          if (e[0] !== state.node && e[1] !== state.node)
            return Object.assign({}, attr, large ? { hidden: true } : { color: "#f0f0f0", zIndex: 0 });
          return Object.assign({}, attr, { zIndex: 1 });
        }
        return attr;
      }
    });
  } catch (err) {
    showError("This browser cannot draw the graph (WebGL is needed): " + err);
    return;
  }
  mark("renderer");
  var camera = renderer.getCamera();

  // ---- legend and filters --------------------------------------------------
  function countBy(list, k, n) {
    var c = new Array(n).fill(0);
    list.forEach(function (x) { c[x[k]]++; });
    return c;
  }
  function buildFilters(box, items, counts, on, mark) {
    items.forEach(function (it, k) {
      var label = el("label");
      var cb = el("input");
      cb.type = "checkbox";
      cb.checked = true;
      cb.dataset.index = k;
      cb.addEventListener("change", function () { on[k] = cb.checked; refresh(); });
      label.appendChild(cb);
      var sw = el("span", mark);
      sw.style.background = it[1];
      label.appendChild(sw);
      label.appendChild(el("span", null, it[0]));
      label.appendChild(el("span", "n", counts[k].toLocaleString("en")));
      box.appendChild(label);
    });
  }
  buildFilters($("type-filters"), types, countBy(data.nodes, 2, types.length), state.typeOn, "swatch");
  buildFilters($("rel-filters"), rels, countBy(data.edges, 2, rels.length), state.relOn, "line");

  // Timeline: two sliders over the distinct edge dates, and a histogram of
  // the dated relations.
  var from = $("date-from"), to = $("date-to");
  function dateLabel() {
    if (uniqueDates.length === 0) { $("date-label").textContent = "no dated relations"; return; }
    $("date-label").textContent = uniqueDates[state.from] + " – " + uniqueDates[state.to];
  }
  function drawHistogram() {
    var c = $("histogram"), ctx = c.getContext("2d");
    ctx.clearRect(0, 0, c.width, c.height);
    if (uniqueDates.length === 0) return;
    var bins = Math.min(uniqueDates.length, 60), counts = new Array(bins).fill(0), max = 1;
    dates.forEach(function (d) {
      var k = Math.min(bins - 1, Math.floor(bisect(uniqueDates, d) * bins / uniqueDates.length));
      counts[k]++;
    });
    counts.forEach(function (v) { if (v > max) max = v; });
    var w = c.width / bins;
    for (var k = 0; k < bins; k++) {
      var lo = Math.floor(k * uniqueDates.length / bins), inRange = lo >= state.from && lo <= state.to;
      ctx.fillStyle = inRange ? "#5b8db8" : "#d0d0d0";
      var h = Math.max(1, counts[k] / max * (c.height - 2));
      ctx.fillRect(k * w + 0.5, c.height - h, Math.max(1, w - 1), h);
    }
  }
  function bisect(arr, x) {
    var lo = 0, hi = arr.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (arr[mid] < x) lo = mid + 1; else hi = mid; }
    return lo;
  }
  if (uniqueDates.length === 0) {
    from.disabled = to.disabled = true;
  } else {
    from.max = to.max = String(uniqueDates.length - 1);
    to.value = String(uniqueDates.length - 1);
  }
  from.addEventListener("input", function () {
    state.from = +from.value;
    if (state.from > state.to) { state.to = state.from; to.value = from.value; }
    refresh();
  });
  to.addEventListener("input", function () {
    state.to = +to.value;
    if (state.to < state.from) { state.from = state.to; from.value = to.value; }
    refresh();
  });
  $("undated").addEventListener("change", function () { state.undated = $("undated").checked; refresh(); });

  function refresh() {
    applyFilters();
    dateLabel();
    drawHistogram();
    renderer.refresh();
    if (state.node >= 0) showNode(state.node, false);
    else if (state.edge >= 0) showEdge(state.edge);
  }

  // ---- details panel -------------------------------------------------------
  function nodeLink(i) {
    var a = el("a", "node", data.nodes[i][1]);
    a.href = "#" + data.nodes[i][0];
    a.addEventListener("click", function (ev) { ev.preventDefault(); select(i, true); });
    return a;
  }
  function tag(t) {
    var s = el("span", "tag", types[t][0]);
    s.style.background = types[t][1];
    return s;
  }
  // The evidence of relation ei: line ei of the kgb-evidence element, parsed
  // when asked for (the line starts are found at the first call).
  var evidenceText = null, evidenceStarts = null;
  function evidenceOf(ei) {
    if (evidenceStarts === null) {
      evidenceText = $("kgb-evidence").textContent;
      evidenceStarts = new Array(M + 1);
      for (var k = 0, at = 0; k < M; k++) {
        evidenceStarts[k] = at;
        at = evidenceText.indexOf("\n", at) + 1;
      }
      evidenceStarts[M] = at;
    }
    return JSON.parse(evidenceText.slice(evidenceStarts[ei], evidenceStarts[ei + 1] - 1));
  }
  function evidenceList(ei) {
    var ul = el("ul", "evidence");
    evidenceOf(ei).forEach(function (ev) {
      var li = el("li");
      li.appendChild(el("span", "sentence", ev[3]));
      li.appendChild(document.createTextNode(" "));
      var where = docs[ev[0]] + " [" + ev[1] + "–" + ev[2] + "]" + (ev[4] ? " · " + ev[4] : "") +
          (ev[5] ? " · " + ev[5] : "");
      li.appendChild(el("span", "doc", where));
      ul.appendChild(li);
    });
    return ul;
  }
  function relationBlock(ei, from) {
    var e = data.edges[ei], div = el("div", "rel" + (edgeShown[ei] ? "" : " filtered"));
    div.dataset.edge = ei;
    var head = el("div", "head");
    var kind = el("a", "edge kind", rels[e[2]][0]);
    kind.style.color = rels[e[2]][1];
    kind.addEventListener("click", function () { selectEdge(ei); });
    var other = e[0] === from ? e[1] : e[0];
    var dir = rels[e[2]][2] ? "—" : (e[0] === from ? "→" : "←");
    head.appendChild(kind);
    head.appendChild(el("span", "dir", dir));
    head.appendChild(nodeLink(other));
    head.appendChild(tag(data.nodes[other][2]));
    if (e[5]) head.appendChild(el("span", "title", e[5]));
    if (e[4]) head.appendChild(el("span", "date", e[4]));
    if (e[3] > 1) head.appendChild(el("span", "date", "×" + e[3]));
    div.appendChild(head);
    div.appendChild(evidenceList(ei));
    return div;
  }
  function openPanel() {
    $("details").hidden = false;
    var body = $("details-body");
    body.textContent = "";
    return body;
  }
  function showNode(i, scroll) {
    var n = data.nodes[i], body = openPanel();
    body.appendChild(el("h2", null, n[1]));
    var meta = el("div", "meta");
    meta.appendChild(tag(n[2]));
    meta.appendChild(document.createTextNode(" " + n[3] + " mentions · " + n[0]));
    body.appendChild(meta);
    if (n[7].length) body.appendChild(el("div", "meta", "also: " + n[7].join("、")));
    var list = adjacency[i].slice().sort(function (a, b) {
      var x = data.edges[a], y = data.edges[b];
      return x[2] - y[2] || (x[4] < y[4] ? -1 : x[4] > y[4] ? 1 : 0) || a - b;
    });
    body.appendChild(el("h3", null, "Relations (" + list.length + ")"));
    list.forEach(function (ei) { body.appendChild(relationBlock(ei, i)); });
    if (scroll) $("details").scrollTop = 0;
  }
  function showEdge(ei) {
    var e = data.edges[ei], body = openPanel();
    var h = el("h2");
    h.appendChild(nodeLink(e[0]));
    h.appendChild(document.createTextNode(rels[e[2]][2] ? " — " : " → "));
    h.appendChild(nodeLink(e[1]));
    body.appendChild(h);
    var meta = el("div", "meta", rels[e[2]][0] + (e[5] ? " · " + e[5] : "") + (e[4] ? " · " + e[4] : "") +
        " · " + e[3] + " evidence sentence" + (e[3] === 1 ? "" : "s"));
    body.appendChild(meta);
    body.appendChild(el("h3", null, "Evidence"));
    body.appendChild(evidenceList(ei));
  }
  function clearSelection() {
    state.node = state.edge = -1;
    state.neighbours = null;
    $("details").hidden = true;
    renderer.refresh();
  }
  function focusOn(i) {
    var key = String(i);
    var d = renderer.getNodeDisplayData(key);
    if (d) camera.animate({ x: d.x, y: d.y, ratio: Math.min(camera.ratio, 0.3) }, { duration: 400 });
  }
  function select(i, focus) {
    state.node = i;
    state.edge = -1;
    var nb = new Set([i]);
    adjacency[i].forEach(function (ei) { var e = data.edges[ei]; nb.add(e[0]); nb.add(e[1]); });
    state.neighbours = nb;
    showNode(i, true);
    renderer.refresh();
    if (focus) focusOn(i);
  }
  function selectEdge(ei) {
    state.node = -1;
    state.edge = ei;
    var e = data.edges[ei];
    state.neighbours = new Set([e[0], e[1]]);
    showEdge(ei);
    renderer.refresh();
  }
  $("close").addEventListener("click", clearSelection);

  renderer.on("clickNode", function (ev) { select(+ev.node, false); });
  renderer.on("clickEdge", function (ev) { selectEdge(+ev.edge); });
  renderer.on("clickStage", clearSelection);
  renderer.on("enterNode", function () { $("graph").style.cursor = "pointer"; });
  renderer.on("leaveNode", function () { $("graph").style.cursor = ""; });
  renderer.on("enterEdge", function () { $("graph").style.cursor = "pointer"; });
  renderer.on("leaveEdge", function () { $("graph").style.cursor = ""; });

  // ---- search --------------------------------------------------------------
  // Names are matched as typed (after lower-casing), pinyin without spaces
  // or apostrophes: "lin zhi yuan", "linzhiyuan" and "林致远" all find 林致远.
  // The index is built at the first search.
  var names = null;
  function search(text) {
    var q = text.trim().toLowerCase();
    if (!q) return [];
    if (names === null) {
      names = data.nodes.map(function (n) {
        return { label: n[1].toLowerCase(), aliases: n[7].map(function (a) { return a.toLowerCase(); }), pinyin: n[8] };
      });
    }
    var py = /^[a-z' ]+$/.test(q) ? q.replace(/[ ']/g, "") : "";
    var hits = [];
    for (var i = 0; i < N; i++) {
      var nm = names[i], best = null, pos;
      if ((pos = nm.label.indexOf(q)) >= 0) best = [pos === 0 ? (nm.label === q ? 0 : 1) : 2, 0, data.nodes[i][1]];
      for (var k = 0; k < nm.aliases.length && (!best || best[0] > 0); k++) {
        if ((pos = nm.aliases[k].indexOf(q)) >= 0) {
          var qa = pos === 0 ? (nm.aliases[k] === q ? 0 : 1) : 2;
          if (!best || qa < best[0]) best = [qa, 1, data.nodes[i][7][k]];
        }
      }
      if (!best && py.length >= 2 && nm.pinyin) {
        var parts = nm.pinyin.split("|");
        for (k = 0; k < parts.length; k++) {
          if ((pos = parts[k].indexOf(py)) >= 0) {
            best = [pos === 0 ? (parts[k] === py ? 0 : 1) : 2, 2, parts[k]];
            break;
          }
        }
      }
      if (best) hits.push({ index: i, quality: best[0], kind: best[1], matched: best[2] });
    }
    hits.sort(function (a, b) {
      return a.quality - b.quality || a.kind - b.kind || data.nodes[b.index][3] - data.nodes[a.index][3] || a.index - b.index;
    });
    return hits;
  }
  var results = $("results"), input = $("search"), active = 0, shownHits = [];
  function showResults() {
    shownHits = search(input.value).slice(0, 30);
    results.textContent = "";
    active = 0;
    shownHits.forEach(function (h, k) {
      var li = el("li", k === 0 ? "active" : "");
      li.dataset.node = data.nodes[h.index][0];
      li.appendChild(tag(data.nodes[h.index][2]));
      li.appendChild(el("span", null, data.nodes[h.index][1]));
      var why = ["", "alias ", "pinyin "][h.kind] + (h.kind ? h.matched : "");
      if (!nodeShown[h.index]) why += (why ? " · " : "") + "hidden by a filter";
      li.appendChild(el("span", "why", why));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(k); });
      results.appendChild(li);
    });
    if (input.value.trim() && shownHits.length === 0) results.appendChild(el("li", "why", "nothing found"));
    results.hidden = !input.value.trim();
  }
  function pick(k) {
    if (!shownHits[k]) return;
    results.hidden = true;
    input.blur();
    select(shownHits[k].index, true);
  }
  input.addEventListener("input", showResults);
  input.addEventListener("focus", function () { if (input.value.trim()) showResults(); });
  input.addEventListener("blur", function () { results.hidden = true; });
  input.addEventListener("keydown", function (ev) {
    var items = results.querySelectorAll("li[data-node]");
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!items.length) return;
      items[active].classList.remove("active");
      active = (active + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items[active].classList.add("active");
      items[active].scrollIntoView({ block: "nearest" });
    } else if (ev.key === "Enter") {
      pick(active);
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });

  $("reset").addEventListener("click", function () {
    document.querySelectorAll(".filters input").forEach(function (cb) { cb.checked = true; });
    state.typeOn = state.typeOn.map(function () { return true; });
    state.relOn = state.relOn.map(function () { return true; });
    state.from = 0;
    state.to = Math.max(uniqueDates.length - 1, 0);
    from.value = "0";
    to.value = String(state.to);
    state.undated = $("undated").checked = true;
    input.value = "";
    clearSelection();
    refresh();
    camera.animate({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }, { duration: 300 });
  });

  // ---- start ---------------------------------------------------------------
  $("title").textContent = data.title;
  document.title = data.title;
  if (data.kept === "pagerank") {
    $("notice").textContent = "The graph has " + data.entities.toLocaleString("en") + " entities and " +
        data.relations.toLocaleString("en") + " relations; this page shows the " + N.toLocaleString("en") +
        " most central (PageRank) and the relations among them.";
  }
  dateLabel();
  drawHistogram();
  mark("filters");

  window.kgbView = {
    times: times,
    data: data, graph: graph, renderer: renderer, search: search, select: select, selectEdge: selectEdge,
    selected: function () { return { node: state.node, edge: state.edge }; },
    counts: function () {
      var drawn = 0;
      graph.forEachNode(function (key) {
        var d = renderer.getNodeDisplayData(key);
        if (d && !d.hidden) drawn++;
      });
      return { nodes: N, edges: M, shownNodes: state.shownNodes, shownEdges: state.shownEdges, drawnNodes: drawn,
               text: $("counts").textContent };
    },
    // The index of entity `id` in data.nodes (its key in the graph).
    nodeIndex: function (id) {
      for (var i = 0; i < N; i++) if (data.nodes[i][0] === id) return i;
      return -1;
    },
    // Where entity `id` is drawn, in page pixels.
    nodeViewport: function (id) {
      var d = renderer.getNodeDisplayData(String(this.nodeIndex(id))), r = $("graph").getBoundingClientRect();
      var p = renderer.framedGraphToViewport(d);
      return { x: r.left + p.x, y: r.top + p.y };
    },
    edgeViewport: function (ei) {
      var e = data.edges[ei], a = this.nodeViewport(data.nodes[e[0]][0]), b = this.nodeViewport(data.nodes[e[1]][0]);
      return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
    }
  };
  // Ready once the first frame of the graph is on screen. Sigma drew it in
  // its constructor, but WebGL runs asynchronously: the GPU process executes
  // the draws (in software where there is no GPU, for a second or more on a
  // large graph) and only then can a frame show them. Reading one pixel of
  // each of sigma's WebGL canvases waits until their drawing is done (the
  // page could not show anything new before that anyway); the frame after
  // that is composited with the graph. Nothing of the start-up is left
  // pending then: input is handled at once (bench/view_bench.sh checks).
  requestAnimationFrame(function () {
    mark("frame");
    var px = new Uint8Array(4), contexts = renderer.webGLContexts || {};
    for (var k in contexts) {
      var gl = contexts[k];
      gl.bindFramebuffer(gl.FRAMEBUFFER, null);
      gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    }
    mark("gpu");
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        mark("drawn");
        window.kgbView.readyAt = performance.now();
        document.documentElement.setAttribute("data-kgb-ready", "1");
      });
    });
  });
})();
