#!/usr/bin/env bash
# End-to-end check of issue 13: `kgb build` over a folder holding a
# two-column newspaper PDF, a GBK web page with navigation around the article
# and a Word document with a table (all made by
# tests/fixtures/inputs/make_inputs.py from one invented article), plus a
# scanned PDF, an encrypted PDF and a broken DOCX. Checks that
#   - each format yields the same entities and relations as the same text
#     given as .txt, and nothing comes from the web page's navigation;
#   - the bad files are named on stderr with their reason, the exit code is 1
#     and the graph of the others is written;
#   - HTML evidence: the bytes [start, end) of the file hold the sentence
#     (tags aside); PDF and DOCX evidence: `kgb text FILE` holds the sentence
#     at [start, end), and PDF evidence carries its page;
#   - `kgb inspect` reads every format; JSONL records may carry "html".
#
# usage: bash inputs_formats.sh KGB_BINARY SOURCE_DIR
set -u
kgb=$1
src=$2
fx=$src/tests/fixtures/inputs
tmp=$(mktemp -d)
trap '[ -n "${KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT
cd "$tmp"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# The entities ("type:label") and relations ("rel(head,tail)") of a graph.
yield() {
  python3 - "$1" <<'EOF'
import json, sys
g = json.load(open(sys.argv[1]))
label = {n["id"]: n["label"] for n in g["nodes"]}
out = ["%s:%s" % (n["type"], n["label"]) for n in g["nodes"]]
out += ["%s(%s,%s)" % (e["type"], label[e["source"]], label[e["target"]]) for e in g["edges"]]
print("\n".join(sorted(set(out))))
EOF
}

build() {  # build OUT.json INPUT...
  local out=$1
  shift
  "$kgb" build --quiet --threads 2 --json "$out" "$@"
}

# --- each format against its text ---------------------------------------------
build txt.json "$fx/article.txt" || fail "build of article.txt"
build docx_txt.json "$fx/article_docx.txt" || fail "build of article_docx.txt"
yield txt.json > txt.yield
yield docx_txt.json > docx_txt.yield
[ "$(wc -l < txt.yield)" -ge 8 ] || fail "article.txt yields too little: $(cat txt.yield)"
for f in article.pdf article.html article.docx; do
  build "$f.json" "$fx/$f" || fail "build of $f (exit $?)"
  yield "$f.json" > "$f.yield"
  ref=txt.yield
  [ "$f" = article.docx ] && ref=docx_txt.yield
  if ! diff "$ref" "$f.yield" > "$f.diff"; then
    fail "$f does not yield what its text yields:"
    cat "$f.diff" >&2
  fi
done

# --- a folder with the good and the bad ------------------------------------------
mkdir in
cp "$fx/article.pdf" "$fx/article.html" "$fx/article.docx" "$fx/scan.pdf" "$fx/encrypted.pdf" "$fx/broken.docx" in/
cp "$fx/article.html" in/saved_page    # HTML without an extension, found by content
"$kgb" build --threads 2 --json all.json in > build.out 2> build.err
rc=$?
[ "$rc" -eq 1 ] || fail "folder build: exit $rc, want 1 (some inputs skipped)"
grep -q "scan.pdf.*text layer.*OCR" build.err || fail "scan.pdf not named with its reason: $(cat build.err)"
grep -q "encrypted.pdf.*encrypted.*password" build.err || fail "encrypted.pdf not named with its reason"
grep -q "broken.docx.*broken zip" build.err || fail "broken.docx not named with its reason"
[ -s all.json ] || fail "no graph written for the good inputs"
yield all.json > all.yield
cat txt.yield docx_txt.yield | sort -u > union.yield
diff union.yield all.yield > all.diff || { fail "folder graph differs from the texts' graphs:"; cat all.diff >&2; }
for nav in 青山 海川 王立新 赵东明 李卫东 门户网站; do
  grep -q "$nav" all.yield && fail "an entity from the web page's furniture: $nav"
done

