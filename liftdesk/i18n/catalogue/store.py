"""The catalogue's entries for opening, checking, backing up and restoring the database file."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "db.demo_not_enrollable": {
        "zh": "请用空数据库登记工作站；演示数据不能同步。",
        "en": "Enrol a station with an empty database; the demo data cannot be synchronised.",
    },
    "db.same_file": {
        "zh": "副本不能保存到正在使用的数据库“{path}”本身。",
        "en": "The copy cannot be saved over the database in use, “{path}”.",
    },
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
}
