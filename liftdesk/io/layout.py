"""Where the table is in a roster as offices keep it: a merged title row and a notes line above the
header, a 序号 column, then footer rows (合计, 制表人, 审核, blank rows) below the data. The header
is the row among the first ones whose cells best match known column names; every other row that is
not data is skipped and named, so the report can say what was left out."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

HEADER_SCAN = 20  # the header is among the first rows
MAX_CELL = 1000

# standard column → names offices use, most trusted first (for 面积: register, then survey, then contract)
SYNONYMS = {
    "房号": ("房号", "室号", "户号", "户室号", "门牌号", "房间号", "房屋号", "房屋编号", "单元房号", "室", "room"),
    "楼层": ("楼层", "所在楼层", "层", "层次", "楼层数", "floor"),
    "面积": ("产权面积", "专有面积", "面积", "建筑面积", "房屋面积", "套内面积", "套内建筑面积", "登记面积",
           "实测面积", "测绘面积", "合同面积", "area"),
    "业主": ("业主", "产权人", "业主姓名", "产权人姓名", "姓名", "产权人/共有人", "业主/共有人",
           "所有权人", "房屋所有权人", "权利人", "户主", "owner", "owners"),
    "电话": ("电话", "联系电话", "手机", "手机号", "手机号码", "电话号码", "联系方式", "phone"),
    "居住情况": ("居住情况", "居住状态", "使用情况", "使用状态", "居住性质", "occupancy"),
    "意见": ("意见", "态度", "表态", "是否同意", "同意意见", "业主意见", "表决意见", "投票意见", "意见类型",
           "同意与否", "position"),
    "书面": ("书面", "是否书面", "已签字", "书面同意", "是否签字", "签字确认", "签名确认", "是否签名", "业主签字",
           "签字", "签名", "written"),
    "证件号": ("证件号", "证件号码", "身份证号", "身份证号码", "身份证", "产权人身份证号", "业主身份证号"),
    "日期": ("日期", "签字日期", "签署日期", "签名日期", "表决日期", "意见日期", "最近记录日期", "date"),
    "占用专有部分": ("占用专有部分", "是否占用专有部分", "占用本户专有部分", "电梯占用", "occupied"),
    "不动产权证号": ("不动产权证号", "不动产权证书号", "不动产证号", "产权证号", "房产证号", "property certificate"),
}

# kinds of rows that are not data, by a word they carry
FOOTER_WORDS = (("合计", ("合计", "小计", "总计", "共计", "总户数")),
                ("制表人", ("制表", "填表人", "填报人", "统计人")),
                ("审核", ("审核", "复核", "审批")),
                ("备注", ("备注", "说明", "注：", "注:")),
                ("落款", ("盖章", "负责人", "联系人", "填报日期", "日期：", "日期:")))

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)


def clean(text: str) -> str:
    """A cell as typed: zero-width characters dropped, surrounding (also full-width) spaces stripped."""
    return str(text).translate(_ZERO_WIDTH).strip()


def header_key(text: str) -> str:
    """"建筑面积（㎡）" → "建筑面积": full-width folded, units in brackets, spaces, * and : dropped."""
    key = unicodedata.normalize("NFKC", clean(text)).lower()
    key = re.sub(r"\([^)]*\)$", "", key)
    return re.sub(r"[\s*:：]", "", key)


def auto_mapping(header: list[str]) -> dict[str, int]:
    """Standard column → index in the header, by name or a common synonym (earlier synonyms win)."""
    keys = [header_key(h) for h in header]
    mapping: dict[str, int] = {}
    for column, names in SYNONYMS.items():
        for name in names:
            hits = [n for n, k in enumerate(keys) if k == name.lower() and n not in mapping.values()]
            if hits:
                mapping[column] = hits[0]
                break
    return mapping


def _score(row: list[str]) -> int:
    return len(auto_mapping(row))


@dataclass
class Table:
    """The rows of a sheet split into header, data and skipped rows; line numbers are 1-based rows
    as Excel shows them."""
    header: list[str]
    header_line: int
    body: list[tuple[int, list[str]]] = field(default_factory=list)
    skipped: list[tuple[int, str, str]] = field(default_factory=list)  # (line, kind, text)
    blank: int = 0

    def skipped_kinds(self) -> list[str]:
        return list(dict.fromkeys(kind for _, kind, _ in self.skipped))


def locate(rows: list[list[str]]) -> Table:
    """Find the header among the first rows; title and notes lines above it are skipped."""
    rows = [[clean(c) for c in row] for row in rows]
    candidates = [(n, _score(r)) for n, r in enumerate(rows[:HEADER_SCAN]) if any(r)]
    best = max(candidates, key=lambda c: (c[1], -c[0]))[0] if candidates else 0
    table = Table(rows[best] if rows else [], best + 1)
    for n, row in enumerate(rows[:best]):
        if any(row):
            text = " ".join(c for c in row if c)
            table.skipped.append((n + 1, "标题" if not table.skipped else "说明", text))
    for n, row in enumerate(rows[best + 1:], start=best + 2):
        if any(row):
            table.body.append((n, row))
        else:
            table.blank += 1
    return table


def footer_kind(row: list[str], room_index: int | None) -> str | None:
    """The kind of a non-data row (合计, 制表人 …), or None: only a row whose room cell is empty or
    itself carries the word is a footer, so an owner called 刘合计 is still data."""
    room = row[room_index] if room_index is not None and room_index < len(row) else ""
    if room and not any(word in room for _, words in FOOTER_WORDS for word in words):
        return None
    text = "".join(row)
    for kind, words in FOOTER_WORDS:
        if any(word in text for word in words):
            return kind
    return None
