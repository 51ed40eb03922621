"""Catalogue entries of sync (merged into liftdesk.i18n.MESSAGES). Every refusal says what is
wrong and that nothing was changed."""

UNCHANGED_ZH = "数据库未作任何修改。"
UNCHANGED_EN = "Nothing was changed."

_REFUSALS = {
    "sync.not_a_file": ("这不是 LiftDesk 同步文件（.liftsync）。", "This is not a LiftDesk sync file (.liftsync)."),
    "sync.truncated": ("同步文件不完整（可能没有拷贝完），请让对方重新导出或重新拷贝。",
                       "The sync file is incomplete (perhaps not fully copied); ask for it again."),
    "sync.damaged": ("同步文件已损坏或被改动过，无法通过校验。", "The sync file is damaged or was altered; it fails its checks."),
    "sync.checksum": ("同步文件的校验和不符，文件已损坏或被改动。", "The sync file's checksums do not match; it is damaged or altered."),
    "sync.too_large": ("同步文件解压后大小超出限制，已拒绝（可能是恶意文件）。",
                       "The sync file would expand beyond the size limit and was refused (possibly malicious)."),
    "sync.newer_format": ("同步文件的格式版本为 {found}，本程序只认识到 {supported}。请先升级 LiftDesk。",
                          "The sync file has format version {found}; this LiftDesk knows up to {supported}. Upgrade first."),
    "sync.wrong_kind": ("文件类型不对：这是{kind}。工作站的数据文件用“导入”，区里的回执用“应用回执”。",
                        "Wrong kind of file: this is {kind}. Import a station's data file with import, a receipt with apply-receipt."),
    "sync.other_district": ("这个文件是发给另一个区的密钥的，本区无法打开。",
                            "This file was made for another district's key; this district cannot open it."),
    "sync.replayed": ("这个文件原本是发给另一个区的，被转发到这里，已拒绝。",
                      "This file was made for another district and forwarded here; refused."),
    "sync.other_station": ("这份回执是发给另一个工作站的，不能在本站应用。",
                           "This receipt was made for another station and cannot be applied here."),
    "sync.bad_signature": ("签名验证失败：文件不是由声明的工作站密钥签署的（未知密钥或被篡改）。",
                           "The signature does not verify: the file was not signed by the station key it names (unknown key or tampering)."),
    "sync.station_key_changed": ("工作站“{name}”（{station}）的密钥变了：已登记指纹 {pinned}，本文件为 {found}。已拒绝；如确实重装，请先撤销旧站并重新登记。",
                                 "Station “{name}” ({station}) has a different key: pinned {pinned}, this file {found}. Refused; if it was reinstalled, revoke the old station first."),
    "sync.station_revoked": ("工作站“{name}”（{station}）已被撤销，不再接受它的文件。",
                             "Station “{name}” ({station}) was revoked; its files are no longer accepted."),
    "sync.unknown_station": ("没有登记过工作站“{station}”：请先导入它的同步文件。",
                             "No station “{station}” is known: import a file from it first."),
    "sync.bad_passphrase": ("口令不对，无法打开区密钥。", "Wrong passphrase: the district key cannot be opened."),
    "sync.key_damaged": ("区密钥数据已损坏。", "The district key data is damaged."),
    "sync.bad_row": ("同步文件第 {n} 条记录格式不对。", "Row {n} of the sync file is malformed."),
    "sync.foreign_row": ("同步文件第 {n} 条记录不是由发送方写的，已拒绝整个文件。",
                         "Row {n} of the sync file was not written by its sender; the whole file is refused."),
    "sync.unknown_table": ("同步文件含有本程序不认识的数据表“{table}”（可能来自更新版本）。",
                           "The sync file has a table this LiftDesk does not know: “{table}” (perhaps from a newer version)."),
    "sync.unknown_column": ("同步文件含有本程序不认识的字段“{table}.{column}”（可能来自更新版本）。",
                            "The sync file has a field this LiftDesk does not know: “{table}.{column}” (perhaps from a newer version)."),
    "sync.missing_parent": ("同步文件中的记录引用了不存在的上级记录（{table} {id}）。",
                            "A record in the sync file refers to a parent that does not exist ({table} {id})."),
    "sync.missing_record": ("同步文件修改了一条本库没有的记录（{table} {id}）。",
                            "The sync file changes a record this database does not have ({table} {id})."),
    "sync.same_clock_differs": ("同一条记录（{table} {id}）在同一时钟下内容不同，文件不可信。",
                                "The same record ({table} {id}) has different content at the same clock; the file cannot be trusted."),
    "sync.plaintext_refused": ("回执必须加密，未加密的回执已拒绝。", "Receipts must be encrypted; an unencrypted one was refused."),
    "sync.bad_keyfile": ("区公钥文件格式不对或已损坏。", "The district public key file is malformed or damaged."),
    "sync.bad_recovery": ("恢复码不对或不完整。", "The recovery code is wrong or incomplete."),
}

