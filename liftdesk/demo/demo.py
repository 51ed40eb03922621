"""The demo district: Gongshu (拱墅区) as its 2023 table describes it, with plausible places,
households and owners. Deterministic for a seed; everything goes through the change log."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Callable

from liftdesk.demo import named
from liftdesk.money import costshare
from liftdesk.places import search
from liftdesk.consent.evaluation import Ballot, evaluate
from liftdesk.errors import LiftDeskError
from liftdesk.consent.rules import DEFAULT_RULE, load_rule
from liftdesk.reports.published import read_street_table
from liftdesk.store import Store, purpose, records

CANDIDATE_UNITS = 5515
SNAPSHOT = date(2023, 11, 15)  # the source article's date: nothing in the demo happens later

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
            "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱")
GIVEN = ("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强文海红玉兰凤英淑珍桂兰德明"
         "国庆永康宝林金凤春梅雪梅丽华建平晓东伟民卫东少华美玲慧敏佩芬阿毛根宝杏娣彩娥惠芳荣根金海堃喆")
PLACE_WORDS = ("和平 青园 王马 德胜 新华 朝晖 流水 竹竿 长庆 潮鸣 小营 大关 西文 东新 华丰 半山 石桥 香积 "
               "双荡 塘河 运河 拱宸 桥西 如意 仓基 卖鱼 信义 湖墅 左家 文晖 米市 打铜 新桥 宝善 绍兴 胜利 "
               "白马 建国 环北 刀茅 红石 东园 凤起 庆春 体育 大塘 皇亲 朝阳 夹城 祥符 登云 杭氧 瓜山 蔡马 "
               "永丰 善贤 城北 上塘 假山 霞湾 蓝孔 长木 鼓楼 三塘 和睦 古运 德天 紫荆 华中 金华 萍水").split()
ESTATE_SUFFIX = ("小区", "新村", "苑", "公寓", "小区", "新村", "坊")
TEAMS = ("加梯帮帮团", "电梯助建服务队")


@dataclass
class _Rows:
    tables: dict[str, list[dict]] = field(default_factory=dict)
    forms: int = 0  # written forms so far: every form number in the district is its own

    def add(self, store: Store, table: str, values: dict) -> str:
        values["id"] = store.ids.new()
        self.tables.setdefault(table, []).append(values)
        return values["id"]


def _split(total: int, weights: list[float]) -> list[int]:
    """Largest-remainder split of `total` in proportion to `weights`, summing exactly."""
    scale = total / sum(weights)
    raw = [w * scale for w in weights]
    parts = [int(r) for r in raw]
    for i in sorted(range(len(raw)), key=lambda i: raw[i] - parts[i], reverse=True)[: total - sum(parts)]:
        parts[i] += 1
    return parts


def _unique_names(rng: random.Random, n: int, suffixes: tuple[str, ...], taken: set[str] = frozenset()) -> list[str]:
    names, seen = [], set(taken)
    while len(names) < n:
        name = rng.choice(PLACE_WORDS) + rng.choice(suffixes)
        if name in seen:
            name = rng.choice(PLACE_WORDS) + rng.choice(PLACE_WORDS) + rng.choice(suffixes)
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _person_name(rng: random.Random) -> str:
    given = GIVEN[rng.randrange(len(GIVEN))]
    if rng.random() < 0.6:
        given += GIVEN[rng.randrange(len(GIVEN))]
    return SURNAMES[min(int(rng.expovariate(1 / 18)), len(SURNAMES) - 1)] + given


def _phone(rng: random.Random) -> str:
    return rng.choice(("13", "15", "18", "17", "19")) + f"{rng.randrange(10**9):09d}"


def _random_day(rng: random.Random, start: date, end: date) -> date:
    return start + timedelta(days=rng.randrange(max(1, (end - start).days + 1)))


def _project_dates(rng: random.Random, handover_year: int | None) -> tuple[date, date | None]:
    if handover_year is None:  # under construction at the snapshot
        return _random_day(rng, date(2023, 3, 1), SNAPSHOT - timedelta(days=20)), None
    end = min(date(handover_year, 12, 31), SNAPSHOT)
    handover = _random_day(rng, date(handover_year, 1, 10), end)
    return handover - timedelta(days=rng.randrange(90, 300)), handover


def is_empty(store: Store) -> bool:
    return store.db.execute("SELECT count(*) FROM street").fetchone()[0] == 0


def generate(store: Store, seed: int = 2023, progress: Callable[[int, int], None] | None = None,
             compact: bool = True) -> dict:
    """Fill an empty database with the demo district; one transaction, so a failure leaves it empty."""
    if not is_empty(store):
        raise LiftDeskError("cli.demo.not_empty", path=str(store.path or ":memory:"))
    rng = random.Random(seed)
    money_rng = random.Random(seed + 1)  # its own stream: money never changes the rest of the demo
    upkeep_rng = random.Random(seed + 2)  # and upkeep its own: the rest stays as it was
    objection_rng = random.Random(seed + 3)  # objections during the notice, likewise
    table = read_street_table()
    rows = _Rows()
    report = progress or (lambda done, total: None)
    district = rows.add(store, "district", {"name": "拱墅区", "consent_scope": "unit",
                                            "rule_preset": "civil-code-278"})
    candidates = _split(CANDIDATE_UNITS, [0.5 + rng.random() for _ in table])
    persons_in_street: list[tuple[str, str]] = []
    for n, street in enumerate(table, start=1):
        report(n - 1, len(table) + 1)
        street_id = rows.add(store, "street", {"district_id": district, "name": street.street, "seq": n})
        team = rows.add(store, "team", {"street_id": street_id, "name": street.street.removesuffix("街道")
                                        + TEAMS[n % 2], "kind": TEAMS[n % 2]})
        for k in range(rng.randint(5, 12)):
            rows.add(store, "helper", {"team_id": team, "name": _person_name(rng), "phone": _phone(rng),
                                       "role": "staff" if k < 2 else "volunteer"})
        named_here = named.named_units(street.street)
        fates: list[int | None] = [y for y, c in street.by_year.items() for _ in range(c)]
        fates += [None] * street.under_construction
        fates = named.without(fates, named.named_fates(named_here))
        n_units = max(len(fates), street.total + candidates[n - 1] - len(named_here))  # the named units included
        units = _street_places(store, rows, rng, street_id, n_units, taken={named.COMMUNITY} if named_here else set())
        projects: dict[str, _Project] = {}
        for (unit_id, label, _), fate in zip(rng.sample(units, len(fates)), fates):
            projects[unit_id] = _project(store, rows, rng, unit_id, label, fate)
        specs = _named_places(store, rows, rng, street_id, named_here, units, projects)
        persons_in_street.clear()
        street_helpers = [(h["id"], h["name"]) for h in rows.tables["helper"] if h["team_id"] == team]
        gathered: dict[str, tuple[list[Ballot], dict[str, str], list[int]]] = {}  # a project's units so far
        for unit_id, _, floors in units:
            spec = specs.get(unit_id)
            names: dict[str, str] = {}
            ballots = _households(store, rows, rng, unit_id, floors, persons_in_street, names,
                                  spec.rooms if spec else None)
            if unit_id in projects:
                project = projects[unit_id]
                _project_positions(store, rows, rng, ballots, project.dates["consultation"])
                all_ballots, all_names, all_floors = gathered.setdefault(project.id, ([], {}, []))
                all_ballots += ballots
                all_names.update(names)
                all_floors.append(floors)
                if len(all_floors) < project.units:
                    continue  # 四梯连装: the group, meetings and money once, over every unit
                _project_people(store, rows, rng, project, all_ballots, all_names, rng.choice(street_helpers))
                _project_objections(store, rows, objection_rng, project, all_ballots, all_names)
                if "handover" in project.dates:
                    running = _project_money(store, rows, money_rng, project, all_ballots, max(all_floors))
                    _project_upkeep(store, rows, upkeep_rng, project, running)
            else:
                _candidate_positions(store, rows, rng, ballots, spec.profile if spec else "")
    _targets(store, rows, random.Random(seed + 4), table)
    report(len(table), len(table) + 1)
    order = ["district", "street", "team", "helper", "community", "estate", "building", "unit", "project",
             "project_unit", "stage_event", "household", "person", "ownership", "position", "group_member", "meeting",
             "attendance", "followup", "diary_entry", "lift_plan", "funding_plan", "cost_agreement", "payment",
             *UPKEEP_TABLES, "street_target"]
    with store.db.atomic():
        for name in order:
            records.insert_many(store, name, rows.tables.get(name, []))
        purpose.mark_demo(store)  # in the file itself: a copy of the demo is still the demo
    search.refresh_keys(store)  # pinyin keys now, not on the first search
    store.db.execute("ANALYZE")  # statistics for the query planner, now that the tables are full
    if compact:  # written in one go, the file's pages are part-filled: rewritten whole, a tenth smaller
        store.db.execute("VACUUM")
    report(len(table) + 1, len(table) + 1)
    return {name: len(rows.tables.get(name, [])) for name in order}


def _street_places(store: Store, rows: _Rows, rng: random.Random, street_id: str,
                   n_units: int, taken: set[str] = frozenset()) -> list[tuple[str, str, int]]:
    """Communities → estates → buildings → units until the street has `n_units` units (community
    names in `taken` are left to the named places)."""
    units: list[tuple[str, str, int]] = []
    n_communities = max(3, round(n_units / 90))
    community_names = _unique_names(rng, n_communities, ("社区",), taken)
    per_community = _split(n_units, [0.6 + rng.random() for _ in range(n_communities)])
    for c_name, c_units in zip(community_names, per_community):
        community_id = rows.add(store, "community", {"street_id": street_id, "name": c_name})
        n_estates = max(1, round(c_units / 28))
        for e_name, e_units in zip(_unique_names(rng, n_estates, ESTATE_SUFFIX),
                                   _split(c_units, [0.5 + rng.random() for _ in range(n_estates)])):
            estate_id = rows.add(store, "estate", {"community_id": community_id, "name": e_name})
            b_no = 0
            while e_units > 0:
                b_no += 1
                floors = rng.choice((5, 6, 6, 6, 7))
                take = min(e_units, rng.choice((1, 2, 2, 3, 3, 4)))
                e_units -= take
                building_id = rows.add(store, "building", {"estate_id": estate_id, "name": f"{b_no}幢",
                                                           "floors": floors, "seq": b_no})
                for u_no in range(1, take + 1):
                    unit_id = rows.add(store, "unit", {"building_id": building_id, "name": f"{u_no}单元",
                                                       "seq": u_no, "eligible": 1})
                    units.append((unit_id, f"{e_name}{b_no}幢{u_no}单元", floors))
    return units


def _named_places(store: Store, rows: _Rows, rng: random.Random, street_id: str,
                  named_units: tuple[named.NamedUnit, ...], units: list[tuple[str, str, int]],
                  projects: dict[str, "_Project"]) -> dict[str, named.NamedUnit]:
    """The seeds' named places of this street (see named.py): appended to `units`, their lifts to
    `projects` (a 四梯连装 project once, over all its units). Returns each named unit by id."""
    if not named_units:
        return {}
    community = rows.add(store, "community", {"street_id": street_id, "name": named.COMMUNITY})
    estates: dict[str, str] = {}
    buildings: dict[tuple[str, str], str] = {}
    specs: dict[str, named.NamedUnit] = {}
    groups: dict[str, list[str]] = {}
    for spec in named_units:
        if spec.estate not in estates:
            estates[spec.estate] = rows.add(store, "estate", {"community_id": community, "name": spec.estate})
        key = (spec.estate, spec.building)
        if key not in buildings:
            seq = int(spec.building.removesuffix("幢"))
            buildings[key] = rows.add(store, "building", {"estate_id": estates[spec.estate], "name": spec.building,
                                                          "floors": spec.floors, "seq": seq})
        unit_id = rows.add(store, "unit", {"building_id": buildings[key], "name": spec.unit,
                                           "seq": int(spec.unit.removesuffix("单元")), "eligible": 1})
        units.append((unit_id, spec.label, spec.floors))
        specs[unit_id] = spec
        if spec.project:
            groups.setdefault(spec.project, []).append(unit_id)
    for key, unit_ids in groups.items():
        first = specs[unit_ids[0]]
        project = _project(store, rows, rng, unit_ids[0], key, first.handover_year, first.handover_on)
        project.units = len(unit_ids)
        for unit_id in unit_ids:
            projects[unit_id] = project
            if unit_id != unit_ids[0]:
                rows.add(store, "project_unit", {"project_id": project.id, "unit_id": unit_id})
    return specs


CONTRACTORS = ("杭州西奥电梯工程有限公司", "浙江恒达电梯安装有限公司", "杭州奥立达电梯有限公司", "浙江新展电梯工程有限公司")
CHAIN = (("survey", 20, 60), ("group", 15, 45), ("site_survey", 15, 45), ("design", 20, 60),
         ("consultation", 5, 20), ("notice", 20, 40), ("approval", 10, 40), ("subsidy", 5, 30),
         ("pipes", 10, 40))  # each stage and how many days it lasts before the next one


@dataclass
class _Project:
    id: str
    dates: dict[str, date]
    manager: str = ""
    units: int = 1  # a 四梯连装 project covers several


def _project(store: Store, rows: _Rows, rng: random.Random, unit_id: str, label: str,
             handover_year: int | None, handover_on: date | None = None) -> _Project:
    """A project with its whole stage history, consistent with its construction and handover
    (on `handover_on` when given: the same building time, moved to that day)."""
    project_id = rows.add(store, "project", {"unit_id": unit_id, "name": f"{label}电梯"})
    start, handover = _project_dates(rng, handover_year)
    if handover and handover_on:
        start, handover = handover_on - (handover - start), handover_on
    dates: dict[str, date] = {"construction": start}
    day = start
    for stage, low, high in reversed(CHAIN):
        day -= timedelta(days=rng.randint(low, high))
        dates[stage] = day
    if handover:
        dates["acceptance"] = handover - timedelta(days=rng.randint(5, 30))
        dates["handover"] = handover
    details = {
        "approval": {"permit_no": f"{dates['approval']:%Y}拱规许{rng.randrange(1, 999):03d}号",
                     "permit_date": dates["approval"].isoformat(), "review": "联合审查通过"},
        "subsidy": {"amount_fen": 200_000_00, "status": "已拨付至集体账户",
                    "credited_on": dates["subsidy"].isoformat()},
        "construction": {"contractor": rng.choice(CONTRACTORS), "actual_start": start.isoformat()},
        "acceptance": {"accepted_on": dates.get("acceptance", start).isoformat()},
        "handover": {"handover_on": handover.isoformat() if handover else "", "manager": _person_name(rng)},
    }
    for stage, on in sorted(dates.items(), key=lambda kv: kv[1]):
        rows.add(store, "stage_event", {"project_id": project_id, "stage": stage, "on_date": on.isoformat(),
                                        "note": "", "details": json.dumps(details.get(stage, {}), ensure_ascii=False,
                                                                          sort_keys=True)})
    return _Project(project_id, dates, details["handover"]["manager"])


MEETING_PLAN = (("survey", "survey", "加装电梯意愿摸底", 7), ("design", "plan", "加装方案说明", 10),
                ("consultation", "vote", "业主表决及签订协议", 0))
DIARY_LINES = {
    "survey": "帮帮团上门摸底，{n} 户中多数表示愿意加装电梯。",
    "group": "成立筹备组，{leader} 任组长。",
    "design": "设计单位现场测量，初步方案为平层入户。",
    "approval": "取得规划许可，准备申请补贴。",
    "construction": "电梯基坑开挖，施工围挡到位。",
    "handover": "电梯交付使用，居民第一次坐电梯回家。",
}


def _project_people(store: Store, rows: _Rows, rng: random.Random, project: _Project, ballots: list[Ballot],
                    names: dict[str, str], helpers: list[str]) -> None:
    """The preparation group, meetings with attendees and minutes, follow-ups and diary entries."""
    d = project.dates
    members = rng.sample(ballots, min(len(ballots), rng.randint(3, 5)))
    leader = names[members[0].household_id]
    for n, b in enumerate(members):
        rows.add(store, "group_member", {"project_id": project.id, "household_id": b.household_id,
                                         "name": names[b.household_id], "role": ("组长", "联络员", "出纳", "成员",
                                                                                 "成员")[n],
                                         "from_date": d["group"].isoformat(), "to_date": None, "helper_id": None})
    rows.add(store, "group_member", {"project_id": project.id, "helper_id": helpers[0], "household_id": None,
                                     "name": helpers[1], "role": "联络员", "from_date": d["group"].isoformat(),
                                     "to_date": None})
    for stage, kind, topic, offset in MEETING_PLAN:
        day = d[stage] + timedelta(days=offset)
        hour = rng.choice((9, 14, 19))
        meeting = rows.add(store, "meeting", {
            "project_id": project.id, "kind": kind, "starts_at": f"{day.isoformat()}T{hour:02d}:00",
            "ends_at": f"{day.isoformat()}T{hour + 1:02d}:30", "place": rng.choice(("社区会议室", "楼道口", "小区凉亭")),
            "topic": topic, "agenda": json.dumps(["介绍政策", "讨论方案", "答疑"], ensure_ascii=False),
            "minutes": f"{topic}，社区主持，帮帮团介绍补贴政策和分摊办法，业主逐一发言。",
            "decisions": "同意推进下一步" if kind != "vote" else "业主表决通过，签订加装协议"})
        for b in ballots:
            if rng.random() < 0.7:
                role = "owner" if rng.random() < 0.85 else rng.choice(("proxy", "tenant"))
                rows.add(store, "attendance", {"meeting_id": meeting, "household_id": b.household_id,
                                               "helper_id": None, "name": "", "role": role})
        rows.add(store, "attendance", {"meeting_id": meeting, "household_id": None, "helper_id": helpers[0],
                                       "name": helpers[1], "role": "helper"})
        rows.add(store, "followup", {"meeting_id": meeting, "project_id": project.id,
                                     "text": "整理会议纪要并在楼道公示", "owner": leader,
                                     "due_date": (day + timedelta(days=7)).isoformat(),
                                     "done_on": (day + timedelta(days=rng.randint(1, 7))).isoformat()})
    for stage, line in DIARY_LINES.items():
        if stage in d:
            rows.add(store, "diary_entry", {"project_id": project.id, "on_date": d[stage].isoformat(),
                                            "text": line.format(n=len(ballots), leader=leader), "author": helpers[1]})


PLAN_SUMMARIES = ("楼后加装一部 {load}kg 电梯，{entry}", "山墙侧加装电梯，{entry}，连廊接入各户",
                  "楼前加装电梯，{entry}，不占用消防通道")


def _project_money(store: Store, rows: _Rows, rng: random.Random, project: _Project, ballots: list[Ballot],
                   floors: int) -> "_Running":
    """A handed-over lift's plan, funding (¥200,000 subsidy credited to the collective account), the
    signed agreement's shares and the payments into the account (a few still outstanding)."""
    d = project.dates
    load, entry = rng.choice((630, 630, 800)), rng.choice(("flat", "half"))
    total = rng.randrange(45, 71) * 10_000_00
    rows.add(store, "lift_plan", {
        "project_id": project.id, "version": 1, "position": rng.choice(("back", "back", "gable", "front")),
        "entry": entry, "load_kg": load, "stops": floors + (0 if entry == "flat" else 1),
        "design_firm": "杭州市建筑设计研究院", "maker": rng.choice(("日立电梯", "奥的斯电梯", "三菱电梯", "西子电梯")),
        "summary": rng.choice(PLAN_SUMMARIES).format(load=load, entry="平层入户" if entry == "flat" else "半层入户"),
        "estimate_fen": total, "change_note": "", "material": 0, "attachments": "[]",
        "on_date": d["design"].isoformat(), "recorded_by": ""})
    scheme_id = rng.choice(("guangzhou-2025", "guangzhou-2025", "nanjing-gulou", "area"))
    subsidy = 200_000_00
    rows.add(store, "funding_plan", {
        "project_id": project.id, "total_fen": total, "subsidy_fen": subsidy, "subsidy_status": "credited",
        "subsidy_applied_on": d["approval"].isoformat(), "subsidy_approved_on": d["subsidy"].isoformat(),
        "subsidy_credited_on": d["subsidy"].isoformat(), "scheme": scheme_id,
        "yearly_maintenance_fen": 5_000_00, "yearly_electricity_fen": rng.randrange(8, 16) * 100_00,
        "account_name": "加装电梯集体账户", "account_bank": "杭州银行拱墅支行",
        "account_no": f"3301 0400 {rng.randrange(10**4):04d} {rng.randrange(10**4):04d}",
        "manager": "", "schedule": "签订协议后 30 日内一次缴清"})
    flats = [costshare.Flat(b.household_id, b.room, b.floor, b.area_x100) for b in ballots]
    table = costshare.compute_shares(flats, total - subsidy, costshare.load_scheme(scheme_id))
    rows.add(store, "cost_agreement", {
        "project_id": project.id, "plan_version": 1,
        "scheme_json": json.dumps(table.scheme.as_json(), ensure_ascii=False, sort_keys=True),
        "owners_part_fen": table.owners_part_fen,
        "shares_json": json.dumps([s.as_json() for s in table.shares], ensure_ascii=False),
        "on_date": d["consultation"].isoformat(), "serial": ""})
    for n, share in enumerate(s for s in table.shares if s.amount_fen > 0):
        paid = share.amount_fen if rng.random() > 0.05 else share.amount_fen // 2
        day = _random_day(rng, d["consultation"], d["construction"])
        rows.add(store, "payment", {"project_id": project.id, "household_id": share.flat.id, "amount_fen": paid,
                                    "paid_on": day.isoformat(), "receipt_no": f"SK{day:%y%m%d}{n + 1:03d}",
                                    "method": rng.choice(("银行转账", "银行转账", "微信", "现金")), "reason": "",
                                    "recorded_by": "出纳"})
    return _Running(flats, table.scheme, rows.tables["funding_plan"][-1])


