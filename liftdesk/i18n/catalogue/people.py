"""The catalogue's entries for households, owners, persons, station logins and teams."""

MESSAGES: dict[str, dict[str, str]] = {
    "area.invalid": {
        "zh": "面积“{value}”无效：应为大于 0 的数字，最多两位小数（单位 m²）。",
        "en": "Area “{value}” is invalid: it must be a number above 0 with at most two decimals (m²).",
    },
    "area.too_large": {
        "zh": "面积 {value} m² 过大，请核对（一户通常不超过 1000 m²）。",
        "en": "Area {value} m² is too large; please check (a household is rarely over 1000 m²).",
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
    "station.locked": {"zh": "本站已锁定：请先登录，再保存。", "en": "The station is locked: log in before saving."},
    "account.exists": {"zh": "已有名为“{name}”的登录。", "en": "A login named \"{name}\" already exists."},
    "account.short_password": {"zh": "密码至少 {n} 个字符。", "en": "The password needs at least {n} characters."},
    "account.bad_name": {"zh": "登录名不能为空，也不能超过 32 个字。", "en": "A login name must be 1 to 32 characters."},
    "account.last": {"zh": "站点锁已开启，至少要保留一个登录。", "en": "The station lock is on: keep at least one login."},
    "account.bad_idle": {"zh": "自动锁定的分钟数应在 1 到 240 之间。", "en": "Auto-lock minutes must be between 1 and 240."},
    "account.none": {"zh": "先添加一个登录，才能开启站点锁。", "en": "Add a login before turning the station lock on."},
    "persons.no_lookalikes": {"zh": "没有同名待核实的业主。", "en": "No look-alike owners to check."},
    "persons.lookalike": {
        "zh": "{name}：{places}（现按 {n} 人计；如为同一人：merge-owners 地址 --name {name}）",
        "en": "{name}: {places} (counted as {n} people; if one person: merge-owners ADDRESS --name {name})",
    },
    "team.duplicate": {"zh": "已有名为“{name}”的帮帮团。", "en": "There is already a helper team named “{name}”."},
    "helper.role": {"zh": "成员身份“{value}”无效。", "en": "Helper role “{value}” is invalid."},
    "occ.owner": {"zh": "自住", "en": "owner-occupied"},
    "occ.rented": {"zh": "出租", "en": "rented"},
    "occ.vacant": {"zh": "空置", "en": "vacant"},
    # a sale (过户): the previous owners' positions no longer count
    "transfer.no_owner": {"zh": "过户须填写新业主姓名。", "en": "A sale needs the new owner's name."},
    "transfer.same_owners": {"zh": "新业主与现业主相同（{names}），不是过户。", "en": "The new owners are the current ones ({names}); that is not a sale."},
    "transfer.note": {"zh": "{room} 已过户（{date}），原业主意见不再计入", "en": "{room} changed hands ({date}); the previous owners' positions no longer count"},
    "action.transfer": {"zh": "{room} 过户", "en": "Sale of {room}"},
    "household.area_source": {"zh": "面积来源：{source}", "en": "Area from: {source}"},
}
