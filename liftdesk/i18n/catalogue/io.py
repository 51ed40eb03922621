"""The catalogue's entries for importing and exporting rosters."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "import.dry_run": {"zh": "试运行：未写入任何数据。", "en": "Dry run: nothing was written."},
}