@dataclass
class _Running:
    """What the upkeep history needs of a lift's money: its households, its scheme, its plan."""
    flats: list[costshare.Flat]
    scheme: costshare.Scheme
    plan: dict


UPKEEP_TABLES = ("objection", "objection_step", "upkeep_party", "upkeep_visit", "upkeep_inspection", "upkeep_insurance", "upkeep_fault",
                 "running_cost", "running_bill", "running_payment")
MAINTAINERS = ("杭州西奥电梯工程有限公司", "日立电梯（中国）有限公司杭州分公司", "浙江恒达电梯安装有限公司",
               "奥的斯机电电梯有限公司杭州分公司")
INSURERS = ("中国人民财产保险杭州市分公司", "太平洋财产保险杭州分公司", "平安财产保险浙江分公司")
FINDINGS = ("例行保养，运行正常", "曳引机加油，门机调整", "更换层门滑块", "清洁轿顶与底坑，运行正常", "调整平层精度")
FAULTS = (("层门门锁接触不良", "更换门锁触点"), ("停电后困人", "维保人员 20 分钟到场解困"),
          ("变频器报警", "更换变频器风扇"), ("按钮失灵", "更换外呼按钮"))
BILLED_YEARS = (2022, 2023)  # running costs billed each January for the year ahead, before the snapshot


