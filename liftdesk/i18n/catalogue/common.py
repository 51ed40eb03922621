"""The catalogue's entries for dates and periods as people type them."""

MESSAGES: dict[str, dict[str, str]] = {
    "date.invalid": {"zh": "日期“{value}”无效，应为 年-月-日，例如 2024-05-01。", "en": "Date “{value}” is invalid: use YYYY-MM-DD."},
    "date.future": {"zh": "日期 {value} 在今天之后，不能记录未来的事。", "en": "Date {value} is in the future."},
    "datetime.invalid": {
        "zh": "时间“{value}”无效，应为 年-月-日 时:分，例如 2024-05-01 19:30。",
        "en": "Time “{value}” is invalid: use YYYY-MM-DD HH:MM.",
    },
    "period.reversed": {"zh": "结束日期 {end} 早于开始日期 {start}。", "en": "The end {end} is before the start {start}."},
}
