"""The catalogue's entries for the command line's own lines."""

MESSAGES: dict[str, dict[str, str]] = {
    "cli.consent.legal": {"zh": "法定：只计签字的书面意见", "en": "legal: signed written votes only"},
    "cli.consent.forecast": {"zh": "预测：计入口头意向", "en": "forecast: intentions included"},
    "cli.consent.visit": {"zh": "建议走访", "en": "visit next"},
    "cli.description": {
        "zh": "LiftDesk 加梯工作台：不带子命令时打开图形界面。",
        "en": "LiftDesk: with no command, opens the desktop app.",
    },
    "cli.gui_options": {
        "zh": "不带子命令时打开图形界面，可用选项：--db FILE、--lang zh|en、--screenshot OUT.png、--page PAGE、--size WxH、--font-size N。",
        "en": "With no command the desktop app opens; its options: --db FILE, --lang zh|en, --screenshot OUT.png, --page PAGE, --size WxH, --font-size N.",
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