OBJECTIONS = ("电梯井道遮挡一楼采光", "施工噪音影响休息", "担心电梯运行费用分摊不公", "占用楼前绿地", "担心低层住户房价受影响")
SETTLED = (("mediated", "社区主持调解，双方达成一致"), ("mediated", "调整费用分摊，异议人表示同意"),
           ("withdrawn", "异议人书面撤回异议"), ("maintained", "异议人维持异议，随审批材料一并报送"))


def _project_objections(store: Store, rows: _Rows, rng: random.Random, project: _Project, ballots: list[Ballot],
                        names: dict[str, str]) -> None:
    """Some projects had objections during their public notice, handled by the community (all settled:
    every demo project went on to approval)."""
    if rng.random() >= 0.12:
        return
    start = project.dates["notice"]
    for _ in range(rng.choice((1, 1, 2))):
        lower = [b for b in ballots if b.floor <= 2] or ballots
        b = rng.choice(lower)
        received = start + timedelta(days=rng.randint(1, 9))
        objection = rows.add(store, "objection", {
            "project_id": project.id, "household_id": b.household_id, "received_on": received.isoformat(),
            "from_name": names[b.household_id], "content": rng.choice(OBJECTIONS), "recorded_by": "社区"})
        rows.add(store, "objection_step", {"objection_id": objection, "meeting_id": None, "outcome": "",
                                           "on_date": (received + timedelta(days=rng.randint(2, 5))).isoformat(),
                                           "text": "社区上门了解情况，约定调解时间", "recorded_by": "社区"})
        outcome, text = rng.choice(SETTLED)
        rows.add(store, "objection_step", {"objection_id": objection, "meeting_id": None, "outcome": outcome,
                                           "on_date": min(received + timedelta(days=rng.randint(6, 12)),
                                                          project.dates["approval"]).isoformat(),
                                           "text": text, "recorded_by": "社区"})


