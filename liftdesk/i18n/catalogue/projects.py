"""The catalogue's entries for projects, stages, meetings, follow-ups and the diary."""

MESSAGES: dict[str, dict[str, str]] = {
    "project.exists": {"zh": "该单元已有加梯项目。", "en": "This unit already has a lift project."},
    "project.none": {"zh": "“{address}”还没有加梯项目。", "en": "“{address}” has no lift project yet."},
    "stage.unknown": {"zh": "阶段“{value}”不存在。", "en": "Stage “{value}” does not exist."},
    "stage.reason_needed": {
        "zh": "转到“{stage}”不是按顺序的下一步（或是暂停/终止），请填写原因。",
        "en": "Moving to “{stage}” is not the next step in order (or is a pause/stop): give a reason.",
    },
    "stage.before_last": {
        "zh": "日期 {date} 早于上一条阶段记录（{last}）。",
        "en": "The date {date} is before the last stage record ({last}).",
    },
    "stage.field_missing": {"zh": "“{stage}”阶段须填写：{field}", "en": "The stage “{stage}” needs: {field}"},
    "meeting.kind": {"zh": "会议类型“{value}”无效。", "en": "Meeting kind “{value}” is invalid."},
    "meeting.ends_before_start": {
        "zh": "会议结束时间（{end}）不能早于或等于开始时间（{start}）。",
        "en": "The meeting cannot end ({end}) before or when it starts ({start}).",
    },
    "attendee.other_project": {
        "zh": "该住户不属于本项目的单元，不能登记为参会住户。",
        "en": "That household is not in this project's unit and cannot attend as a household.",
    },
    "attendee.role": {"zh": "参会身份“{value}”无效。", "en": "Attendee role “{value}” is invalid."},
    "attendee.nobody": {"zh": "请选择住户或填写参会人姓名。", "en": "Choose a household or enter the attendee's name."},
    "followup.empty": {"zh": "待办事项内容不能为空。", "en": "The follow-up needs a text."},
    "followup.before_meeting": {
        "zh": "待办截止日期 {due} 早于会议日期 {meeting}。",
        "en": "The follow-up is due ({due}) before its meeting ({meeting}).",
    },
    "diary.empty": {"zh": "日记内容不能为空。", "en": "The diary entry needs a text."},
    "field.permit_no": {"zh": "许可证号", "en": "permit number"},
    "field.permit_date": {"zh": "发证日期", "en": "permit date"},
    "field.review": {"zh": "审查意见", "en": "review"},
    "field.amount_fen": {"zh": "补贴金额（元）", "en": "subsidy (yuan)"},
    "field.status": {"zh": "状态", "en": "status"},
    "field.credited_on": {"zh": "到账日期", "en": "credited on"},
    "field.contractor": {"zh": "施工单位", "en": "contractor"},
    "field.planned_start": {"zh": "计划开工", "en": "planned start"},
    "field.actual_start": {"zh": "实际开工", "en": "actual start"},
    "field.accepted_on": {"zh": "验收日期", "en": "accepted on"},
    "field.handover_on": {"zh": "交付日期", "en": "handover date"},
    "field.manager": {"zh": "使用管理人", "en": "lift manager"},
    "field.company": {"zh": "维保单位", "en": "maintenance company"},
    "field.insurance": {"zh": "保险（如“15+2”）", "en": "insurance (e.g. “15+2”)"},
}
