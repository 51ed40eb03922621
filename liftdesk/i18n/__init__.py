"""The core's message catalogue: every user-facing string of the CLI and of core errors.

Chinese first; English where the user chose it. The GUI uses Qt's tr() for its own text and
shows core errors through this catalogue, so one error reads the same in both faces.
"""

from __future__ import annotations

_lang = "zh"

MESSAGES: dict[str, dict[str, str]] = {
    # store
    "db.not_sqlite": {
        "zh": "“{path}”不是 LiftDesk 数据库：文件已损坏或不是 SQLite 文件。文件未被修改。",
        "en": "“{path}” is not a LiftDesk database: the file is corrupt or not SQLite. It was not modified.",
    },
    "db.foreign": {
        "zh": "“{path}”是 SQLite 文件，但不是 LiftDesk 数据库。文件未被修改。",
        "en": "“{path}” is a SQLite file but not a LiftDesk database. It was not modified.",
    },
    "db.newer": {
        "zh": "“{path}”由更新版本的 LiftDesk 写入（含本版本不认识的升级：{names}）。请升级 LiftDesk 后再打开。文件未被修改。",
        "en": "“{path}” was written by a newer LiftDesk (unknown migrations: {names}). Upgrade LiftDesk to open it. It was not modified.",
    },
    "db.locked": {
        "zh": "数据库“{path}”正被其他程序占用，请稍后再试。",
        "en": "The database “{path}” is locked by another program. Try again later.",
    },
    "db.cannot_open": {
        "zh": "无法打开数据库“{path}”：{reason}",
        "en": "Cannot open the database “{path}”: {reason}",
    },
    "db.busy": {
        "zh": "数据库正被另一程序使用，请稍后再试。",
        "en": "The database is in use by another program. Please try again later.",
    },
    "db.damaged": {
        "zh": "数据库“{path}”已损坏（完整性检查未通过），已拒绝打开。文件未被修改。{hint}",
        "en": "The database “{path}” is damaged (integrity check failed) and was not opened. It was not modified.{hint}",
    },
    "db.damaged.backup": {
        "zh": "最新的完好备份：{backup}（{when}）。可用“main.py --db {path} restore {backup}”恢复。",
        "en": " The newest good backup: {backup} ({when}). Restore it with “main.py --db {path} restore {backup}”.",
    },
    "db.damaged.no_backup": {"zh": "没有找到可用的备份。", "en": " No good backup was found."},
    "db.missing": {
        "zh": "数据库“{path}”不存在。请检查路径；要新建数据库，请用“init”或“demo”命令。",
        "en": "The database “{path}” does not exist. Check the path; to create a new database use the “init” or “demo” command.",
    },
    "db.empty_file": {
        "zh": "“{path}”是一个空文件（0 字节），不是数据库。不会把它当作新数据库；确要在此新建，请用“init”命令。文件未被修改。",
        "en": "“{path}” is an empty file (0 bytes), not a database. It is not turned into a new one; use “init” to create one. It was not modified.",
    },
    "db.is_dir": {
        "zh": "“{path}”是一个文件夹，不是数据库文件。请给出数据库文件的路径。",
        "en": "“{path}” is a folder, not a database file. Give the path of a database file.",
    },
    "db.exists": {
        "zh": "“{path}”已存在，不会覆盖。",
        "en": "“{path}” already exists; it is not overwritten.",
    },
    "db.no_folder": {
        "zh": "数据库所在的文件夹“{folder}”不存在。",
        "en": "The folder “{folder}” for the database does not exist.",
    },
    "db.unreadable": {
        "zh": "没有读取“{path}”的权限。",
        "en": "No permission to read “{path}”.",
    },
    "db.readonly_file": {
        "zh": "数据库“{path}”是只读文件，无法写入。请检查文件权限，或换一个位置。",
        "en": "The database “{path}” is a read-only file and cannot be written. Check its permissions or use another place.",
    },
    "db.readonly_dir": {
        "zh": "数据库所在的文件夹“{folder}”不可写（SQLite 需要在旁边写日志文件）。请检查文件夹权限，或换一个位置。",
        "en": "The folder “{folder}” of the database is not writable (SQLite writes its journal beside it). Check its permissions or use another place.",
    },
    "db.readonly_store": {
        "zh": "此数据库以只读方式打开，不能修改。",
        "en": "This database was opened read-only and cannot be changed.",
    },
    "db.created": {"zh": "已新建数据库：{path}", "en": "Created a new database: {path}"},
    "backup.source_damaged": {
        "zh": "数据库“{path}”未通过完整性检查，不能用它做备份。",
        "en": "The database “{path}” failed its integrity check; no backup is made from it.",
    },
    "backup.cannot_write": {"zh": "无法写入备份“{path}”：{reason}", "en": "Cannot write the backup “{path}”: {reason}"},
    "backup.missing": {"zh": "找不到备份文件“{path}”。", "en": "The backup file “{path}” was not found."},
    "backup.bad": {
        "zh": "“{path}”不是完好的 LiftDesk 数据库（已损坏或不是本程序的文件），不能用来恢复。当前数据库未被修改。",
        "en": "“{path}” is not a sound LiftDesk database (damaged or not ours); it cannot be restored. The current database was not changed.",
    },
    "backup.same_file": {
        "zh": "“{path}”就是当前数据库本身，不能用它恢复自己。",
        "en": "“{path}” is the current database itself; it cannot restore itself.",
    },
    "backup.done": {"zh": "已备份到：{path}", "en": "Backed up to: {path}"},
    "backup.exists": {"zh": "“{path}”已存在，不会覆盖。", "en": "“{path}” already exists; it is not overwritten."},
    "restore.done": {
        "zh": "已从“{backup}”恢复。恢复前的数据库已保存为：{kept}",
        "en": "Restored from “{backup}”. The database as it was is kept as: {kept}",
    },
    "restore.preview": {
        "zh": "备份时间 {taken_at}，最近修改 {newest_change}，共 {households} 户、{units} 个单元、{projects} 个加梯项目、{changes} 条修改记录。",
        "en": "Taken {taken_at}, newest change {newest_change}: {households} households, {units} units, {projects} lift projects, {changes} logged changes.",
    },
    "record.not_found": {"zh": "找不到该记录（{table} {id}）。", "en": "Record not found ({table} {id})."},
    "record.no_field": {"zh": "字段“{field}”不能修改。", "en": "The field “{field}” cannot be changed."},
    # registry validation
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
    "document.outside_folder": {
        "zh": "文件名“{name}”会写到所选文件夹之外，已拒绝。",
        "en": "The file name “{name}” would be written outside the chosen folder; refused.",
    },
    "area.invalid": {
        "zh": "面积“{value}”无效：应为大于 0 的数字，最多两位小数（单位 m²）。",
        "en": "Area “{value}” is invalid: it must be a number above 0 with at most two decimals (m²).",
    },
    "area.too_large": {
        "zh": "面积 {value} m² 过大，请核对（一户通常不超过 1000 m²）。",
        "en": "Area {value} m² is too large; please check (a household is rarely over 1000 m²).",
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
    "rooms.invalid": {
        "zh": "每层户数“{value}”无效：应为 1 到 20 之间的整数。",
        "en": "Rooms per floor “{value}” is invalid: it must be a whole number from 1 to 20.",
    },
    "room.empty": {"zh": "房号不能为空。", "en": "The room number must not be empty."},
    "room.duplicate": {
        "zh": "本单元已有房号“{room}”。",
        "en": "This unit already has a room “{room}”.",
    },
    "occupancy.invalid": {
        "zh": "居住情况“{value}”无效：应为 自住、出租 或 空置。",
        "en": "Occupancy “{value}” is invalid: it must be 自住 (owner-occupied), 出租 (rented) or 空置 (vacant).",
    },
    "phone.invalid": {
        "zh": "电话“{value}”无效：应为 11 位手机号（如 13812345678）或固定电话（如 0571-87654321）。",
        "en": "Phone “{value}” is invalid: use an 11-digit mobile number (e.g. 13812345678) or a fixed line (e.g. 0571-87654321).",
    },
    "room.floor_mismatch": {
        "zh": "房号“{room}”通常在 {named} 层，但填写的是 {floor} 层。确定这样保存吗？",
        "en": "Room “{room}” is usually on floor {named}, but floor {floor} was entered. Save it like this?",
    },
    "room.floor_beyond": {
        "zh": "房号“{room}”通常在 {named} 层，但本楼只有 {floors} 层，填写的是 {floor} 层。确定这样保存吗？",
        "en": "Room “{room}” is usually on floor {named}, but the building has only {floors} floors and floor {floor} was entered. Save it like this?",
    },
    "person.name_too_long": {
        "zh": "姓名过长（{length} 个字，最多 {limit} 个）。",
        "en": "The name is too long ({length} characters, at most {limit}).",
    },
    "owner.missing": {"zh": "请先填写业主姓名，再填电话。", "en": "Enter the owner's name before the phone."},
    "purge.already": {"zh": "此人的个人信息已经清除。", "en": "This person's personal data has already been erased."},
    "purge.no_owner": {"zh": "这一户没有业主，没有可清除的个人信息。",
                       "en": "This household has no owner: there is no personal data to erase."},
    "purge.done": {"zh": "已清除 {persons} 人的个人信息（改写变更记录 {rows} 条）。",
                   "en": "Erased the personal data of {persons} person(s) ({rows} change-log rows rewritten)."},
    "account.bad_login": {"zh": "用户名或密码不对。", "en": "Wrong user name or password."},
    "account.exists": {"zh": "已有名为“{name}”的登录。", "en": "A login named \"{name}\" already exists."},
    "account.short_password": {"zh": "密码至少 {n} 个字符。", "en": "The password needs at least {n} characters."},
    "account.bad_name": {"zh": "登录名不能为空，也不能超过 32 个字。", "en": "A login name must be 1 to 32 characters."},
    "account.last": {"zh": "站点锁已开启，至少要保留一个登录。", "en": "The station lock is on: keep at least one login."},
    "account.bad_idle": {"zh": "自动锁定的分钟数应在 1 到 240 之间。", "en": "Auto-lock minutes must be between 1 and 240."},
    "account.none": {"zh": "先添加一个登录，才能开启站点锁。", "en": "Add a login before turning the station lock on."},
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
    # positions
    "position.invalid": {
        "zh": "意见“{value}”无法识别：应为 支持、反对、弃权、未表态 或 有条件支持。",
        "en": "Position “{value}” is not recognised: use 支持, 反对, 弃权, 未表态 or 有条件支持.",
    },
    "position.outside_unit": {
        "zh": "该住户不属于当前单元，不能在这里记录意见。",
        "en": "That household is not in this unit; its position cannot be recorded here.",
    },
    "method.invalid": {"zh": "了解方式“{value}”无效。", "en": "Method “{value}” is invalid."},
    "respondent.invalid": {"zh": "答复人“{value}”无效。", "en": "Respondent “{value}” is invalid."},
    "proxy.ref_missing": {
        "zh": "受托人代为表决须填写授权委托书编号。",
        "en": "A proxy's vote needs the reference of the power of attorney (授权委托书).",
    },
    "written.not_a_vote": {
        "zh": "书面同意只能由业主、共有人或持授权委托书的受托人签署；家属或租户的意见只作为意向记录。",
        "en": "A written consent can only be signed by an owner, co-owner or proxy; a family member's or tenant's word is an intention.",
    },
    "condition.missing": {
        "zh": "有条件支持须写明条件（例如“一楼补偿到位”）。",
        "en": "A conditional support needs its condition (e.g. “ground floor compensated”).",
    },
    "date.invalid": {"zh": "日期“{value}”无效，应为 年-月-日，例如 2024-05-01。", "en": "Date “{value}” is invalid: use YYYY-MM-DD."},
    "date.future": {"zh": "日期 {value} 在今天之后，不能记录未来的事。", "en": "Date {value} is in the future."},
    "position.written_form": {"zh": "书面同意书 {form}", "en": "written form {form}"},
    "rule.unknown": {
        "zh": "规则“{value}”不存在，可选：{choices}。",
        "en": "Rule “{value}” does not exist; choose one of: {choices}.",
    },
    "rule.malformed": {"zh": "规则文件“{path}”格式错误：{reason}", "en": "Rule file “{path}” is malformed: {reason}"},
    "consent.shortfall": {"zh": "还差 {n} 位业主签字同意（{who}），共 {area} m²",
                          "en": "{n} more owners must sign their agreement ({who}), {area} m² in all"},
    "consent.shortfall_vote": {"zh": "还差 {n} 位业主参与表决（任意意见）：{who}，共 {area} m²",
                               "en": "{n} more owners must vote (any opinion): {who}, {area} m² in all"},
    "consent.and_more": {"zh": " 等", "en": " and more"},
    "consent.passed": {"zh": "已达到同意比例", "en": "The consent threshold is met"},
    "consent.impossible": {
        "zh": "即使所有住户都同意也无法达标（请检查业主和面积信息）",
        "en": "Cannot pass even if every household agrees (check owners and areas)",
    },
    "consent.empty": {"zh": "本单元还没有住户：先导入名册或按楼层批量生成",
                      "en": "No households yet: import a roster or generate them floor by floor first"},
    "consent.conflict": {"zh": "{who}：{detail}，需核实", "en": "{who}: {detail}, to be checked"},
    "consent.persons": {"zh": "{n} 人", "en": "{n} owners"},
    "consent.criterion_words": {"zh": "{name} {num} / {den}，需达 {threshold}（{needed}）",
                                "en": "{name} {num} / {den}, needs {threshold} ({needed})"},
    "consent.criterion_nobody": {"zh": "{name}：尚无人参与表决", "en": "{name}: nobody has voted yet"},
    "consent.criterion_met": {"zh": "，已达到", "en": ", met"},
    "consent.criterion_short": {"zh": "，还差 {short}", "en": ", {short} short"},
    "consent.depends_on_conditional": {"zh": "结果取决于有条件支持的意见：不计这些意见结论会改变",
                                       "en": "The result depends on conditional support: without it the verdict changes"},
    "consent.non_owner_word": {"zh": "按租户/家属所说计入预测（无业主意见）：{rooms}",
                               "en": "Counted in the forecast from a tenant's or family member's word (no owner's): {rooms}"},
    "visit_list.none": {"zh": "“{address}”下没有差 1–2 户的单元，无需打印走访清单。",
                        "en": "No unit under “{address}” is 1–2 owners short: there is no visit list to print."},
    "position.conflict": {"zh": "意见矛盾", "en": "conflicting forms"},
    "visit.said": {"zh": "（口头{position}）", "en": " (said: {position})"},
    "visit.said_by_other": {"zh": "（租户/家属说{position}）", "en": " (a tenant or family member said: {position})"},
    "visit.reason.hearsay": {"zh": "租户/家属表示{position}，业主尚未表态",
                             "en": "A tenant or family member said “{position}”; no word from the owner yet"},
    "visit.reason.forced": {"zh": "已签反对；本规则要求无人反对", "en": "Signed against; this rule requires no opposition"},
    "visit.reason.vote": {"zh": "签署任意意见即可补足参与表决", "en": "Any signed opinion makes up the participation"},
    "visit.reason.said_yes": {"zh": "已口头支持，尚未签字", "en": "Said yes, has not signed"},
    "visit.reason.undecided": {"zh": "尚未表态", "en": "Undecided"},
    "visit.reason.said_other": {"zh": "口头表示{position}，尚未签字", "en": "Said “{position}”, has not signed"},
    "visit.reason.partial": {"zh": "已签 {rooms} 支持，其余房屋尚未签字",
                             "en": "Signed support for {rooms}; the other flats are not signed"},
    "visit.reason.abstain": {"zh": "已签弃权，争取改为支持", "en": "Signed abstain; ask for support"},
    "visit.reason.conditional": {"zh": "有条件支持，落实条件后签字支持",
                                 "en": "Conditional support; sign once the condition is met"},
    "visit.reason.conflict": {"zh": "书面意见矛盾（{detail}），需核实", "en": "Conflicting forms ({detail}); to be checked"},
    "visit.reason.oppose": {"zh": "已签反对，争取改为支持", "en": "Signed against; ask for support"},
    "consent.opposition": {"zh": "有 {n} 户反对，本规则要求无人反对", "en": "{n} households oppose; this rule requires no opposition"},
    # roster import
    "import.encoding": {
        "zh": "无法识别“{path}”的文字编码（既不是 UTF-8 也不是 GBK/GB18030）。请在 Excel 中另存为“CSV UTF-8”或 .xlsx。",
        "en": "Cannot detect the text encoding of “{path}” (neither UTF-8 nor GBK/GB18030). Save it as “CSV UTF-8” or .xlsx.",
    },
    "import.unreadable": {"zh": "无法读取“{path}”：{reason}", "en": "Cannot read “{path}”: {reason}"},
    "import.missing": {"zh": "找不到文件“{path}”，请检查文件名和文件夹。", "en": "The file “{path}” does not exist; check its name and folder."},
    "import.is_folder": {"zh": "“{path}”是文件夹，请选择名册文件（.xlsx 或 .csv）。", "en": "“{path}” is a folder; choose a roster file (.xlsx or .csv)."},
    "import.no_permission": {"zh": "没有权限读取“{path}”。", "en": "No permission to read “{path}”."},
    "import.not_table": {
        "zh": "“{path}”不是可导入的表格：请使用 .xlsx 或 .csv 文件。",
        "en": "“{path}” is not an importable table: use an .xlsx or .csv file.",
    },
    "import.empty": {"zh": "“{path}”中没有数据行。", "en": "“{path}” has no data rows."},
    "import.missing_column": {
        "zh": "缺少必需的列：{columns}。文件的表头是：{header}。请在列对应中指定。",
        "en": "Required columns missing: {columns}. The file's header is: {header}. Map them in the column mapping.",
    },
    "import.duplicate_room": {
        "zh": "房号“{room}”与第 {line} 行重复",
        "en": "room “{room}” repeats row {line}",
    },
    "import.written_invalid": {"zh": "“书面”一栏应填 是 或 否，而不是“{value}”", "en": "“书面” must be 是 or 否, not “{value}”"},
    "import.written_without_position": {
        "zh": "标记为书面，但没有填写意见",
        "en": "marked written but no position given",
    },
    "import.written_without_owner": {"zh": "书面意见须有业主姓名", "en": "a written position needs the owner's name"},
    "import.has_bad_rows": {
        "zh": "有 {bad} 行有错误，未导入任何数据。请改正后重试，或选择“只导入正确的行”（命令行加 --skip-bad）。",
        "en": "{bad} rows have errors; nothing was imported. Fix them, or choose to import only the good rows (--skip-bad on the command line).",
    },
    "import.summary": {"zh": "可导入 {good} 行，错误 {bad} 行。", "en": "{good} rows can be imported, {bad} have errors."},
    "import.bad_row": {"zh": "第 {line} 行：{reason}", "en": "Row {line}: {reason}"},
    "import.reason": {"zh": "名册导入（{file}）", "en": "roster import ({file})"},
    "import.condition_unspecified": {"zh": "名册未注明条件", "en": "condition not stated in the roster"},
    "import.done": {
        "zh": "已导入到 {address}：新增 {created} 户，更新 {updated} 户，记录意见 {positions} 条。",
        "en": "Imported into {address}: {created} households added, {updated} updated, {positions} positions recorded.",
    },
    "import.too_many_phones": {
        "zh": "电话比业主多（{phones} 个电话，{owners} 位业主）",
        "en": "more phones than owners ({phones} phones, {owners} owners)",
    },
    "import.too_many_ids": {
        "zh": "证件号比业主多（{ids} 个证件号，{owners} 位业主）",
        "en": "more ID numbers than owners ({ids} ID numbers, {owners} owners)",
    },
    "import.lookalike": {
        "zh": "同名业主“{name}”出现在 {rooms}，没有相同的电话或证件号可证明是同一人：按 {n} 人计。如确是同一人，可选择合并。",
        "en": "Owners named “{name}” in {rooms} have no shared phone or ID number to prove they are one person: counted as {n} people. Merge them if they are.",
    },
    "import.merge_unknown": {
        "zh": "名册中没有可合并的同名业主“{name}”。",
        "en": "The roster has no look-alike owners named “{name}” to merge.",
    },
    "import.merged": {"zh": "已合并同名业主 {n} 人。", "en": "{n} look-alike owners merged."},
    "import.csv_quote": {
        "zh": "“{path}”第 {line} 行有一个没有配对的引号，后面的行会被并进同一格。请在 Excel 中检查这一行，再另存为 CSV。未导入任何数据。",
        "en": "Row {line} of “{path}” has an unmatched quote that would swallow the rows after it. Check that row in Excel and save as CSV again. Nothing was imported.",
    },
    "import.cell_too_long": {
        "zh": "“{column}”列内容过长（{length} 字，最多 {limit} 字）",
        "en": "column “{column}” is too long ({length} characters, at most {limit})",
    },
    "import.date_invalid": {"zh": "日期“{value}”无法识别：请写成 2024-03-15 这样的日期。",
                            "en": "the date “{value}” is not recognised: write it like 2024-03-15."},
    "import.header_at": {"zh": "表头在第 {line} 行。", "en": "The header is on row {line}."},
    "import.skipped_row": {"zh": "跳过第 {line} 行（{kind}）：{text}", "en": "Skipped row {line} ({kind}): {text}"},
    "import.result": {
        "zh": "已导入 {households} 户：新增 {created}、更新 {updated}",
        "en": "Imported {households} households: {created} new, {updated} updated",
    },
    "import.result_unchanged": {"zh": "、未变 {n}", "en": ", {n} unchanged"},
    "import.result_skipped": {"zh": "、跳过 {n} 行（{kinds}）", "en": ", {n} rows skipped ({kinds})"},
    "import.kind_bad": {"zh": "错误行", "en": "bad rows"},
    "persons.no_lookalikes": {"zh": "没有同名待核实的业主。", "en": "No look-alike owners to check."},
    "persons.lookalike": {
        "zh": "{name}：{places}（现按 {n} 人计；如为同一人：merge-owners 地址 --name {name}）",
        "en": "{name}: {places} (counted as {n} people; if one person: merge-owners ADDRESS --name {name})",
    },
    "import.dry_run": {"zh": "试运行：未写入任何数据。", "en": "Dry run: nothing was written."},
    "cli.consent.legal": {"zh": "法定：只计签字的书面意见", "en": "legal: signed written votes only"},
    "cli.consent.forecast": {"zh": "预测：计入口头意向", "en": "forecast: intentions included"},
    "cli.consent.visit": {"zh": "建议走访", "en": "visit next"},
    "criterion.participation_area": {"zh": "参与表决面积", "en": "Participating area"},
    "criterion.participation_owners": {"zh": "参与表决人数", "en": "Participating owners"},
    "criterion.agreement_area": {"zh": "同意面积（占参与）", "en": "Agreeing area (of participating)"},
    "criterion.agreement_owners": {"zh": "同意人数（占参与）", "en": "Agreeing owners (of participating)"},
    "criterion.agreement_area_total": {"zh": "同意面积（占全部）", "en": "Agreeing area (of all)"},
    "criterion.agreement_owners_total": {"zh": "同意人数（占全部）", "en": "Agreeing owners (of all)"},
    "criterion.no_opposition": {"zh": "无人反对", "en": "No opposition"},
    # projects, stages, meetings, diary
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
    "money.invalid": {"zh": "金额“{value}”无效，应为整数（分）。", "en": "Amount “{value}” is invalid: a whole number of fen."},
    "money.negative": {"zh": "金额不能为负数：{value}", "en": "The amount cannot be negative: {value}"},
    "datetime.invalid": {
        "zh": "时间“{value}”无效，应为 年-月-日 时:分，例如 2024-05-01 19:30。",
        "en": "Time “{value}” is invalid: use YYYY-MM-DD HH:MM.",
    },
    "period.reversed": {"zh": "结束日期 {end} 早于开始日期 {start}。", "en": "The end {end} is before the start {start}."},
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
    "team.duplicate": {"zh": "已有名为“{name}”的帮帮团。", "en": "There is already a helper team named “{name}”."},
    "helper.role": {"zh": "成员身份“{value}”无效。", "en": "Helper role “{value}” is invalid."},
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
    # documents
    "document.missing_glyph": {
        "zh": "{where}：字库缺字 {chars}，无法打印。请改用常用字或打印后手写补上。",
        "en": "{where}: no bundled font has {chars}; cannot print. Use a common character or write it in by hand.",
    },
    "document.no_output": {"zh": "请用 -o 指定输出文件或文件夹（批量时也可用 --combined）。",
                           "en": "Give the output file or folder with -o (or --combined for a batch)."},
    "document.glyph_short": {"zh": "字库缺字“{chars}”", "en": "no font has “{chars}”"},
    "document.batch_failed": {"zh": "{n} 份未生成：{items}", "en": " {n} not made: {items}"},
    "document.layout": {
        "zh": "“{title}”无法排版（{reason}），请缩短过长的内容。",
        "en": "Cannot lay out “{title}” ({reason}); shorten the overlong text.",
    },
    "document.unwritable": {"zh": "无法写入“{path}”：{reason}", "en": "Cannot write “{path}”: {reason}"},
    "document.no_households": {"zh": "“{address}”没有住户，无法生成{document}。", "en": "“{address}” has no households; cannot make the {document}."},
    "document.no_attendees": {"zh": "该会议没有登记参会人，无法生成会议纪要。", "en": "The meeting has no attendees recorded; cannot make its minutes."},
    "document.kind": {"zh": "文书类型“{value}”不存在，可选：{choices}。", "en": "Document kind “{value}” does not exist; choose: {choices}."},
    "document.target": {
        "zh": "“{target}”既不是地址也不是会议编号。",
        "en": "“{target}” is neither an address nor a meeting id.",
    },
    "document.needs_meeting": {"zh": "{document}需要会议编号。", "en": "The {document} needs a meeting id."},
    "document.needs_unit": {"zh": "{document}需要单元地址。", "en": "The {document} needs a unit address."},
    "document.saved": {"zh": "已生成 {path}（{pages} 页，编号 {serial}）", "en": "Wrote {path} ({pages} pages, serial {serial})"},
    "document.batch": {
        "zh": "已生成 {done} 份，跳过 {skipped} 份（无住户），共 {pages} 页，用时 {seconds:.1f} 秒。",
        "en": "Wrote {done} documents, skipped {skipped} (no households), {pages} pages in {seconds:.1f} s.",
    },
    "receipt.unknown_serial": {"zh": "找不到编号为“{serial}”的打印文书。", "en": "No printed document has the serial “{serial}”."},
    "receipt.not_returnable": {
        "zh": "编号 {serial} 的文书不是需要业主签字交回的表格。",
        "en": "The document {serial} is not a form residents sign and return.",
    },
    "receipt.nothing": {"zh": "没有录入任何选择。", "en": "No choice was entered."},
    "report.by": {"zh": "统计口径“{value}”无效：应为 handover（交付年份）或 start（开工年份）。",
                  "en": "“{value}” is not a valid basis: use handover or start."},
    "report.format": {"zh": "不支持的输出格式“{value}”：应为 .xlsx、.csv 或 .pdf。",
                      "en": "Unsupported output “{value}”: use .xlsx, .csv or .pdf."},
    "report.saved": {"zh": "已导出 {path}", "en": "Wrote {path}"},
    "scope.invalid": {"zh": "统计范围“{value}”无效：应为 unit（单元）或 building（整幢）。",
                      "en": "Scope “{value}” is invalid: use unit or building."},
    "undo.nothing": {"zh": "没有可撤销的修改。", "en": "Nothing to undo."},
    "undo.done": {"zh": "已撤销：{what}", "en": "Undone: {what}"},
    "redo.nothing": {"zh": "没有可重做的操作。", "en": "Nothing to redo."},
    "redo.done": {"zh": "已重做：{what}", "en": "Redone: {what}"},
    "undo.blocked": {
        "zh": "无法撤销“{what}”：{reason}。之后的修改依赖它，未做任何改动。",
        "en": "Cannot undo “{what}”: {reason}. A later change depends on it; nothing was changed.",
    },
    "redo.blocked": {
        "zh": "无法重做“{what}”：{reason}。未做任何改动。",
        "en": "Cannot redo “{what}”: {reason}. Nothing was changed.",
    },
    "undo.changed_later": {"zh": "之后{record} 的{field}又被修改过", "en": "the {field} of {record} was changed later"},
    "undo.gone_later": {"zh": "之后{record}已被删除或撤回", "en": "{record} was deleted or withdrawn later"},
    "undo.revived_later": {"zh": "之后{record}已被恢复或重新录入", "en": "{record} was restored later"},
    "undo.name_taken": {"zh": "同一上级下已有名为“{name}”的地点", "en": "a sibling place is already named “{name}”"},
    "undo.integrity": {"zh": "数据库拒绝了这一步（{reason}）", "en": "the database refused the step ({reason})"},
    "undo.elsewhere": {"zh": "{what}（{place}）", "en": "{what} ({place})"},
    "undo.record.household": {"zh": "住户 {room}", "en": "household {room}"},
    "undo.record.named": {"zh": "{kind}“{name}”", "en": "{kind} “{name}”"},
    "undo.field.room": {"zh": "房号", "en": "room"},
    "undo.field.floor": {"zh": "楼层", "en": "floor"},
    "undo.field.area_x100": {"zh": "面积", "en": "area"},
    "undo.field.occupancy": {"zh": "居住情况", "en": "occupancy"},
    "undo.field.phone": {"zh": "电话", "en": "phone"},
    "undo.field.name": {"zh": "名称", "en": "name"},
    "undo.field.deleted": {"zh": "删除状态", "en": "deleted state"},
    "undo.field.minutes": {"zh": "纪要", "en": "minutes"},
    "undo.field.place": {"zh": "地点", "en": "place"},
    "undo.field.topic": {"zh": "议题", "en": "topic"},
    "undo.field.decisions": {"zh": "决定事项", "en": "decisions"},
    "undo.field.done_on": {"zh": "完成日期", "en": "completion date"},
    "undo.field.to_date": {"zh": "任职截止", "en": "end date"},
    "undo.field.role": {"zh": "职务", "en": "role"},
    # user actions: what the Edit menu says it will undo or redo
    "action.edit_household": {"zh": "修改 {room} 的{field}", "en": "Edit {field} of {room}"},
    "action.add_household": {"zh": "新增住户 {room}", "en": "Add household {room}"},
    "action.quick_create": {"zh": "批量生成 {n} 户", "en": "Generate {n} households"},
    "action.delete_households": {"zh": "删除 {n} 户", "en": "Delete {n} households"},
    "action.position": {"zh": "记录 {room} 的意见", "en": "Record the position of {room}"},
    "action.import_roster": {"zh": "导入名册（{file}）", "en": "Import roster ({file})"},
    "action.receipt": {"zh": "录入回执 {serial}", "en": "Enter receipt {serial}"},
    "action.restore": {"zh": "恢复 {n} 项", "en": "Restore {n} items"},
    "action.add_place": {"zh": "新增{kind}“{name}”", "en": "Add {kind} “{name}”"},
    "action.rename_place": {"zh": "改名为“{name}”", "en": "Rename to “{name}”"},
    "action.delete_place": {"zh": "删除{kind}“{name}”", "en": "Delete {kind} “{name}”"},
    "action.create_project": {"zh": "立项加梯", "en": "Start a lift project"},
    "action.stage": {"zh": "阶段：{stage}", "en": "Stage: {stage}"},
    "action.add_meeting": {"zh": "新建会议“{topic}”", "en": "New meeting “{topic}”"},
    "action.edit_meeting": {"zh": "修改会议“{topic}”", "en": "Edit meeting “{topic}”"},
    "action.delete_meeting": {"zh": "删除会议“{topic}”", "en": "Delete meeting “{topic}”"},
    "action.add_diary": {"zh": "写日记", "en": "Write a diary entry"},
    "action.edit_diary": {"zh": "修改日记", "en": "Edit a diary entry"},
    "action.delete_diary": {"zh": "删除日记", "en": "Delete a diary entry"},
    "action.add_member": {"zh": "添加筹备组成员 {name}", "en": "Add group member {name}"},
    "action.edit_member": {"zh": "修改筹备组成员 {name}", "en": "Edit group member {name}"},
    "action.delete_member": {"zh": "移除筹备组成员 {name}", "en": "Remove group member {name}"},
    "action.add_team": {"zh": "新增帮帮团“{name}”", "en": "Add helper team “{name}”"},
    "action.edit_team": {"zh": "修改帮帮团“{name}”", "en": "Edit helper team “{name}”"},
    "action.delete_team": {"zh": "删除帮帮团“{name}”", "en": "Delete helper team “{name}”"},
    "action.add_helper": {"zh": "新增成员 {name}", "en": "Add helper {name}"},
    "action.edit_helper": {"zh": "修改成员 {name}", "en": "Edit helper {name}"},
    "action.delete_helper": {"zh": "删除成员 {name}", "en": "Delete helper {name}"},
    "action.followup_done": {"zh": "待办完成：{text}", "en": "Follow-up done: {text}"},
    "action.rule": {"zh": "修改同意比例规则", "en": "Change the consent rule"},
    "action.edit": {"zh": "修改", "en": "Edit"},
    "action.dialog": {"zh": "{what}", "en": "{what}"},
    # kinds (used inside other messages)
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
    # occupancy labels
    "occ.owner": {"zh": "自住", "en": "owner-occupied"},
    "occ.rented": {"zh": "出租", "en": "rented"},
    "occ.vacant": {"zh": "空置", "en": "vacant"},
    # CLI
    "cli.description": {
        "zh": "LiftDesk 加梯工作台：不带子命令时打开图形界面。",
        "en": "LiftDesk: with no command, opens the desktop app.",
    },
    "cli.demo.done": {
        "zh": "演示数据已生成：{streets} 个街道、{units} 个单元、{projects} 个加梯项目、{households} 户，用时 {seconds:.1f} 秒。",
        "en": "Demo data generated: {streets} streets, {units} units, {projects} lift projects, {households} households in {seconds:.1f} s.",
    },
    "cli.demo.not_empty": {
        "zh": "数据库“{path}”已有数据，演示数据只能写入空数据库。",
        "en": "The database “{path}” already has data; demo data goes only into an empty database.",
    },
    "cli.interrupted": {"zh": "已中断。已完成并记录的部分保留，其余未做。",
                        "en": "Interrupted. What was finished and recorded is kept; the rest was not done."},
    "cli.error": {"zh": "错误：{message}", "en": "Error: {message}"},
    "cli.info.header": {"zh": "数据库：{path}（结构版本 {version}）", "en": "Database: {path} (schema version {version})"},
    "cli.units.none": {"zh": "没有找到单元。", "en": "No units found."},
    "cli.screenshot.saved": {"zh": "截图已保存：{path}", "en": "Screenshot saved: {path}"},
    "cli.size.invalid": {"zh": "窗口尺寸“{value}”无效，应写成 宽x高，例如 1366x768。",
                         "en": "Window size “{value}” is not valid; write WIDTHxHEIGHT, e.g. 1366x768."},
    "cli.font_size.invalid": {"zh": "字号 {value} 无效，应在 {low}–{high} 磅之间。",
                              "en": "Font size {value} is not valid; use {low}–{high} pt."},
    "count.streets": {"zh": "街道", "en": "streets"},
    "count.communities": {"zh": "社区", "en": "communities"},
    "count.estates": {"zh": "小区", "en": "estates"},
    "count.buildings": {"zh": "楼栋", "en": "buildings"},
    "count.units": {"zh": "单元", "en": "units"},
    "count.lift_projects": {"zh": "加梯项目", "en": "lift projects"},
    "count.households": {"zh": "住户", "en": "households"},
    "count.people": {"zh": "业主", "en": "people"},
    "count.helpers": {"zh": "帮帮团成员", "en": "helpers"},
}


def set_language(lang: str) -> None:
    global _lang
    _lang = "en" if lang == "en" else "zh"


def language() -> str:
    return _lang


def t(key: str, **params: object) -> str:
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(_lang) or entry["zh"]
    return text.format(**params) if params else text


class LiftDeskError(Exception):
    """An expected error: bad input, a refused file. Its text comes from the catalogue."""

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params

    def __str__(self) -> str:
        return t(self.key, **self.params)


class ValidationError(LiftDeskError):
    """Input that breaks a rule of the domain; nothing was written."""


class StoreError(LiftDeskError):
    """A database file LiftDesk refuses to open or write."""


from liftdesk.i18n.catalogue.money import MESSAGES as _MONEY_MESSAGES  # noqa: E402  (one catalogue, kept in parts)

MESSAGES.update(_MONEY_MESSAGES)


from liftdesk.i18n.catalogue.sync import SYNC_MESSAGES  # noqa: E402  (sync's own entries, kept beside its code)

MESSAGES.update(SYNC_MESSAGES)
