#!/usr/bin/env python3
"""Invented news articles of the genre, for benchmarks and tests.

    bench/gen_articles.py --bytes N [--seed S] [--mix DIR] [--jsonl] [--docs K] > OUT

Writes about N bytes of UTF-8 text: articles of a development-zone paper
(headline, 本报讯 lede, meetings, signings, visits, projects) with invented
officials, companies, parks and projects. Names are drawn from large
combinations (surname x given name, place x brand x industry x suffix), so a
long text keeps introducing new names instead of repeating a few: the cost of
per-page name handling shows up as it would on a real archive.

--mix DIR interleaves the lines of DIR/*.txt (sorted; e.g. the NER test texts
of a corpus) between the articles, one paragraph of up to 20 lines after each
article, cycling through them. Nothing of DIR is stored anywhere by this
script; it only reads it.

--jsonl writes K documents (--docs, default 1) as JSON Lines
({"id": "gen-000001", "text": ...}) of about N/K bytes each, instead of one
plain text.

The output depends only on the arguments (a seeded generator).
"""
import argparse
import glob
import json
import os
import random
import sys

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "志远晓明建国红军海涛文博立新振华春生秋实冬梅雪松丽娟国强德胜永福安宁长青玉兰桂芳宏伟俊杰子轩思源嘉怡雨辰浩然昊天瑞祥锦程承泽启航鸿飞泽民庆丰兆麟延平秉义守正怀瑾德馨"
PLACE_A = "江云临清安宁平泰兴长永新东西南北汉川湘桂闽皖赣黔滇蜀秦晋豫冀鲁"
PLACE_B = "州阳宁城山川原林门江陵安平都海源丰"
BRAND = "华创博瑞泰康恒远鼎盛宏达信诚润丰天成中科金桥星辰海纳同心融通卓越万通嘉禾联合鸿运凯旋智联优品众鑫开元腾飞"
INDUSTRY = ["科技", "智能", "新材料", "生物医药", "电子", "信息技术", "新能源", "装备制造", "物流", "数据",
            "半导体", "环保", "汽车零部件", "精密机械", "软件", "光电"]
COMPANY_SUFFIX = ["有限公司", "股份有限公司", "集团有限公司", "有限责任公司"]
ZONE = ["高新区", "经开区", "综保区", "自贸区", "新区"]
TITLES_ZONE = ["党工委书记", "党工委副书记、管委会主任", "管委会副主任", "党工委委员、管委会副主任", "党工委副书记"]
TITLES_CO = ["董事长", "总经理", "副总裁", "总裁", "董事长兼总经理", "副总经理"]
PROJECT_KIND = ["产业园", "研发中心", "智能制造基地", "总部基地", "数据中心", "创新港", "生产线", "孵化器"]
VERBS = ["调研", "考察", "督导检查", "走访"]
TOPICS = ["营商环境", "招商引资", "项目建设", "安全生产", "科技创新", "人才引进", "产业链协同", "数字经济"]
ROADS = ["大道", "路", "街"]


class Names:
    def __init__(self, rng):
        self.rng = rng

    def person(self):
        r = self.rng
        n = r.randint(1, 2)
        return r.choice(SURNAMES) + "".join(r.choice(GIVEN) for _ in range(n))

    def place(self):
        r = self.rng
        return r.choice(PLACE_A) + r.choice(PLACE_B)

    def zone(self, place):
        return place + self.rng.choice(ZONE)

    def company(self):
        r = self.rng
        brand = r.choice(BRAND) + r.choice(BRAND)
        return self.place() + brand + r.choice(INDUSTRY) + r.choice(COMPANY_SUFFIX)

    def project(self):
        r = self.rng
        return r.choice(BRAND) + r.choice(BRAND) + r.choice(INDUSTRY) + r.choice(PROJECT_KIND) + "项目"

    def road(self):
        r = self.rng
        return r.choice(BRAND) + r.choice(PLACE_B) + r.choice(ROADS)


def article(rng, names, serial):
    place = names.place()
    zone = names.zone(place)
    boss = names.person()
    deputy = names.person()
    guest = names.person()
    co = names.company()
    co2 = names.company()
    proj = names.project()
    month = rng.randint(1, 12)
    day = rng.randint(1, 28)
    amount = rng.randint(2, 300)
    t_zone = rng.choice(TITLES_ZONE)
    t_co = rng.choice(TITLES_CO)
    lines = [
        f"{zone}与{co.replace('有限公司', '').replace('股份', '').replace('集团', '')}深化合作（第{serial}期）",
        "",
        f"本报讯 {month}月{day}日，{zone}{t_zone}{boss}会见了{co}{t_co}{guest}一行，"
        f"双方就{rng.choice(TOPICS)}、{rng.choice(TOPICS)}等工作进行了深入交流。"
        f"{zone}党工委委员、管委会副主任{deputy}参加会见。",
        "",
        f"{boss}对{guest}一行的到来表示欢迎。{boss}指出，{zone}正全力推进{rng.choice(TOPICS)}，"
        f"希望{co}发挥自身优势，加快{proj}建设进度，实现互利共赢。",
        "",
        f"{guest}介绍了企业发展情况，表示将持续加大在{zone}的投资力度。"
        f"会后，双方签署了战略合作协议，{proj}计划总投资{amount}亿元，位于{zone}{names.road()}。",
        "",
        f"当天，{boss}一行还先后来到{co2}、{names.company()}，实地{rng.choice(VERBS)}{names.project()}建设进展。"
        f"{names.person()}、{names.person()}等陪同。",
        "",
    ]
    return "\n".join(lines) + "\n"


def mixed_lines(mix_dir):
    files = sorted(glob.glob(os.path.join(mix_dir, "*.txt")))
    while files:
        for f in files:
            with open(f, encoding="utf-8", errors="replace") as h:
                for line in h:
                    line = line.strip()
                    if line:
                        yield line


def generate(rng, names, target, mix, serial0=0):
    out = []
    size = 0
    serial = serial0
    while size < target:
        serial += 1
        a = article(rng, names, serial)
        out.append(a)
        size += len(a.encode("utf-8"))
        if mix is not None:
            para = [next(mix) for _ in range(rng.randint(5, 20))]
            p = "\n".join(para) + "\n\n"
            out.append(p)
            size += len(p.encode("utf-8"))
    return "".join(out), serial


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bytes", type=int, required=True, help="about this many bytes of text")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--mix", help="folder of .txt files whose lines are interleaved")
    ap.add_argument("--jsonl", action="store_true", help="write JSON Lines documents")
    ap.add_argument("--docs", type=int, default=1, help="documents for --jsonl")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    names = Names(rng)
    mix = mixed_lines(args.mix) if args.mix else None
    out = sys.stdout
    if not args.jsonl:
        text, _ = generate(rng, names, args.bytes, mix)
        out.write(text)
        return
    serial = 0
    per = max(1, args.bytes // max(1, args.docs))
    for i in range(args.docs):
        text, serial = generate(rng, names, per, mix, serial)
        out.write(json.dumps({"id": f"gen-{i + 1:06d}", "text": text}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