# --- evidence points at the source ------------------------------------------------
for f in article.pdf article.docx; do "$kgb" text "in/$f" > "$f.rendering" || fail "kgb text $f"; done
python3 - "$tmp" <<'EOF' || fail "evidence offsets"
import html, json, re, sys, os
tmp = sys.argv[1]
g = json.load(open(os.path.join(tmp, "all.json")))
squeeze = lambda s: re.sub(r"[\s\u3000\xa0]", "", s)
bad = 0
n = {"html": 0, "pdf": 0, "docx": 0}
for e in g["edges"]:
    for ev in e["evidence"]:
        doc, s, t, sent = ev["doc"], ev["start"], ev["end"], ev["sentence"]
        if doc.endswith(".html") or doc.endswith("saved_page"):
            raw = open(doc, "rb").read()[s:t].decode("gbk")
            got = squeeze(html.unescape(re.sub(r"<[^>]*>", "", raw)))
            n["html"] += 1
        else:
            kind = "pdf" if doc.endswith(".pdf") else "docx"
            r = open(os.path.join(tmp, os.path.basename(doc) + ".rendering"), "rb").read()
            got = squeeze(r[s:t].decode("utf-8"))
            n[kind] += 1
            if kind == "pdf" and ev.get("page") != 1:
                print("PDF evidence without page 1:", ev); bad += 1
            if kind == "docx" and "page" in ev:
                print("DOCX evidence with a page:", ev); bad += 1
        if got != squeeze(sent):
            print("evidence mismatch in %s [%d,%d): %r != %r" % (doc, s, t, got, sent)); bad += 1
if min(n.values()) == 0:
    print("missing evidence of some format:", n); bad += 1
sys.exit(1 if bad else 0)
EOF
# The recipe of the docs, on the first PDF evidence.
read -r doc start end <<< "$(python3 -c '
import json; g = json.load(open("all.json"))
ev = [v for e in g["edges"] for v in e["evidence"] if v["doc"].endswith(".pdf")][0]
print(ev["doc"], ev["start"], ev["end"])')"
"$kgb" text "$doc" | tail -c +$((start + 1)) | head -c $((end - start)) > recipe.out
"$kgb" text "$doc" "$start" "$end" > range.out
cmp -s recipe.out range.out || fail "kgb text FILE START END differs from the tail/head recipe"
[ -s range.out ] || fail "kgb text range is empty"

# --- inspect and text on every format -----------------------------------------------
for f in article.txt article.pdf article.html article.docx; do
  "$kgb" inspect "$fx/$f" > "inspect.$f" 2>&1 || fail "kgb inspect $f"
  grep -q "met_with(林致远, 周海峰)" "inspect.$f" || fail "kgb inspect $f: no met_with relation"
done
grep -q "^  p1 \[" inspect.article.pdf || grep -q "^H p1 \[" inspect.article.pdf || fail "kgb inspect: PDF sentences without page"
"$kgb" text "$fx/scan.pdf" > /dev/null 2> text.err
[ $? -eq 3 ] && grep -q "OCR" text.err || fail "kgb text scan.pdf: want exit 3 and the reason"
"$kgb" text "$fx/article.html" | grep -q "青山" && fail "kgb text article.html shows navigation"

# --- JSONL with "html" -------------------------------------------------------------
python3 - "$fx/article.html" > pages.jsonl <<'EOF'
import json, sys
page = open(sys.argv[1], "rb").read().decode("gbk")
print(json.dumps({"id": "web-1", "html": page}, ensure_ascii=False))
print(json.dumps({"id": "web-2", "html": "<html><body><nav>首页</nav></body></html>"}))
EOF
"$kgb" build --quiet --threads 2 --json jsonl.json --jsonl pages.jsonl 2> jsonl.err
rc=$?
[ "$rc" -eq 1 ] || fail "jsonl build: exit $rc, want 1 (web-2 has no article)"
grep -q "pages.jsonl:2.*without article text" jsonl.err || fail "jsonl: web-2 not named: $(cat jsonl.err)"
yield jsonl.json > jsonl.yield
diff txt.yield jsonl.yield > jsonl.diff || { fail "JSONL html differs from the text:"; cat jsonl.diff >&2; }
python3 - pages.jsonl jsonl.json <<'EOF' || fail "JSONL html evidence offsets"
import json, re, html, sys
page = json.loads(open(sys.argv[1], encoding="utf-8").readline())["html"].encode("utf-8")
g = json.load(open(sys.argv[2]))
squeeze = lambda s: re.sub(r"[\s\u3000\xa0]", "", s)
for e in g["edges"]:
    for ev in e["evidence"]:
        got = squeeze(html.unescape(re.sub(r"<[^>]*>", "", page[ev["start"]:ev["end"]].decode("utf-8"))))
        assert got == squeeze(ev["sentence"]), (got, ev["sentence"])
        assert ev.get("date") in (None, "2024-05-12"), ev
EOF

if [ "$failures" -ne 0 ]; then
  echo "inputs_formats: $failures failure(s)" >&2
  exit 1
fi
echo "inputs_formats: all checks passed"