def _targets(store: Store, rows: _Rows, rng: random.Random, table: list) -> None:
    """The district's 2023 targets (民生实事) per street with lifts: most met, some not."""
    streets = {r["name"]: r["id"] for r in rows.tables["street"]}
    for street in table:
        done = street.by_year.get(2023, 0)
        if street.total:
            rows.add(store, "street_target", {"street_id": streets[street.street], "year": 2023,
                                              "handed_over": max(1, round(done * rng.uniform(0.8, 1.3))),
                                              "started": max(1, round((street.under_construction + done * 0.4)
                                                                      * rng.uniform(0.9, 1.3)))})


def _anniversary(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _project_upkeep(store: Store, rows: _Rows, rng: random.Random, project: _Project, money: _Running) -> None:
    """A handed-over lift's upkeep up to the snapshot: its manager and maintenance company, visits
    about every fortnight over the last three months (a few lifts left unvisited for weeks), yearly
    inspections (a few overdue), insurance (the “15+2” policy for most, yearly policies for the
    rest), the odd fault, and running costs billed per household with about 5% still owing."""
    handover = project.dates["handover"]
    company = rng.choice(MAINTAINERS)
    manager = project.manager
    add = lambda table, values: rows.add(store, table, {"project_id": project.id, "recorded_by": "", **values})  # noqa: E731
    add("upkeep_party", {"role": "manager", "name": manager, "contact": "", "contract_no": "",
                         "from_date": handover.isoformat(), "to_date": ""})
    term = handover
    while term <= SNAPSHOT:  # three-year maintenance contracts, renewed with the same company
        add("upkeep_party", {"role": "maintainer", "name": company, "contact": "", "from_date": term.isoformat(),
                             "contract_no": f"WB{term:%Y%m}{rng.randrange(1000):03d}",
                             "to_date": _anniversary(term, 3).isoformat()})
        term = _anniversary(term, 3)
    day = max(handover, SNAPSHOT - timedelta(days=90)) + timedelta(days=rng.randint(0, 6))
    stop = SNAPSHOT - timedelta(days=rng.randint(25, 45)) if rng.random() < 0.06 else SNAPSHOT
    while day <= stop:
        add("upkeep_visit", {"on_date": day.isoformat(), "company": company, "findings": rng.choice(FINDINGS)})
        day += timedelta(days=rng.randint(12, 17))
    due, n = _anniversary(handover, 1), 1
    skip_last = rng.random() < 0.06
    while due <= SNAPSHOT and not (skip_last and _anniversary(handover, n + 1) > SNAPSHOT):
        on = min(due - timedelta(days=rng.randint(0, 20)), SNAPSHOT)
        add("upkeep_inspection", {"on_date": on.isoformat(), "result": "passed", "next_due": _anniversary(on, 1).isoformat(),
                                  "certificate_no": f"TSX{on:%Y}-{rng.randrange(10**5):05d}"})
        n += 1
        due = _anniversary(handover, n)
    lifelong = rng.random() < 0.7
    if lifelong:  # Gongshu's 15+2: 17 years of maintenance, repairs and accident cover from handover
        add("upkeep_insurance", {"insurer": rng.choice(INSURERS), "policy_no": f"15+2-{rng.randrange(10**6):06d}",
                                 "cover": "15+2 全生命周期（维保、维修、意外险）", "starts_on": handover.isoformat(),
                                 "ends_on": _anniversary(handover, 17).isoformat()})
    else:
        years = max(0, SNAPSHOT.year - handover.year - (1 if (SNAPSHOT.month, SNAPSHOT.day) < (handover.month, handover.day) else 0))
        start = _anniversary(handover, years)
        add("upkeep_insurance", {"insurer": rng.choice(INSURERS), "policy_no": f"DT{start:%Y}{rng.randrange(10**6):06d}",
                                 "cover": "电梯安全责任险（一年）", "starts_on": start.isoformat(),
                                 "ends_on": _anniversary(start, 1).isoformat()})
    if rng.random() < 0.2:
        on = _random_day(rng, handover, SNAPSHOT)
        cause, repair = rng.choice(FAULTS)
        add("upkeep_fault", {"on_date": on.isoformat(), "stopped_hours": rng.choice((1, 2, 4, 8, 24)),
                             "cause": cause, "repair": repair})
    for year in BILLED_YEARS:
        if handover >= date(year, 1, 1):
            continue
        costs = {"maintenance": money.plan["yearly_maintenance_fen"], "inspection": rng.choice((300_00, 400_00)),
                 "electricity": money.plan["yearly_electricity_fen"]}
        if not lifelong:
            costs["insurance"] = rng.randrange(6, 13) * 100_00
        for kind, amount in costs.items():
            add("running_cost", {"year": year, "kind": kind, "amount_fen": amount, "on_date": f"{year}-01-05",
                                 "note": ""})
        issued = date(year, 1, 15)
        table = costshare.compute_shares(money.flats, sum(costs.values()), money.scheme)
        for n, share in enumerate(s for s in table.shares if s.amount_fen > 0):
            add("running_bill", {"household_id": share.flat.id, "year": year, "amount_fen": share.amount_fen,
                                 "issued_on": issued.isoformat()})
            roll = rng.random()
            if roll < 0.035:
                continue  # still owing (with the half paid below: about 5% of bills)
            paid_on = min(issued + timedelta(days=rng.randint(3, 50)), SNAPSHOT)
            add("running_payment", {"household_id": share.flat.id, "year": year, "paid_on": paid_on.isoformat(),
                                    "amount_fen": share.amount_fen if roll > 0.05 else share.amount_fen // 2,
                                    "receipt_no": f"YX{year}{n + 1:03d}-{rng.randrange(10**4):04d}",
                                    "method": rng.choice(("银行转账", "微信", "现金")), "reason": ""})


def _households(store: Store, rows: _Rows, rng: random.Random, unit_id: str, floors: int,
                persons: list[str], names: dict[str, str], rooms: int | None = None) -> list[Ballot]:
    rooms = rooms or rng.choice((2, 2, 2, 3))
    ballots = []
    stack_areas = [rng.randrange(4500, 9500) for _ in range(rooms)]
    for floor in range(1, floors + 1):
        for r in range(rooms):
            roll = rng.random()
            occupancy = "owner" if roll < 0.82 else "rented" if roll < 0.95 else "vacant"
            household = rows.add(store, "household", {"unit_id": unit_id, "room": f"{floor}{r + 1:02d}",
                                                      "floor": floor, "area_x100": stack_areas[r],
                                                      "occupancy": occupancy})
            if persons and rng.random() < 0.03:  # someone owning a second flat nearby
                owner, owner_name = persons[rng.randrange(max(0, len(persons) - 60), len(persons))]
            else:
                owner_name = _person_name(rng)
                owner = rows.add(store, "person", {"name": owner_name, "phone": _phone(rng),
                                                   "id_ref": f"3301{rng.randrange(10, 99)}********{rng.randrange(10000):04d}"})
                persons.append((owner, owner_name))
            names[household] = owner_name
            rows.add(store, "ownership", {"household_id": household, "person_id": owner, "role": "owner",
                                          "signer": 1})
            owners = {owner}
            if rng.random() < 0.07:  # co-owner, usually a spouse
                co = rows.add(store, "person", {"name": _person_name(rng), "phone": "", "id_ref": ""})
                rows.add(store, "ownership", {"household_id": household, "person_id": co, "role": "co-owner",
                                              "signer": 0})
                owners.add(co)
            ballots.append(Ballot(household, f"{floor}{r + 1:02d}", floor, stack_areas[r], tuple(sorted(owners))))
    return ballots


INTENTION_METHODS = ("visit", "visit", "phone", "wechat", "meeting")
REASONS_AGAINST = ("担心采光和噪音", "一楼不需要电梯", "费用分摊不合理", "担心影响通行", "")
CONDITIONS = ("一楼补偿到位", "费用按楼层分摊", "电梯不遮挡窗户")


def _position(store: Store, rows: _Rows, rng: random.Random, b: Ballot, position: str, day: date,
              written: bool) -> Ballot:
    respondent = "owner" if written or rng.random() < 0.8 else rng.choice(("family", "co-owner", "tenant"))
    if written and rng.random() < 0.05:
        respondent = "proxy"
    if written:
        rows.forms += 1
    values = {"household_id": b.household_id, "position": position, "on_date": day.isoformat(),
              "method": "written" if written else rng.choice(INTENTION_METHODS), "respondent": respondent,
              "written": 1 if written else 0, "form_no": f"YJ{day:%Y%m}-{rows.forms:05d}" if written else "",
              "proxy_ref": f"WT{day:%Y}-{rng.randrange(1000):03d}" if respondent == "proxy" else "",
              "reason": rng.choice(REASONS_AGAINST) if position == "oppose" else "",
              "condition": rng.choice(CONDITIONS) if position == "conditional" else ""}
    rows.add(store, "position", values)
    return Ballot(b.household_id, b.room, b.floor, b.area_x100, b.owners, position,
                  day.isoformat(), position == "conditional")


def _leaning(rng: random.Random, b: Ballot, floors: int) -> str:
    """Upper floors want the lift; the ground floor often does not."""
    roll = rng.random()
    if b.floor == 1:
        return "oppose" if roll < 0.35 else "abstain" if roll < 0.5 else "conditional" if roll < 0.65 else "support"
    if b.floor == 2:
        return "oppose" if roll < 0.1 else "abstain" if roll < 0.2 else "support"
    return "support" if roll < 0.93 else "abstain"


def _project_positions(store: Store, rows: _Rows, rng: random.Random, ballots: list[Ballot], signed: date) -> None:
    """Projects that started were consented: signed written forms that pass the default rule."""
    rule = load_rule(DEFAULT_RULE)
    floors = max(b.floor for b in ballots)
    cast = []
    for b in ballots:
        lean = _leaning(rng, b, floors)
        if lean == "conditional":
            lean = "support"
        if rng.random() < 0.06 and b.floor > 2:
            cast.append(b)
            continue
        if rng.random() < 0.5:  # an earlier intention from a visit
            _position(store, rows, rng, b, "support" if lean != "oppose" else "oppose",
                      signed - timedelta(days=rng.randrange(30, 200)), False)
        # a day before any 支持 won over below: two forms of one day would be a conflict to check
        cast.append(_position(store, rows, rng, b, lean, signed - timedelta(days=1 + rng.randrange(0, 20)), True))
    flips = [b for b in cast if b.position != "support"]
    while not evaluate(cast, rule, visit_list=False).passed and flips:
        b = flips.pop()
        cast[cast.index(b)] = _position(store, rows, rng, b, "support", signed, True)


def _candidate_positions(store: Store, rows: _Rows, rng: random.Random, ballots: list[Ballot],
                         profile: str = "") -> None:
    """Units that meet the conditions but have not started: a realistic spread of opinion (or the
    `profile` a named unit is given)."""
    profile = profile or rng.choices(("untouched", "early", "close", "stuck", "passing"), (22, 28, 25, 15, 10))[0]
    if profile == "untouched":
        return
    day0 = date(2023, 1, 1) + timedelta(days=rng.randrange(0, 280))
    floors = max(b.floor for b in ballots)
    intentions = []
    for b in ballots:
        if profile == "early" and rng.random() < 0.55:
            continue
        lean = _leaning(rng, b, floors)
        if profile == "stuck" and b.floor <= 2 and rng.random() < 0.7:
            lean = "oppose"
        intentions.append(_position(store, rows, rng, b, lean, day0 + timedelta(days=rng.randrange(0, 40)), False))
    if profile in ("close", "passing"):
        rule = load_rule(DEFAULT_RULE)
        signed = {b.household_id: b for b in ballots}
        order = sorted((b for b in intentions if b.position == "support"), key=lambda b: -b.floor)
        signers: list[Ballot] = []
        for b in order:
            signers.append(b)
            current = [next((s for s in signers if s.household_id == h), signed[h]) for h in signed]
            if evaluate(current, rule, visit_list=False).passed:
                break
        if profile == "close":
            signers = signers[: max(0, len(signers) - rng.choice((1, 2)))]
        day = day0 + timedelta(days=rng.randrange(45, 120))
        for b in signers:
            _position(store, rows, rng, b, "support", min(day, SNAPSHOT), True)