SYNC_MESSAGES: dict[str, dict[str, str]] = {
    key: {"zh": zh + UNCHANGED_ZH, "en": en + " " + UNCHANGED_EN} for key, (zh, en) in _REFUSALS.items()
}
SYNC_MESSAGES.update({
    "sync.file_missing": {"zh": "找不到文件“{path}”。", "en": "File not found: “{path}”."},
    "sync.cannot_read": {"zh": "无法读取“{path}”：{reason}", "en": "Cannot read “{path}”: {reason}"},
    "sync.cannot_write": {"zh": "无法写入“{path}”：{reason}。请换一个文件夹。",
                          "en": "Cannot write “{path}”: {reason}. Choose another folder."},
    "sync.already_enrolled": {"zh": "本数据库已登记为{role}，不能重复登记。",
                              "en": "This database is already enrolled as {role}; it cannot be enrolled again."},
    "sync.passphrase_short": {"zh": "口令太短：至少 8 个字符。", "en": "The passphrase is too short: at least 8 characters."},
    "sync.passphrase_file": {"zh": "读不到口令文件“{path}”。", "en": "Cannot read the passphrase file “{path}”."},
    "sync.not_district": {"zh": "本数据库还不是区加梯办：请先运行 district-init。",
                          "en": "This database is not the district office yet: run district-init first."},
    "sync.not_station": {"zh": "本数据库还不是工作站：请先运行 station-init。",
                         "en": "This database is not a station yet: run station-init first."},
    "sync.nothing_held": {"zh": "工作站“{station}”没有待审的记录。", "en": "Station “{station}” has no rows held for review."},
    "sync.released": {"zh": "已采纳待审记录：{counts}", "en": "Held rows applied: {counts}"},
    "sync.no_conflict": {"zh": "没有编号为“{id}”的未解决冲突。", "en": "There is no open conflict “{id}”."},
    "sync.bad_value": {"zh": "“{value}”不是字段 {field} 的有效值。", "en": "“{value}” is not a valid value for {field}."},
    "sync.preview": {"zh": "新增 {new}，更新 {updated}，冲突 {conflicts}，待审 {held}，拒绝 {rejected}",
                     "en": "new {new}, updated {updated}, conflicts {conflicts}, held {held}, rejected {rejected}"},
    "sync.gap": {"zh": "缺少第 {n} 号文件", "en": "File no. {n} is missing"},
    "sync.new_station_preview": {"zh": "首次收到工作站“{name}”（{station}）的文件，导入时将登记其密钥指纹：{fingerprint}",
                                 "en": "First file from station “{name}” ({station}); importing it will pin its key fingerprint: {fingerprint}"},
    "sync.receipt_settled": {"zh": "另有 {n} 个冲突已在区里解决，本站无需处理。",
                             "en": "{n} more conflict(s) were already settled at the district; nothing to do here."},
    "sync.held_insert": {"zh": "新增{table}“{what}”", "en": "new {table} “{what}”"},
    "sync.held_delete": {"zh": "删除{table}“{what}”", "en": "delete {table} “{what}”"},
    "sync.held_update": {"zh": "{table}“{what}”的{field}：{old} → {new}", "en": "{table} “{what}”, {field}: {old} → {new}"},
    "sync.scope_unknown": {"zh": "范围“{scope}”在本库中找不到：请按“街道/社区”填写本库已有的地名。未作任何修改。",
                           "en": "Scope “{scope}” names no place in this database: write it as street/community with existing names. Nothing was changed."},
    "sync.scope_later": {"zh": "本库还没有地名，范围“{scope}”将在区加梯办导入第一个文件时核对。",
                         "en": "This database has no places yet; the scope “{scope}” will be checked when the district imports the first file."},
    "sync.scope_matches_nothing": {"zh": "注意：工作站“{name}”的范围“{scope}”在本区找不到对应的地名，它在此范围外的记录都将待审。请核对后再导入，或导入后审核待审记录。",
                                   "en": "Note: the scope “{scope}” of station “{name}” names no place in this district; its rows outside it will be held for review. Check it before importing, or review the held rows afterwards."},
    "sync.kind_bundle": {"zh": "工作站的数据文件", "en": "a station's data file"},
    "sync.kind_receipt": {"zh": "区里的回执", "en": "a receipt from the district"},
    "sync.kind_other": {"zh": "未知类型的文件", "en": "a file of unknown kind"},
    "sync.new_station": {"zh": "首次收到工作站“{name}”（{station}）的文件，登记其密钥指纹：{fingerprint}",
                         "en": "First file from station “{name}” ({station}); pinning its key fingerprint: {fingerprint}"},
    "sync.from_station": {"zh": "来自工作站“{name}”（{station}），第 {file_no} 号文件，指纹 {fingerprint}",
                          "en": "From station “{name}” ({station}), file no. {file_no}, fingerprint {fingerprint}"},
    "sync.plaintext_warning": {"zh": "警告：未加密导出，任何拿到文件的人都能读到其中数据，仅供调试使用。",
                               "en": "Warning: exported without encryption; anyone holding the file can read it. For debugging only."},
    "sync.plaintext_received": {"zh": "注意：这个文件没有加密（调试用导出）。", "en": "Note: this file is not encrypted (a debugging export)."},
    "sync.dry_run": {"zh": "（预览，未写入）", "en": "(preview, nothing written)"},
    "sync.exported": {"zh": "已导出第 {file_no} 号同步文件：{path}（{changes} 条变更，{size} 字节）",
                      "en": "Exported sync file no. {file_no}: {path} ({changes} changes, {size} bytes)"},
    "sync.district_ready": {"zh": "区密钥已生成。公钥文件：{keyfile}，恢复单：{sheet}（请打印后锁好），密钥指纹 {fingerprint}",
                            "en": "District key created. Public key file: {keyfile}, recovery sheet: {sheet} (print it and lock it away), fingerprint {fingerprint}"},
    "sync.station_ready": {"zh": "工作站“{name}”已登记，编号 {station}，密钥指纹 {fingerprint}。请导出第一个文件交给区加梯办。",
                           "en": "Station “{name}” enrolled, id {station}, key fingerprint {fingerprint}. Export a first file for the district office."},
    "sync.receipt_written": {"zh": "已写回执：{path}（确认到第 {ack} 条，附带 {changes} 条区级数据）",
                             "en": "Receipt written: {path} (acknowledges up to {ack}, carries {changes} district changes)"},
    "sync.receipt_applied": {"zh": "回执已应用：区里已收到到第 {ack} 条；新增 {new}，更新 {updated}，冲突 {conflicts}",
                             "en": "Receipt applied: the district has everything up to {ack}; new {new}, updated {updated}, conflicts {conflicts}"},
    "sync.resolved": {"zh": "冲突 {id} 已解决，保留值：{value}", "en": "Conflict {id} resolved; kept: {value}"},
    "sync.revoked": {"zh": "工作站 {station} 已撤销。", "en": "Station {station} revoked."},
})

