"""The catalogue's entries for personal data at rest (#19 item 6): the encrypted database file,
its keys sidecar, the recovery code, sealed backups and the CLI's login."""

MESSAGES: dict[str, dict[str, str]] = {
    "cipher.locked": {
        "zh": "数据库“{path}”已加密（站点锁已开启）：请先用工作人员的登录名和密码登录。",
        "en": "The database “{path}” is encrypted (the station lock is on): log in with a helper's name and password first.",
    },
    "cipher.no_keys": {
        "zh": "找不到加密数据库的钥匙文件“{path}”，没有它无法打开数据库。请把它放回数据库旁边（它和数据库一起备份）。",
        "en": "The encrypted database's key file “{path}” is missing; the database cannot be opened without it. Put it back beside the database.",
    },
    "cipher.keys_damaged": {
        "zh": "加密数据库的钥匙文件“{path}”已损坏，无法读取。",
        "en": "The encrypted database's key file “{path}” is damaged and cannot be read.",
    },
    "cipher.bad_code": {"zh": "恢复码不对，请对照恢复单逐组核对。", "en": "The recovery code is wrong; check it group by group against the sheet."},
    "cipher.already": {"zh": "数据库“{path}”已经加密。", "en": "The database “{path}” is already encrypted."},
    "cipher.sealed_locked": {
        "zh": "备份“{path}”已加密，只有登录它所属的数据库后才能打开。",
        "en": "The backup “{path}” is encrypted; it opens only after a login to the database it belongs to.",
    },
    "cipher.passwords_needed": {
        "zh": "开启站点锁会加密数据库文件，每个登录都要用自己的密码保管钥匙：请输入 {names} 的密码。未作任何修改。",
        "en": "Turning the station lock on encrypts the database file, and each login keeps the key under its own password: enter the password of {names}. Nothing was changed.",
    },
    "cli.login_needed": {
        "zh": "数据库“{path}”已加密（站点锁已开启），需要登录：请在终端里运行本命令以输入用户名和密码，或加 --user 用户名 --password-file 密码文件。未作任何修改。",
        "en": "The database “{path}” is encrypted (the station lock is on) and needs a login: run the command in a terminal to type the user name and password, or add --user NAME --password-file FILE. Nothing was changed.",
    },
    "cli.user_prompt": {"zh": "登录名：", "en": "User name: "},
    "cli.password_prompt": {"zh": "密码（输入时不显示）：", "en": "Password (not shown): "},
    "cli.password_file": {"zh": "读不到密码文件“{path}”。未作任何修改。", "en": "Cannot read the password file “{path}”. Nothing was changed."},
    "cli.password_file_open": {
        "zh": "密码文件“{path}”的权限是 {value}，别的用户也能读取，已拒绝。请先运行 chmod 600 {path}，或不带 --password-file 在提示符输入。未作任何修改。",
        "en": "The password file “{path}” has mode {value}: other users can read it, so it was refused. Run chmod 600 {path} first, or leave out --password-file and type it at the prompt. Nothing was changed.",
    },
}
