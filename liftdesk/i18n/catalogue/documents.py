"""The catalogue's entries for printed documents, receipts of signed forms and reports."""

MESSAGES: dict[str, dict[str, str]] = {
    "document.outside_folder": {
        "zh": "文件名“{name}”会写到所选文件夹之外，已拒绝。",
        "en": "The file name “{name}” would be written outside the chosen folder; refused.",
    },
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
    "document.batch_discarded": {
        "zh": "这批文书未能登记（{reason}），已删除写出但未登记的 {n} 个文件，没有留下无编号记录的文书。",
        "en": "The batch could not be recorded ({reason}); the {n} files written but not recorded were removed.",
    },
}