# What a file held, as people read it (history of files).
LABELS = {
    "new": ("新增", "new"), "updated": ("更新", "updated"), "conflicts": ("冲突", "conflicts"),
    "held": ("待审", "held"), "rejected": ("拒绝", "rejected"),
    "district": ("区", "district"), "street": ("街道", "streets"), "community": ("社区", "communities"),
    "estate": ("小区", "estates"), "building": ("楼栋", "buildings"), "unit": ("单元", "units"),
    "household": ("住户", "households"), "person": ("业主", "people"), "ownership": ("产权", "ownerships"),
    "project": ("项目", "projects"), "stage_event": ("阶段", "stage events"), "team": ("帮帮团", "teams"),
    "helper": ("成员", "helpers"), "position": ("意见", "positions"), "group_member": ("筹备组", "group members"),
    "meeting": ("会议", "meetings"), "attendance": ("签到", "attendance"), "followup": ("待办", "follow-ups"),
    "diary_entry": ("日记", "diary entries"), "printed_document": ("文书", "printed documents"),
    "payment": ("缴款", "payments"), "retraction": ("撤回", "retractions"),
}


def counts_text(counts: dict) -> str:
    from liftdesk.i18n import language
    en = language() == "en"
    parts = []
    for key, n in counts.items():
        if n:
            zh_label, en_label = LABELS.get(key, (key, key))
            parts.append(f"{en_label} {n}" if en else f"{zh_label} {n}")
    return ", ".join(parts) if en else "，".join(parts)
