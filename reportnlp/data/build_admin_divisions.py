"""Build ``admin_divisions.txt.gz``: China's administrative tree (province → prefecture → county → township).

Run from the repository root with the shared lexicons beside it::

    python reportnlp/data/build_admin_divisions.py ../shared/lexicons/admin-divisions

One line per unit, depth first, so each unit's parent is the last unit above it with a smaller level::

    <level><name>[<TAB>-][<TAB>~<short form>]

``level`` is ``0`` province, ``1`` prefecture, ``2`` county, ``3`` township. The gazetteer's placeholder
prefectures (``市辖区``, ``县``, ``省直辖县级行政区划``) are left out, so a municipality's districts and a
province's directly administered counties hang from the province; a county that repeats its prefecture
(东莞市 under 东莞市, a prefecture without counties) is left out too and its townships hang from the
prefecture. ``-`` marks a name that reads as a common word or phrase and is never matched in text:

* a township that occurs twice or more in the State Council reports and CPC congress reports
  (``corpora/gwr``, national texts that name no township: 小城镇, 发展乡, 开发区, 中心镇);
* a township-level farm, park or zone (name not ending in 镇/乡/街道/苏木) with a name shorter than four
  characters or shared by several units (农场, 工业园区);
* a county-level or township unit whose name is a jieba word not tagged as a place with a frequency of 100
  or more, unless it is a proper name with an administrative suffix the national texts use less than twice
  (城区, 矿区, 郊区, 街道 are marked; jieba's untagged 硚口区 and 东升镇 are not).

``~`` gives the unit's short form (义乌 for 义乌市, 广西 for 广西壮族自治区), for county-level units and
above only, when it has two or more characters, no other county-level-or-above unit has it (or those that
have it lie on one line of descent: 长沙 goes to 长沙市, not 长沙县), and it is not a common word. For a
county-level unit: it occurs less than three times in the national texts outside the full name, its jieba
(0.42.1) frequency is below 500, and below 200 unless jieba tags it as a name (新建, 太平, 南海, 平原, 丰满,
合作, 资源 are not short forms). For a prefecture or province: jieba tags it as a place (``ns``), or it
occurs less than three times in the national texts outside the full name and, when jieba tags it as a verb,
adjective, adverb, numeral or direction word, has a jieba frequency below 300. Development zones and other
functional areas (county codes ``xxxx7x``) get no short form.

Sources (see PROVENANCE.md): modood/Administrative-divisions-of-China (2022, WTFPL) provinces, cities, areas,
streets; jieba 0.42.1 ``dict.txt`` (MIT, build time only); ``corpora/gwr`` (public domain, build time only).
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).with_name("admin_divisions.txt.gz")
NATIONAL_TEXTS = (
    ROOT / "corpora" / "gwr" / "government_work_reports.jsonl",
    ROOT / "corpora" / "gwr" / "cpc_congress_reports.jsonl",
)

_ETHNIC = (
    "维吾尔 柯尔克孜 乌孜别克 俄罗斯 达斡尔 鄂温克 鄂伦春 塔吉克 塔塔尔 哈萨克 土家 布依 哈尼 傈僳 拉祜 纳西"
    " 景颇 仫佬 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 德昂 保安 裕固 独龙 赫哲 门巴 珞巴 基诺 朝鲜 蒙古 东乡"
    " 高山 各 壮 回 苗 藏 彝 侗 瑶 白 傣 黎 佤 畲 水 土 羌 怒 京"
).split()
_AUTONOMOUS = re.compile(rf"^(.{{2,}}?)(?:(?:{'|'.join(_ETHNIC)})族?)*自治(?:区|州|县|旗)$")
_SUFFIX = re.compile(r"^(.{2,}?)(?:省|市|地区|林区|特区|新区|县|区|旗|盟|州)$")
_PLACEHOLDER_PREFECTURES = {"市辖区", "县"}
# jieba tags of function and common words: a stem with one of these and a frequency of 300+ is a common word.
_NAME_TAGS = {"ns", "nr", "nz", "nrt", "nrfg"}
_TOWNSHIP_SUFFIX = re.compile(r"(?:镇|乡|街道|苏木)$")
_COMMON_TAGS = set("v vn vd a ad an d m f s b c p r t q l i".split())
HEADER = """\
# China's administrative divisions (2022), depth first: <level><name>[<TAB>-][<TAB>~<short form>].
# level 0 province, 1 prefecture, 2 county, 3 township; a unit's parent is the last unit above it with a
# smaller level. "-": the name reads as a common word, never matched. "~": an unambiguous short form.
# Built by build_admin_divisions.py from modood/Administrative-divisions-of-China (WTFPL); see PROVENANCE.md.
"""


def stem(name: str) -> str | None:
    """The short form of a county-or-above name (two characters or more), or None."""
    m = _AUTONOMOUS.match(name) or _SUFFIX.match(name)
    return m.group(1) if m else None


def _rows(src: Path, fname: str) -> list[dict]:
    with open(src / fname, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _jieba_dict() -> dict[str, tuple[int, str]]:
    import jieba

    words = {}
    with open(Path(jieba.__file__).with_name("dict.txt"), encoding="utf-8") as fh:
        for line in fh:
            word, freq, tag = line.split()
            words[word] = (int(freq), tag)
    return words


def _national_text() -> str:
    from reportnlp.normalise.script import to_simplified

    parts = []
    for path in NATIONAL_TEXTS:
        with open(path, encoding="utf-8") as fh:
            parts.extend(json.loads(line)["content"] for line in fh)
    return to_simplified("\n".join(parts))[0]


def build(src: Path) -> list[str]:
    provinces = _rows(src, "provinces.csv")
    cities = _rows(src, "cities.csv")
    areas = _rows(src, "areas.csv")
    streets = _rows(src, "streets.csv")
    jd = _jieba_dict()
    national = _national_text()

    # (code, level, name) in depth-first order.
    children: dict[str, list[tuple[str, int, str]]] = defaultdict(list)
    city_name = {c["code"]: c["name"] for c in cities}
    for c in cities:
        if c["name"] in _PLACEHOLDER_PREFECTURES or "直辖" in c["name"]:
            continue
        children[c["provinceCode"]].append((c["code"], 1, c["name"]))
    skipped_areas = {}
    for a in areas:
        parent = a["cityCode"]
        if city_name.get(parent) == a["name"]:
            skipped_areas[a["code"]] = parent
            continue
        if city_name.get(parent) in _PLACEHOLDER_PREFECTURES or "直辖" in city_name.get(parent, ""):
            parent = a["provinceCode"]
        children[parent].append((a["code"], 2, a["name"]))
    for s in streets:
        children[skipped_areas.get(s["areaCode"], s["areaCode"])].append((s["code"], 3, s["name"]))

    order: list[tuple[str, int, str]] = []
    parent: list[int] = []

    def walk(code: str, level: int, name: str, up: int) -> None:
        order.append((code, level, name))
        parent.append(up)
        here = len(order) - 1
        for child in sorted(children.get(code, ())):
            walk(*child, here)

    for p in sorted(provinces, key=lambda r: r["code"]):
        walk(p["code"], 0, p["name"], -1)

    def ancestors(i: int) -> set[int]:
        found = set()
        while parent[i] >= 0:
            i = parent[i]
            found.add(i)
        return found

    # Short forms: county level and above, not functional areas. A short form several units share is kept
    # only when they lie on one line of descent (长沙 for 长沙市 over 长沙县), for the highest of them.
    owners: dict[str, list[int]] = defaultdict(list)
    for i, (code, level, name) in enumerate(order):
        s = stem(name) if level < 3 and not (level == 2 and 70 <= int(code[4:6]) < 80) else None
        if s:
            owners[s].append(i)
    stem_owner = {}
    for s, idx in owners.items():
        top = min(idx, key=lambda i: (order[i][1], i))
        if all(i == top or top in ancestors(i) for i in idx):
            stem_owner[s] = top

    def usable_stem(i: int, name: str) -> str | None:
        s = stem(name)
        if not s or stem_owner.get(s) != i:
            return None
        freq, tag = jd.get(s, (0, ""))
        outside = national.count(s) - national.count(name)
        if order[i][1] == 2:
            # County level: jieba's place tag is no guarantee (新建, 太平, 平原, 南海 are ns).
            if outside >= 3 or freq >= 500 or (freq >= 200 and tag not in _NAME_TAGS):
                return None
            return s
        if tag == "ns":
            return s
        if outside >= 3 or (tag in _COMMON_TAGS and freq >= 300):
            return None
        return s

    township_names = Counter(name for _code, level, name in order if level == 3)

    def common_name(level: int, name: str) -> bool:
        freq, tag = jd.get(name, (0, ""))
        count = national.count(name)
        if level == 3 and not _TOWNSHIP_SUFFIX.search(name):
            # Farms, parks and zones at township level: only a long, unique name is a name (友谊农场).
            if len(name) < 4 or township_names[name] > 1:
                return True
        if level >= 2 and tag and tag != "ns" and freq >= 100:
            # jieba lists some real districts and towns untagged (硚口区, 东升镇): a proper name with an
            # administrative suffix is common only if the national texts use it.
            if len(name) <= 2 or not re.search(r"[镇乡区县市旗]$", name) or count >= 2:
                return True
        return level == 3 and count >= 2

    lines = []
    for i, (_code, level, name) in enumerate(order):
        fields = [f"{level}{name}"]
        if common_name(level, name):
            fields.append("-")
        s = usable_stem(i, name)
        if s:
            fields.append("~" + s)
        lines.append("\t".join(fields))
    return lines


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    lines = build(Path(sys.argv[1]))
    data = (HEADER + "\n".join(lines) + "\n").encode("utf-8")
    OUT.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # byte-for-byte reproducible
    print(f"{OUT}: {len(lines)} units, {OUT.stat().st_size} bytes")
