"""The catalogue's entries for places, addresses and the kinds of place."""

MESSAGES: dict[str, dict[str, str]] = {
    "name.empty": {"zh": "{what}名称不能为空。", "en": "The {what} name must not be empty."},
    "name.duplicate": {
        "zh": "{parent}下已有名为“{name}”的{what}。",
        "en": "There is already a {what} named “{name}” in {parent}.",
    },
    "name.bad_char": {
        "zh": "{what}名称“{name}”含有不允许的字符“{char}”：地址用“/”分隔各级，名称中不能有“/”、“\\”或控制字符（如换行）。",
        "en": "The {what} name “{name}” contains a character that is not allowed (“{char}”): addresses join names with “/”, so a name cannot hold “/”, “\\” or control characters (such as a line break).",
    },
    "name.restore_clash": {
        "zh": "无法恢复：同一上级下已有名为“{name}”的{what}，恢复后地址会重复。请先把现有的{what}改名，再恢复。",
        "en": "Cannot restore: there is already a {what} named “{name}” in the same place, so the address would be duplicated. Rename the existing {what} first, then restore.",
    },
    "floor.invalid": {
        "zh": "楼层“{value}”无效：应在 1 到 {floors} 之间（该楼共 {floors} 层）。",
        "en": "Floor “{value}” is invalid: it must be between 1 and {floors} (the building has {floors} floors).",
    },
    "place.outside_scope": {
        "zh": "“{address}”不在本工作站的范围“{scope}”内：区加梯办不会接收这里的记录。请只在本站范围内新建或改名，或请区里调整本站范围。未作任何修改。",
        "en": "“{address}” is outside this station's scope “{scope}”: the district would not accept its records. Create or rename places only within the scope, or ask the district to change the station's scope. Nothing was changed.",
    },
    "floor.invalid_any": {
        "zh": "楼层“{value}”无效：应为 1 到 {floors} 之间的整数。",
        "en": "Floor “{value}” is invalid: it must be a whole number from 1 to {floors}.",
    },
    "floors.invalid": {
        "zh": "楼层数“{value}”无效：应为 1 到 60 之间的整数。",
        "en": "Number of floors “{value}” is invalid: it must be a whole number from 1 to 60.",
    },
    "floors.below_households": {
        "zh": "不能把楼层数改为 {value}：已有住户在 {highest} 层。",
        "en": "Cannot set the floors to {value}: a household is on floor {highest}.",
    },
    "address.invalid": {
        "zh": "地址“{address}”格式不对：应为 街道/社区/小区/幢/单元，例如 长庆街道/王马社区/遥祥寺巷小区/6幢/1单元。",
        "en": "Address “{address}” is malformed: use street/community/estate/building/unit, e.g. 长庆街道/王马社区/遥祥寺巷小区/6幢/1单元.",
    },
    "address.not_found": {
        "zh": "找不到“{address}”（“{part}”不存在）。",
        "en": "“{address}” was not found (“{part}” does not exist).",
    },
    "parent.deleted": {
        "zh": "无法恢复：它所属的{what}已在回收站中，请先恢复上级。",
        "en": "Cannot restore: the {what} it belongs to is in the recycle bin; restore that first.",
    },
    "scope.invalid": {"zh": "统计范围“{value}”无效：应为 unit（单元）或 building（整幢）。",
                      "en": "Scope “{value}” is invalid: use unit or building."},
    "kind.district": {"zh": "区", "en": "district"},
    "kind.street": {"zh": "街道", "en": "street"},
    "kind.community": {"zh": "社区", "en": "community"},
    "kind.estate": {"zh": "小区", "en": "estate"},
    "kind.building": {"zh": "楼栋", "en": "building"},
    "kind.unit": {"zh": "单元", "en": "unit"},
    "kind.household": {"zh": "住户", "en": "household"},
    "kind.person": {"zh": "业主", "en": "owner"},
    "kind.project": {"zh": "加梯项目", "en": "lift project"},
    "kind.helper": {"zh": "帮帮团成员", "en": "helper"},
    "kind.team": {"zh": "帮帮团", "en": "helper team"},
    "kind.member": {"zh": "筹备组成员", "en": "group member"},
    "kind.meeting": {"zh": "会议", "en": "meeting"},
    "kind.attendance": {"zh": "参会记录", "en": "attendance"},
    "kind.followup": {"zh": "待办", "en": "follow-up"},
    "kind.diary_entry": {"zh": "日记", "en": "diary entry"},
    "kind.position": {"zh": "意见记录", "en": "position record"},
    "kind.stage_event": {"zh": "阶段记录", "en": "stage record"},
    "kind.group_member": {"zh": "筹备组成员", "en": "group member"},
    "kind.ownership": {"zh": "产权记录", "en": "ownership"},
    "kind.printed_document": {"zh": "打印文书", "en": "printed document"},
    "kind.retraction": {"zh": "撤回记录", "en": "retraction"},
    "household.cert_invalid": {
        "zh": "不动产权证号“{value}”无效：最多 {limit} 个字，不能含换行等控制字符。未作任何修改。",
        "en": "Property certificate number “{value}” is invalid: at most {limit} characters, no line breaks. Nothing was changed.",
    },
    "household.occupied_invalid": {
        "zh": "“占用专有部分”一栏的“{value}”无法识别：应为 是 或 否。",
        "en": "“{value}” in the occupied-flat column is not recognised: use 是 (yes) or 否 (no).",
    },
    "setting.unknown": {
        "zh": "没有名为“{name}”的本区设置：可用的有 {choices}。",
        "en": "There is no district setting “{name}”: use one of {choices}.",
    },
    "setting.text_invalid": {
        "zh": "设置“{name}”无效：最多 {limit} 个字，不能含换行等控制字符。未作任何修改。",
        "en": "Setting “{name}” is invalid: at most {limit} characters, no line breaks. Nothing was changed.",
    },
    "setting.bool_invalid": {
        "zh": "设置“{name}”的值“{value}”无效：应为 是 或 否（true/false）。",
        "en": "“{value}” is not valid for “{name}”: use true or false.",
    },
    "setting.notice_days_invalid": {
        "zh": "公示天数“{value}”无效：应为 1 到 60 之间的整数。",
        "en": "Notice period “{value}” is invalid: a whole number of days from 1 to 60.",
    },
    "setting.day_kind_invalid": {
        "zh": "公示天数的计法“{value}”无效：应为 working（工作日）或 calendar（自然日）。",
        "en": "“{value}” is not a way to count the notice period: use working or calendar.",
    },
    "setting.label.rule": {"zh": "同意比例规则", "en": "Consent rule"},
    "setting.label.scope": {"zh": "统计范围", "en": "Counting scope"},
    "setting.label.written_only": {"zh": "法定结论只计签字的书面意见", "en": "Only signed written consents count"},
    "setting.label.notice_days": {"zh": "公示天数", "en": "Notice period (days)"},
    "setting.label.notice_day_kind": {"zh": "公示天数计法（工作日/自然日）", "en": "Notice days counted as"},
    "setting.label.office_address": {"zh": "受理异议的社区办公地址", "en": "Office address for objections"},
    "setting.label.office_phone": {"zh": "受理异议的社区电话", "en": "Office phone for objections"},
    "setting.label.cost_preset": {"zh": "费用分摊方案（新方案的默认）", "en": "Cost-sharing preset (default for new plans)"},
}
