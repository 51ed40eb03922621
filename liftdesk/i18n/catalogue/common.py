"""The catalogue's entries for dates and periods as people type them."""

MESSAGES: dict[str, dict[str, str]] = {
    "date.invalid": {"zh": "日期“{value}”无效，应为 年-月-日，例如 2024-05-01。", "en": "Date “{value}” is invalid: use YYYY-MM-DD."},
    "date.future": {"zh": "日期 {value} 在今天之后，不能记录未来的事。", "en": "Date {value} is in the future."},
    "datetime.invalid": {
        "zh": "时间“{value}”无效，应为 年-月-日 时:分，例如 2024-05-01 19:30。",
        "en": "Time “{value}” is invalid: use YYYY-MM-DD HH:MM.",
    },
    "period.reversed": {"zh": "结束日期 {end} 早于开始日期 {start}。", "en": "The end {end} is before the start {start}."},
    # output paths (liftdesk/common/outputs.py)
    "output.empty": {"zh": "没有给出输出文件名。", "en": "No output file name was given."},
    "output.suffix": {"zh": "“{path}”的扩展名不对：这里只能写 {suffixes} 文件。未写入任何文件。",
                      "en": "“{path}” has the wrong extension: only {suffixes} can be written here. Nothing was written."},
    "output.protected": {
        "zh": "“{path}”是数据库本身、它的日志文件或备份文件夹，不能作为输出文件。未写入任何文件，请换一个文件名。",
        "en": "“{path}” is the database, its journal files or its backups folder; it cannot be an output. Nothing was written.",
    },
    "output.is_folder": {"zh": "“{path}”是一个文件夹，请给出文件名（例如 文件夹/文书.pdf）。未写入任何文件。",
                         "en": "“{path}” is a folder; give a file name. Nothing was written."},
    "output.not_regular": {"zh": "“{path}”不是普通文件（设备或特殊文件），不能写入。未写入任何文件。",
                           "en": "“{path}” is not a regular file (a device or special file); it is not written. Nothing was written."},
    "output.exists": {"zh": "“{path}”已存在，不会覆盖。要替换它请加 --force，或换一个文件名。",
                      "en": "“{path}” already exists and is not overwritten. Add --force to replace it, or choose another name."},
    "output.unusable": {"zh": "无法使用“{path}”：{reason}", "en": "Cannot use “{path}”: {reason}"},
    "output.folder_is_file": {"zh": "批量打印的 -o 要给一个文件夹，“{path}”却是文件。合并为一个 PDF 请用 --combined。",
                              "en": "A batch's -o must name a folder but “{path}” is a file. Use --combined for one PDF."},
    "output.folder_wanted": {"zh": "批量打印的 -o 要给一个文件夹，“{path}”看起来是文件名。合并为一个 PDF 请用 --combined {path}。",
                             "en": "A batch's -o must name a folder; “{path}” looks like a file name. Use --combined {path} for one PDF."},
    "output.parent_not_folder": {"zh": "无法写入：“{path}”是文件而不是文件夹。", "en": "“{path}” is a file, not a folder."},
    "output.disk_full": {
        "zh": "磁盘空间不足：无法写入文件夹“{folder}”，还需约 {need} 可用空间（现剩 {free}）。请清理磁盘或换一个位置后重试；数据库未被修改。",
        "en": "The disk is full: cannot write into “{folder}”; about {need} more free space is needed ({free} left). The database is unchanged.",
    },
    "output.cannot_write": {"zh": "无法写入文件夹“{folder}”：{reason}。数据库未被修改。",
                            "en": "Cannot write into “{folder}”: {reason}. The database is unchanged."},
    "time.beijing": {"zh": "北京时间", "en": "Beijing time"},
}
