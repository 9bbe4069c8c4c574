#!/usr/bin/env python3
"""Converts Jieba's dictionary and HMM tables into kgb's word-layer blob.

Run by the build (data/CMakeLists.txt); not needed at run time.

    jieba_convert.py JIEBA_DIR ADDITIONS... -o OUT

JIEBA_DIR is the Jieba package folder (Debian python3-jieba:
/usr/lib/python3/dist-packages/jieba). Reads dict.txt ("word freq tag" lines)
and finalseg/prob_{start,trans,emit}.py (the B/M/E/S model for unknown words,
Python literals read with ast.literal_eval, never executed). Each ADDITIONS
file holds "word freq tag" lines of the project's own (see data/words/); an
addition replaces a Jieba entry of the same word, and freq 0 removes it.

The blob (little-endian) is read by ingest/words.cc:
    "KGBWORD1"
    u32 word_count, u32 text_bytes, text: the words in UTF-8, each ended by '\\n'
    u32 freq[word_count]
    u8  tag[word_count]             index into the tag names
    u32 tag_count, u32 tag_bytes, tag names each ended by '\\n'
    f32 start[4], f32 trans[4][4]   states B, M, E, S; log probabilities
    u32 emit_count, then emit_count x (u32 code point, f32 emit[4])
"""
import ast
import os
import struct
import sys

STATES = "BMES"
MIN_LOG = -3.14e100


def fail(where, msg):
    sys.stderr.write("%s: %s\n" % (where, msg))
    sys.exit(1)


def read_literal(path):
    with open(path, encoding="utf-8") as f:
        tree = ast.parse(f.read(), path)
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "P" for t in node.targets):
            return ast.literal_eval(node.value)
    fail(path, "no P = {...} table")


def read_words(path, words, order, additions):
    with open(path, encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if additions:
                line = line.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            if len(parts) < 2 or len(parts) > 3:
                fail("%s:%d" % (path, no), "expected 'word freq [tag]'")
            word = parts[0]
            try:
                freq = int(parts[1])
            except ValueError:
                fail("%s:%d" % (path, no), "bad frequency %r" % parts[1])
            if freq < 0 or freq >= 2**32:
                fail("%s:%d" % (path, no), "frequency out of range")
            tag = parts[2] if len(parts) == 3 else "x"
            if not tag.isalpha() or len(tag) > 8:
                fail("%s:%d" % (path, no), "bad tag %r" % tag)
            if "\n" in word or "\x00" in word:
                fail("%s:%d" % (path, no), "bad word")
            if word not in words:
                order.append(word)
            if not additions and word in words:
                continue  # Jieba's first entry wins
            words[word] = (freq, tag)


def main(argv):
    out = None
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == "-o":
            out = argv[i + 1]
            i += 2
        else:
            args.append(argv[i])
            i += 1
    if out is None or not args:
        fail("jieba_convert", "usage: jieba_convert.py JIEBA_DIR ADDITIONS... -o OUT")
    jieba = args[0]
    words, order = {}, []
    read_words(os.path.join(jieba, "dict.txt"), words, order, False)
    for path in args[1:]:
        read_words(path, words, order, True)
    order = [w for w in order if words[w][0] > 0]
    tags = sorted({words[w][1] for w in order})
    tag_index = {t: k for k, t in enumerate(tags)}

    start = read_literal(os.path.join(jieba, "finalseg", "prob_start.py"))
    trans = read_literal(os.path.join(jieba, "finalseg", "prob_trans.py"))
    emit = read_literal(os.path.join(jieba, "finalseg", "prob_emit.py"))

    def clamp(v):
        return max(v, -1e30)  # keep within float range

    blob = bytearray(b"KGBWORD1")
    text = "".join(w + "\n" for w in order).encode("utf-8")
    blob += struct.pack("<II", len(order), len(text)) + text
    blob += struct.pack("<%dI" % len(order), *[words[w][0] for w in order])
    blob += bytes(tag_index[words[w][1]] for w in order)
    tag_text = "".join(t + "\n" for t in tags).encode("ascii")
    blob += struct.pack("<II", len(tags), len(tag_text)) + tag_text
    blob += struct.pack("<4f", *[clamp(start.get(s, MIN_LOG)) for s in STATES])
    blob += struct.pack("<16f", *[clamp(trans.get(a, {}).get(b, MIN_LOG)) for a in STATES for b in STATES])
    chars = sorted(set().union(*[set(emit.get(s, {})) for s in STATES]))
    blob += struct.pack("<I", len(chars))
    for c in chars:
        if len(c) != 1:
            fail(jieba, "emit table key %r is not one character" % c)
        blob += struct.pack("<I4f", ord(c), *[clamp(emit.get(s, {}).get(c, MIN_LOG)) for s in STATES])
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(blob)
    os.replace(tmp, out)


if __name__ == "__main__":
    main(sys.argv[1:])
