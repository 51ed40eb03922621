<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AcceptStationDialog</name>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="17" />
        <source>确认新工作站</source>
        <translation>Accept a new station</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="19" />
        <source>请打电话给工作站“{name}”（编号 {id}），请对方念出本站密钥指纹，与下面的指纹逐组核对。指纹不符时不要接受：文件可能来自冒充者。</source>
        <translation>Phone station “{name}” (id {id}), ask them to read out their key fingerprint and compare it group by group with the one below. If it differs, do not accept: the file may come from an impostor.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="31" />
        <source>（未指定：请先指定范围）</source>
        <translation>(none: set a scope first)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="32" />
        <source>范围：{scope}；暂存文件 {n} 个</source>
        <translation>Scope: {scope}; {n} file(s) kept</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="35" />
        <source>对方念出的指纹，如 1A2B 3C4D …</source>
        <translation>The fingerprint read out, e.g. 1A2B 3C4D …</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="36" />
        <source>对方念出的指纹</source>
        <translation>Fingerprint read out</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="40" />
        <source>区密钥口令</source>
        <translation>District key passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="43" />
        <source>指纹一致，接受</source>
        <translation>Fingerprints match: accept</translation>
    </message>
</context>
<context>
    <name>AddHouseholdDialog</name>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="47" />
        <source>新增住户</source>
        <translation>Add household</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="54" />
        <source>例如 63.50</source>
        <translation>e.g. 63.50</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="59" />
        <source>共有人用“、”分隔</source>
        <translation>separate co-owners with “、”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="61" />
        <source>电梯占用本户专有部分（须本户业主同意）</source>
        <translation>The lift occupies part of this flat (its owner must agree)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="63" />
        <source>选填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="64" />
        <source>房号</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="65" />
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="66" />
        <source>面积（m²）</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="67" />
        <source>居住情况</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="68" />
        <source>业主</source>
        <translation>Owners</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="69" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="70" />
        <source>不动产权证号</source>
        <translation>Property certificate no.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="27" />
        <source>备份与恢复</source>
        <translation>Backup and restore</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="34" />
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="37" />
        <source>未设置（可选 U 盘上的文件夹）</source>
        <translation>Not set (optional: a folder on a USB stick)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="39" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="40" />
        <source>不用</source>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="45" />
        <source>第二个备份文件夹</source>
        <translation>Second backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="49" />
        <source>保留最近备份的份数（另按天、周、月各留一份）</source>
        <translation>Recent backups to keep (plus one per day, week and month)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="54" />
        <source>备份文件夹总大小上限（超出时先删最旧的）</source>
        <translation>Backups folder at most (the oldest go first)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="56" />
        <source>已有的备份（最新的在上）：</source>
        <translation>Backups (newest first):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="59" />
        <source>选中一份备份，查看其中的内容。</source>
        <translation>Select a backup to see what it holds.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="62" />
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="63" />
        <source>恢复所选备份…</source>
        <translation>Restore the selected backup…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="87" />
        <source>选择第二个备份文件夹</source>
        <translation>Choose the second backup folder</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="95" />
        <source>{when}  {reason}  {folder}</source>
        <translation>{when}  {reason}  {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="103" />
        <source>启动时</source>
        <translation>on start</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="103" />
        <source>每日</source>
        <translation>daily</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="103" />
        <source>导入名册前</source>
        <translation>before a roster import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="104" />
        <source>合并前</source>
        <translation>before a merge</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="104" />
        <source>手动</source>
        <translation>manual</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="104" />
        <source>恢复前</source>
        <translation>before a restore</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="106" />
        <source>升级前</source>
        <translation>before an upgrade</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="116" />
        <source>正在读取这份备份…</source>
        <translation>Reading this backup…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="129" />
        <source>这份备份不能用：{reason}</source>
        <translation>This backup cannot be used: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="136" />
        <source>备份时间 {taken}；最近一次修改 {newest}
{households} 户、{units} 个单元、{projects} 个加梯项目、{people} 人、{positions} 条意见记录、{changes} 条修改记录</source>
        <translation>Taken {taken}; newest change {newest}
{households} households, {units} units, {projects} lift projects, {people} people, {positions} position records, {changes} logged changes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="151" />
        <source>正在备份并校验…</source>
        <translation>Backing up and verifying…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="155" />
        <source>已备份：{path}</source>
        <translation>Backed up: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="163" />
        <source>用这份备份替换当前数据库？
{preview}
当前数据库会先另存一份备份。</source>
        <translation>Replace the current database with this backup?
{preview}
The current database is backed up first.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/backup_dialog.py" line="171" />
        <source>已恢复。恢复前的数据库已保存为：{kept}</source>
        <translation>Restored. The database as it was is kept as: {kept}</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../ui/widgets/bar_chart.py" line="76" />
        <source>（无数据）</source>
        <translation>(no data)</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../ui/printing.py" line="58" />
        <source>批量打印</source>
        <translation>Batch print</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="60" />
        <source>为当前列表中的 {n} 个单元生成{kind}：</source>
        <translation>Make the {kind} for the {n} units in the list:</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="61" />
        <source>每个单元一个 PDF，保存到文件夹</source>
        <translation>One PDF per unit, saved to a folder</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="62" />
        <source>合并为一个 PDF（一次送印）</source>
        <translation>One combined PDF (one trip to the printer)</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="63" />
        <source>直接送打印机（只弹出一次打印对话框）</source>
        <translation>Send to the printer (one print dialog)</translation>
    </message>
</context>
<context>
    <name>BillsDialog</name>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="176" />
        <source>出具年度运行费用账单</source>
        <translation>Issue the year's running-cost bills</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="179" />
        <source>费用有变动，撤回已出账单并重新出账</source>
        <translation>Costs changed: withdraw the issued bills and bill again</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="180" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="181" />
        <source>出账日期</source>
        <translation>Billed on</translation>
    </message>
</context>
<context>
    <name>BuildingGridModel</name>
    <message>
        <location filename="../../ui/models/building_grid.py" line="55" />
        <source>{n}层</source>
        <translation>Floor {n}</translation>
    </message>
</context>
<context>
    <name>CostDialog</name>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="152" />
        <source>登记运行费用</source>
        <translation>Record a running cost</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="158" />
        <source>元，冲减填负数</source>
        <translation>yuan; a correction is negative</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="161" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="161" />
        <source>费用类别</source>
        <translation>Kind of cost</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="162" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="162" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="163" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>DiaryDialog</name>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="349" />
        <source>写电梯日记</source>
        <translation>Write the lift diary</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="349" />
        <source>修改电梯日记</source>
        <translation>Edit diary entry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="354" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="355" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="356" />
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
</context>
<context>
    <name>DistrictKeysDialog</name>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="62" />
        <source>设置区密钥</source>
        <translation>Set up the district key</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="64" />
        <source>区加梯办只做一次。口令保护区私钥：导入工作站文件时要输入它。口令至少 8 个字符，请另行保管，不要写在恢复单上。</source>
        <translation>The district office does this once. The passphrase protects the district's private key: it is asked for when importing a station's file. At least 8 characters; keep it separately, never on the recovery sheet.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="72" />
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="73" />
        <source>再输一次</source>
        <translation>Once more</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="76" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="78" />
        <source>公钥文件（发给各工作站）</source>
        <translation>Public key file (give it to every station)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="85" />
        <source>生成区密钥</source>
        <translation>Create the district key</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="88" />
        <source>打印恢复单…</source>
        <translation>Print the recovery sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="91" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="99" />
        <source>公钥文件</source>
        <translation>Public key file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="105" />
        <source>两次输入的口令不一致，请重新输入。</source>
        <translation>The two passphrases differ; please type it again.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="111" />
        <source>请选择公钥文件的位置。</source>
        <translation>Choose where the public key file goes.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="142" />
        <source>无法开始打印，请检查打印机。恢复单已保存：{path}</source>
        <translation>Printing could not start; check the printer. The recovery sheet is saved: {path}</translation>
    </message>
</context>
<context>
    <name>DistrictPage</name>
    <message>
        <location filename="../../ui/pages/district_page.py" line="139" />
        <source>按交付年份</source>
        <translation>By handover year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="140" />
        <source>按开工年份</source>
        <translation>By start year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="144" />
        <source>统计口径：</source>
        <translation>Count:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="147" />
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="147" />
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="148" />
        <source>导出 PDF 报表…</source>
        <translation>Export PDF report…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="162" />
        <source>双击漏斗中的数字，查看其背后的单元或项目。</source>
        <translation>Double-click a figure in the funnel to see the units or projects behind it.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="164" />
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="164" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="165" />
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="201" />
        <source>年度表</source>
        <translation>Yearly table</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="202" />
        <source>进度漏斗</source>
        <translation>Progress funnel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="203" />
        <source>图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="206" />
        <source>数据新鲜度</source>
        <translation>Freshness</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="208" />
        <source>年度目标</source>
        <translation>Yearly targets</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="211" />
        <source>未办结异议</source>
        <translation>Open objections</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="257" />
        <source>{district} 加装电梯总览</source>
        <translation>{district}: lift retrofits overview</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="266" />
        <source>各年电梯数</source>
        <translation>Lifts per year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="277" />
        <source>各街道电梯数（含在建）</source>
        <translation>Lifts per street (incl. under construction)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="270" />
        <source>进度漏斗（全区）</source>
        <translation>Progress funnel (district)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="279" />
        <source>{title}：第 {page}/{pages} 页</source>
        <translation>{title}: page {page}/{pages}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="292" />
        <source>{place} · {step}：{n}</source>
        <translation>{place} · {step}: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="293" />
        <source>全区</source>
        <translation>whole district</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="309" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="323" />
        <source>已导出 {path}</source>
        <translation>Exported {path}</translation>
    </message>
</context>
<context>
    <name>DistrictRecoverDialog</name>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="250" />
        <source>从恢复单恢复区密钥</source>
        <translation>Recover the district key from the recovery sheet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="252" />
        <source>输入恢复单上的恢复码（空格和换行不要紧），或读取扫描二维码得到的文本文件，再输入区密钥口令。恢复后请核对密钥指纹与恢复单上的一致。</source>
        <translation>Type the recovery code from the recovery sheet (spaces and line breaks do not matter), or read the text file a scan of its QR code gave, then the district passphrase. Afterwards check that the key fingerprint matches the sheet.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="257" />
        <source>恢复码</source>
        <translation>Recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="263" />
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="269" />
        <source>从文件读取恢复码…</source>
        <translation>Read the code from a file…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="273" />
        <source>恢复</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="276" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="284" />
        <source>恢复码文件</source>
        <translation>Recovery code file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="285" />
        <source>文本文件 (*.txt);;所有文件 (*)</source>
        <translation>Text files (*.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="291" />
        <source>无法读取：{reason}</source>
        <translation>Cannot read: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="302" />
        <source>区密钥已恢复（{name}）。密钥指纹：{fp}</source>
        <translation>District key recovered ({name}). Key fingerprint: {fp}</translation>
    </message>
</context>
<context>
    <name>FaultDialog</name>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="106" />
        <source>登记故障停梯</source>
        <translation>Record a fault</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="110" />
        <source> 小时</source>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="113" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="113" />
        <source>停梯时长</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="114" />
        <source>故障原因</source>
        <translation>Cause</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="114" />
        <source>维修情况</source>
        <translation>Repair</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <location filename="../../ui/dialogs/database_dialogs.py" line="35" />
        <source>欢迎使用 LiftDesk 加梯工作台</source>
        <translation>Welcome to LiftDesk</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/database_dialogs.py" line="38" />
        <source>还没有数据库。请选择：</source>
        <translation>There is no database yet. Choose one:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/database_dialogs.py" line="40" />
        <source>新建空数据库（正式使用）</source>
        <translation>New empty database (for real work)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/database_dialogs.py" line="41" />
        <source>登记真实的小区、住户和意见。文件保存在：{path}</source>
        <translation>Record real estates, households and views. The file is saved at: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/database_dialogs.py" line="42" />
        <source>打开已有数据库…</source>
        <translation>Open an existing database…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/database_dialogs.py" line="43" />
        <source>打开以前用过的或别人拷来的数据库文件（.db）。</source>
        <translation>Open a database file (.db) used before or copied from someone else.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/database_dialogs.py" line="44" />
        <source>查看演示数据</source>
        <translation>Look at the demo data</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/database_dialogs.py" line="45" />
        <source>一个虚构的区（拱墅区）供熟悉软件，约需一分钟生成。它单独保存，标题栏标有“演示”，不能登记为同步工作站。</source>
        <translation>A made-up district (Gongshu) to get to know the program; it takes about a minute to build. It is kept in a file of its own, marked “Demo” in the title bar, and cannot be enrolled as a sync station.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/database_dialogs.py" line="47" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>FreshnessModel</name>
    <message>
        <location filename="../../ui/models/sync_models.py" line="33" />
        <source>街道</source>
        <translation>Streets</translation>
    </message>
    <message>
        <location filename="../../ui/models/sync_models.py" line="33" />
        <source>工作站</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/models/sync_models.py" line="33" />
        <source>数据新鲜度</source>
        <translation>Freshness</translation>
    </message>
    <message>
        <location filename="../../ui/models/sync_models.py" line="38" />
        <source>尚无工作站</source>
        <translation>No station yet</translation>
    </message>
    <message>
        <location filename="../../ui/models/sync_models.py" line="40" />
        <source>尚未收到文件</source>
        <translation>No file received yet</translation>
    </message>
    <message>
        <location filename="../../ui/models/sync_models.py" line="42" />
        <source>最后收到：今天</source>
        <translation>Last received: today</translation>
    </message>
    <message>
        <location filename="../../ui/models/sync_models.py" line="43" />
        <source>最后收到：{n} 天前</source>
        <translation>Last received: {n} days ago</translation>
    </message>
    <message>
        <location filename="../../ui/models/sync_models.py" line="54" />
        <source>超过 {n} 天没有收到这个街道的文件</source>
        <translation>No file from this street for over {n} days</translation>
    </message>
</context>
<context>
    <name>FunnelModel</name>
    <message>
        <location filename="../../ui/pages/district_page.py" line="108" />
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="120" />
        <source>全区合计</source>
        <translation>District total</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="125" />
        <source>双击查看名单</source>
        <translation>Double-click for the list</translation>
    </message>
</context>
<context>
    <name>HeldRowsDialog</name>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="41" />
        <source>待审记录</source>
        <translation>Held rows</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="43" />
        <source>工作站送来的这些记录没有写入本库：它们在该站范围之外，或编号与本库另一条记录相同。“采纳”现在写入（与导入同样检查，可在“编辑”菜单撤销）；“拒绝”丢弃，并记下谁在何时拒绝。可多选（Shift/Ctrl）；Enter 采纳，Delete 拒绝。</source>
        <translation>These rows sent by stations were not written here: they lie outside the station's scope, or their id collides with another record. “Release” writes them now (with the same checks as an import; undo from the Edit menu); “Reject” drops them and records who did so and when. Choose several with Shift/Ctrl; Enter releases, Delete rejects.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="53" />
        <source>工作站</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="54" />
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="55" />
        <source>内容</source>
        <translation>What it does</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="56" />
        <source>待审原因</source>
        <translation>Why held</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="72" />
        <source>也显示已拒绝的记录</source>
        <translation>Show rejected rows too</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="79" />
        <source>采纳所选（Enter）</source>
        <translation>Release selected (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="82" />
        <source>拒绝所选…（Delete）</source>
        <translation>Reject selected… (Delete)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="84" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="113" />
        <source>已拒绝（{who}，{when}）</source>
        <translation>Rejected ({who}, {when})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="124" />
        <source>{station} · {table} · 收到于 {when}（{zone}）</source>
        <translation>{station} · {table} · received {when} ({zone})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="127" />
        <source>地址：{address}</source>
        <translation>Address: {address}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="128" />
        <source>内容：{what}</source>
        <translation>What it does: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="129" />
        <source>待审原因：{why}</source>
        <translation>Why held: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="135" />
        <source>工作站“{name}”尚未确认：暂存的 {n} 个文件在“确认新工作站”之后才读取，不在此列。</source>
        <translation>Station “{name}” is not accepted yet: its {n} kept file(s) are read only after “Accept new station”, so they are not listed here.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="138" />
        <source>没有待审记录。</source>
        <translation>No rows are held.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="159" />
        <source>采纳所选的 {n} 条记录，现在写入本库？</source>
        <translation>Release the {n} selected row(s) and write them here now?</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="161" />
        <source>其中 {m} 条在该站范围之外：确认这些记录确实应由该站录入。</source>
        <translation>{m} of them lie outside the station's scope: make sure that station was right to record them.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="167" />
        <source>正在备份并写入…</source>
        <translation>Backing up and writing…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/held_dialog.py" line="188" />
        <source>拒绝所选的 {n} 条记录？它们不会写入本库；拒绝会记录在案（谁、何时）。</source>
        <translation>Reject the {n} selected row(s)? They will not be written here; the rejection is recorded (who, when).</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/pages/home_page.py" line="19" />
        <source>在左侧逐级展开 街道 → 社区 → 小区 → 楼栋 → 单元，打开一个单元查看和编辑住户；在上方搜索框输入地址、房号、业主姓名（或拼音首字母，如 hqc）或电话查找住户（Ctrl+F）。右键左侧目录可新增、改名或删除。</source>
        <translation>Expand street → community → estate → building → unit on the left and open a unit to see and edit its households; type an address, a room, an owner's name (or its pinyin initials, e.g. hqc) or a phone in the search box above to find a household (Ctrl+F). Right-click the tree to add, rename or delete.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="29" />
        <source>街道</source>
        <translation>Streets</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="29" />
        <source>社区</source>
        <translation>Communities</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="29" />
        <source>小区</source>
        <translation>Estates</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="30" />
        <source>楼栋</source>
        <translation>Buildings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="30" />
        <source>单元</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="30" />
        <source>加梯项目</source>
        <translation>Lift projects</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="31" />
        <source>住户</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="31" />
        <source>业主</source>
        <translation>Owners</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="31" />
        <source>帮帮团成员</source>
        <translation>Helpers</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home_page.py" line="36" />
        <source>{district} 加梯工作台</source>
        <translation>{district} LiftDesk</translation>
    </message>
</context>
<context>
    <name>HouseholdFactsDialog</name>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="90" />
        <source>%1 的产权信息</source>
        <translation>Property facts of %1</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="94" />
        <source>选填</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="95" />
        <source>电梯占用本户专有部分（须本户业主同意）</source>
        <translation>The lift occupies part of this flat (its owner must agree)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="97" />
        <source>不动产权证号</source>
        <translation>Property certificate no.</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../ui/models/households.py" line="35" />
        <source>房号</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../ui/models/households.py" line="35" />
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../ui/models/households.py" line="35" />
        <source>面积（m²）</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <location filename="../../ui/models/households.py" line="35" />
        <source>业主</source>
        <translation>Owners</translation>
    </message>
    <message>
        <location filename="../../ui/models/households.py" line="35" />
        <source>当前意见</source>
        <translation>Current position</translation>
    </message>
    <message>
        <location filename="../../ui/models/households.py" line="36" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/models/households.py" line="36" />
        <source>居住情况</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <location filename="../../ui/models/households.py" line="56" />
        <source>（书面）</source>
        <translation> (written)</translation>
    </message>
</context>
<context>
    <name>ImportRosterDialog</name>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="37" />
        <source>导入住户名册 — {address}</source>
        <translation>Import roster — {address}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="46" />
        <source>工作表：</source>
        <translation>Sheet:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="49" />
        <source>同时导入 Excel 中隐藏或被筛选掉的行</source>
        <translation>Also import rows hidden or filtered out in Excel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="51" />
        <source>标准列</source>
        <translation>Standard column</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="51" />
        <source>文件中的列</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="58" />
        <source>（必需）</source>
        <translation> (required)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="74" />
        <source>将作的改动（逐户）</source>
        <translation>What would change (household by household)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="80" />
        <source>同名业主：勾选确为同一人的</source>
        <translation>Owners with the same name: tick those who are one person</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="84" />
        <source>检查（不写入）</source>
        <translation>Check (writes nothing)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="85" />
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="86" />
        <source>只导入正确的行</source>
        <translation>Import only the good rows</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="87" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="124" />
        <source>列对应和预览</source>
        <translation>Columns and preview</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="125" />
        <source>检查结果和将作的改动</source>
        <translation>Check and changes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="138" />
        <source>表格 (*.xlsx *.xls *.csv *.txt);;所有文件 (*)</source>
        <translation>Tables (*.xlsx *.xls *.csv *.txt);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="137" />
        <source>选择名册文件</source>
        <translation>Choose a roster file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="179" />
        <source>文件：{name}（{n} 行数据）</source>
        <translation>File: {name} ({n} data rows)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="185" />
        <source>（不导入）</source>
        <translation>(not imported)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="187" />
        <location filename="../../ui/dialogs/import_dialog.py" line="190" />
        <source>第 {n} 列</source>
        <translation>Column {n}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/import_dialog.py" line="235" />
        <source>{name}（{rooms}）是同一人</source>
        <translation>{name} ({rooms}) is one person</translation>
    </message>
</context>
<context>
    <name>InspectionDialog</name>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="63" />
        <source>登记年检</source>
        <translation>Record the yearly inspection</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="70" />
        <source>默认一年后（YYYY-MM-DD）</source>
        <translation>default: a year later (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="71" />
        <source>检验日期</source>
        <translation>Inspected on</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="72" />
        <source>检验结论</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="73" />
        <source>检验合格证编号</source>
        <translation>Certificate number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="74" />
        <source>下次检验日期</source>
        <translation>Next inspection due</translation>
    </message>
</context>
<context>
    <name>InsuranceDialog</name>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="85" />
        <source>登记保险</source>
        <translation>Record insurance</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="89" />
        <source>如“15+2”全生命周期</source>
        <translation>e.g. the “15+2” lifetime policy</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="92" />
        <source>保险公司</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="92" />
        <source>保单号</source>
        <translation>Policy number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="93" />
        <source>保障内容</source>
        <translation>Cover</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="93" />
        <source>起保日期</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="94" />
        <source>终止日期</source>
        <translation>Ends</translation>
    </message>
</context>
<context>
    <name>JoinUnitDialog</name>
    <message>
        <location filename="../../ui/dialogs/units_dialog.py" line="32" />
        <source>连装/连片：加入单元</source>
        <translation>Multi-unit: add a unit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/units_dialog.py" line="37" />
        <source>单元</source>
        <translation>Units</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/lock.py" line="26" />
        <source>已锁定 — 请登录</source>
        <translation>Locked — please log in</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="26" />
        <source>登录 LiftDesk</source>
        <translation>Log in to LiftDesk</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="40" />
        <source>本站已开启站点锁，居民个人信息只对登录的工作人员显示。</source>
        <translation>This station is locked: residents' personal data shows only to staff who log in.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="42" />
        <source>登录名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="43" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="46" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="47" />
        <source>退出程序</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="182" />
        <source>LiftDesk 加梯工作台 — {file}</source>
        <translation>LiftDesk — {file}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177" />
        <source>内存数据库</source>
        <translation>in-memory database</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115" />
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>录入回执</source>
        <translation>Enter returned forms</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>区级总览</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121" />
        <source>回收站</source>
        <translation>Recycle bin</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147" />
        <location filename="../../ui/main_window.py" line="462" />
        <source>新增街道…</source>
        <translation>Add street…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160" />
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168" />
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273" />
        <source>该单元还没有加梯项目。现在立项吗？</source>
        <translation>This unit has no lift project yet. Start one now?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <location filename="../../ui/main_window.py" line="296" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="102" />
        <source>搜索地址、房号、业主姓名（或拼音）、电话（Ctrl+F）</source>
        <translation>Search address, room, owner's name (or pinyin), phone (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <location filename="../../ui/main_window.py" line="297" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122" />
        <source>帮帮团</source>
        <translation>Helper teams</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>数据同步</source>
        <translation>Data sync</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136" />
        <source>新建数据库…</source>
        <translation>New database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <source>打开数据库…</source>
        <translation>Open database…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140" />
        <source>最近打开</source>
        <translation>Open recent</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143" />
        <source>另存副本…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151" />
        <source>备份与恢复…</source>
        <translation>Backup and restore…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179" />
        <source>{name}（{folder}）</source>
        <translation>{name} ({folder})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181" />
        <source>演示 — {file}</source>
        <translation>Demo — {file}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="194" />
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231" />
        <source>已另存副本：{path}</source>
        <translation>Copy saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226" />
        <source>正在另存副本…</source>
        <translation>Saving a copy…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>本区设置（规则、公示期、社区地址、费用方案）…</source>
        <translation>District settings (rule, notice period, office, cost preset)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233" />
        <source>副本带有本库的同步身份和密钥：只作备份保管，不要在另一台电脑上当作工作站或区加梯办使用。</source>
        <translation>The copy carries this database's sync identity and keys: keep it as a backup only; never use it on another computer as a station or as the district office.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="296" />
        <source>撤销：{what}</source>
        <translation>Undo: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297" />
        <source>重做：{what}</source>
        <translation>Redo: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302" />
        <source>已撤销：{what}</source>
        <translation>Undone: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305" />
        <source>已重做：{what}</source>
        <translation>Redone: {what}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="314" />
        <source>要保留它并跳过这一步，以便继续撤销更早的操作吗？</source>
        <translation>Keep it and skip this step, so that earlier actions can still be undone?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="384" />
        <source>已录入 {n} 户的书面意见（编号 {serial}）</source>
        <translation>Entered written positions of {n} households (serial {serial})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="399" />
        <source>正在为搜索整理 {n} 人的姓名拼音…</source>
        <translation>Preparing the pinyin of {n} people for search…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="467" />
        <source>不在本站范围“{scope}”内：只能查看</source>
        <translation>Outside this station's scope “{scope}”: view only</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="471" />
        <location filename="../../ui/main_window.py" line="484" />
        <source>社区</source>
        <translation>community</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="471" />
        <location filename="../../ui/main_window.py" line="484" />
        <source>小区</source>
        <translation>estate</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="471" />
        <location filename="../../ui/main_window.py" line="485" />
        <source>楼栋</source>
        <translation>building</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="472" />
        <location filename="../../ui/main_window.py" line="485" />
        <source>单元</source>
        <translation>unit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="475" />
        <source>新增{child}…</source>
        <translation>Add {child}…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="477" />
        <source>改名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="478" />
        <source>删除（移入回收站）</source>
        <translation>Delete (to recycle bin)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="484" />
        <source>街道</source>
        <translation>street</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="486" />
        <source>新增{what}</source>
        <translation>Add {what}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="487" />
        <source>{what}名称：</source>
        <translation>{what} name:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="492" />
        <source>新增楼栋</source>
        <translation>Add building</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="492" />
        <source>楼层数：</source>
        <translation>Floors:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="506" />
        <source>改名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="506" />
        <source>新名称：</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="532" />
        <source>将“{name}”及其下 {n} 户移入回收站？这会改变相关单元的同意比例。之后可在回收站恢复，或按 Ctrl+Z 撤销。</source>
        <translation>Move “{name}” and its {n} households to the recycle bin? This changes the consent figures of its units. You can restore them from the bin, or press Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>MeetingDialog</name>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="184" />
        <source>新建会议</source>
        <translation>New meeting</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="184" />
        <source>修改会议（补记纪要、参会人）</source>
        <translation>Edit meeting (minutes, attendees)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="198" />
        <source>每行一项议程</source>
        <translation>One agenda item per line</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="202" />
        <source>设计方、施工方等，用“、”分隔</source>
        <translation>Designer, contractor…, separated by “、”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="208" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="208" />
        <source>开始</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="208" />
        <source>结束</source>
        <translation>Ends</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="209" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="209" />
        <source>议题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="214" />
        <source>议程</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="214" />
        <source>纪要</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="215" />
        <source>决定事项</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="211" />
        <source>其他参会方</source>
        <translation>Other parties</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="210" />
        <source>主持人</source>
        <translation>Chair</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="210" />
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="222" />
        <source>待办内容</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="223" />
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="232" />
        <source>会议</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="233" />
        <source>议程、纪要与待办</source>
        <translation>Agenda, minutes, follow-ups</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="249" />
        <source>到会人本人姓名</source>
        <translation>Attendee's own name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="258" />
        <source>参会住户（勾选到会的户；代理人或租户到会时，选中后改身份）：</source>
        <translation>Households attending (tick those present; select and change the role when a proxy or tenant came):</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="250" />
        <source>到会人姓名（代理人、租户填本人姓名）</source>
        <translation>Attendee's own name (a proxy or tenant gives their own)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="251" />
        <source>设为所选住户的到会身份</source>
        <translation>Set the role of the selected households</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="217" />
        <source>待办事项（内容 / 负责人 / 截止日期）：</source>
        <translation>Follow-ups (text / owner / due date):</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="132" />
        <source>添加筹备组成员</source>
        <translation>Add a preparation group member</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="132" />
        <source>修改筹备组成员</source>
        <translation>Edit group member</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="135" />
        <source>（非本单元住户，如帮帮团志愿者）</source>
        <translation>(not a household of this unit, e.g. a volunteer)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="145" />
        <source>已卸任，截止日期：</source>
        <translation>Left the group on:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="153" />
        <source>住户</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="154" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="155" />
        <source>职务</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="156" />
        <source>任职起始</source>
        <translation>Member since</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="157" />
        <source>任职截止</source>
        <translation>Until</translation>
    </message>
</context>
<context>
    <name>MoneyPanel</name>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="56" />
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="56" />
        <location filename="../../ui/pages/money_panel.py" line="143" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="57" />
        <source>方案</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="57" />
        <source>设计 / 厂家</source>
        <translation>Designer / maker</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="59" />
        <source>变更说明</source>
        <translation>What changed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="60" />
        <source>重大变更</source>
        <translation>Material change</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="60" />
        <source>是</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="61" />
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="64" />
        <source>新方案版本…</source>
        <translation>New plan version…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="72" />
        <source>总价</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="72" />
        <source>政府补贴</source>
        <translation>Government subsidy</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="73" />
        <source>专项维修资金</source>
        <translation>Maintenance fund</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="73" />
        <source>公积金提取</source>
        <translation>Provident fund</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="74" />
        <source>其他来源</source>
        <translation>Other sources</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="74" />
        <location filename="../../ui/pages/money_panel.py" line="118" />
        <source>年维保费</source>
        <translation>Yearly maintenance</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="75" />
        <location filename="../../ui/pages/money_panel.py" line="119" />
        <source>年电费</source>
        <translation>Yearly electricity</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="78" />
        <source>（元）</source>
        <translation> (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="83" />
        <source>补贴到账日期</source>
        <translation>Subsidy credited on</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="83" />
        <source>其他来源说明</source>
        <translation>Other sources note</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="84" />
        <source>集体账户户名</source>
        <translation>Account name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="84" />
        <source>开户行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="85" />
        <source>账号</source>
        <translation>Account number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="85" />
        <source>使用管理人</source>
        <translation>Lift manager</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="86" />
        <source>缴款安排</source>
        <translation>Payment schedule</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="88" />
        <source>补贴状态</source>
        <translation>Subsidy status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="97" />
        <source>保存资金方案</source>
        <translation>Save funding plan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="104" />
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="112" />
        <source>自定义系数，如 3=1 4=1.2 5=1.4 6=1.6</source>
        <translation>custom coefficients, e.g. 3=1 4=1.2 5=1.4 6=1.6</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="115" />
        <location filename="../../ui/pages/money_panel.py" line="137" />
        <location filename="../../ui/pages/money_panel.py" line="143" />
        <source>房号</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="115" />
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="116" />
        <source>系数</source>
        <translation>Coefficient</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="117" />
        <source>应摊金额</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="120" />
        <source>计算说明</source>
        <translation>How it is computed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="124" />
        <source>选中一户，这里显示它的分摊金额是怎么算出来的。</source>
        <translation>Select a household to see how its share is computed.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="129" />
        <source>约定金额…</source>
        <translation>Agreed amount…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="137" />
        <source>应缴</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="139" />
        <source>已缴</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="140" />
        <source>欠缴</source>
        <translation>Outstanding</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="144" />
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="145" />
        <source>收据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="145" />
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="146" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="148" />
        <source>登记缴费…</source>
        <translation>Record payment…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="152" />
        <source>打印费用分摊协议</source>
        <translation>Print cost-sharing agreement</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="155" />
        <source>加梯方案</source>
        <translation>Lift plan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="159" />
        <source>资金方案</source>
        <translation>Funding plan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="163" />
        <source>费用分摊</source>
        <translation>Cost shares</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="166" />
        <source>分摊方案</source>
        <translation>Sharing scheme</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="168" />
        <source>自定义系数</source>
        <translation>Custom coefficients</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="179" />
        <source>集体账户缴费</source>
        <translation>Payments to the collective account</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="217" />
        <source>当前：{label}，{line}</source>
        <translation>Current: {label}, {line}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="219" />
        <source>尚无加梯方案：点“新方案版本…”录入第 1 版。</source>
        <translation>No lift plan yet: click “New plan version…” to enter version 1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="229" />
        <source>业主承担：{amount}</source>
        <translation>Owners' part: {amount}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="230" />
        <source>尚无资金方案：填写总价与补贴后保存。</source>
        <translation>No funding plan yet: enter the total and subsidy, then save.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="243" />
        <source>来源（%1）：%2</source>
        <translation>Source (%1): %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="250" />
        <location filename="../../ui/pages/money_panel.py" line="257" />
        <location filename="../../ui/pages/money_panel.py" line="267" />
        <source>各层分摊（元）</source>
        <translation>Shares by floor (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="267" />
        <source>{n}楼</source>
        <translation>{n}F</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="269" />
        <source>合计 {sum} = 业主承担 {part}。{rule}</source>
        <translation>Sum {sum} = owners' part {part}. {rule}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="276" />
        <source>应缴 {due}，已缴 {paid}，欠缴 {owed}（{n} 户）</source>
        <translation>Due {due}, paid {paid}, outstanding {owed} ({n} households)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/money_panel.py" line="348" />
        <source>请先在分摊表中选中一户。</source>
        <translation>Select a household in the share table first.</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="229" />
        <source>登记异议</source>
        <translation>Register an objection</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="232" />
        <source>（非本项目住户，填写姓名）</source>
        <translation>(not a household of this project: enter a name)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="237" />
        <source>提出人（非住户时必填）</source>
        <translation>Objector (required if not a household)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="240" />
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="240" />
        <source>提出住户</source>
        <translation>Household</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="241" />
        <source>提出人</source>
        <translation>Objector</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="241" />
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
</context>
<context>
    <name>ObjectionPanel</name>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="46" />
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="46" />
        <source>提出人</source>
        <translation>Objector</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="47" />
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="48" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="48" />
        <source>未办结</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="48" />
        <source>已办结</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="49" />
        <location filename="../../ui/pages/objection_panel.py" line="52" />
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="51" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="51" />
        <source>处理经过</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="52" />
        <source>调解会议</source>
        <translation>Mediation meeting</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="53" />
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="56" />
        <source>登记异议…</source>
        <translation>Register objection…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="58" />
        <source>处理/结果…</source>
        <translation>Handling/outcome…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="60" />
        <source>打印异议处理记录</source>
        <translation>Print the objection record</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="90" />
        <source>公示：{start} 至 {end}。</source>
        <translation>Public notice: {start} to {end}. </translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="91" />
        <source>尚未公示。</source>
        <translation>No public notice yet. </translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="92" />
        <source>共 {n} 条异议，{open} 条未办结</source>
        <translation>{n} objection(s), {open} open</translation>
    </message>
    <message>
        <location filename="../../ui/pages/objection_panel.py" line="94" />
        <source>——未办结时不能转入“审批”。</source>
        <translation> — the project cannot move to approval while one is open.</translation>
    </message>
</context>
<context>
    <name>ObjectionStepDialog</name>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="256" />
        <source>异议处理：{who}</source>
        <translation>Objection handling: {who}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="261" />
        <source>（不关联会议）</source>
        <translation>(no meeting)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="265" />
        <source>（仍在处理）</source>
        <translation>(still being handled)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="268" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="268" />
        <source>处理经过</source>
        <translation>Handling</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="269" />
        <source>调解会议</source>
        <translation>Mediation meeting</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="269" />
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
</context>
<context>
    <name>OpenObjectionsPanel</name>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="127" />
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="127" />
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="128" />
        <source>提出人</source>
        <translation>Objector</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="128" />
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="129" />
        <source>最近处理</source>
        <translation>Latest handling</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="117" />
        <source>约定金额：{room}</source>
        <translation>Agreed amount: {room}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="121" />
        <source>元；0 = 不参加，负数 = 补偿；留空取消约定</source>
        <translation>yuan; 0 = not joining, negative = compensation; empty removes it</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="123" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="124" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="127" />
        <source>若日后加入，按协议应补缴 {amount}（取消约定即按此金额分摊）。</source>
        <translation>To join later it pays {amount} under the agreement (removing the agreed amount shares it so).</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="59" />
        <source>全部单元</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="59" />
        <location filename="../../ui/pages/overview_page.py" line="76" />
        <source>已达标</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="60" />
        <source>差 1–2 户</source>
        <translation>1–2 households short</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="60" />
        <source>有反对</source>
        <translation>With opposition</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="61" />
        <source>差距较大</source>
        <translation>Far from passing</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="63" />
        <source>法定（书面）</source>
        <translation>Legal (written)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="64" />
        <source>预测（含意向）</source>
        <translation>Forecast (with intentions)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="71" />
        <source>社区</source>
        <translation>Communities</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="72" />
        <source>小区</source>
        <translation>Estates</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="73" />
        <source>楼栋</source>
        <translation>Buildings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="74" />
        <source>单元</source>
        <translation>Units</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="75" />
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="76" />
        <source>结论</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="76" />
        <source>未达标</source>
        <translation>Not passed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="77" />
        <source>差距</source>
        <translation>Shortfall</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="79" />
        <source>反对</source>
        <translation>Against</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="80" />
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="97" />
        <source>筛选：</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="101" />
        <source>批量打印…</source>
        <translation>Batch print…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="103" />
        <source>各单元意见征询表</source>
        <translation>Consent forms for every unit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="103" />
        <source>各单元书面同意书</source>
        <translation>Consent letters for every unit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="104" />
        <source>各单元公示</source>
        <translation>Public notices for every unit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="116" />
        <source>{place}：各单元同意情况</source>
        <translation>{place}: consent by unit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview_page.py" line="128" />
        <source>共 {n} 个单元：已达标 {passed}，差 1–2 户 {close}，有反对 {opposed}</source>
        <translation>{n} units: {passed} passed, {close} 1–2 households short, {opposed} with opposition</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <location filename="../../ui/widgets/pager.py" line="16" />
        <source>◀ 上一页</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pager.py" line="17" />
        <source>下一页 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/pager.py" line="44" />
        <source>第 {first}–{last} 项，共 {total} 项（第 {page}/{pages} 页）</source>
        <translation>{first}–{last} of {total} (page {page}/{pages})</translation>
    </message>
</context>
<context>
    <name>PartyDialog</name>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="125" />
        <source>登记使用管理人/维保单位</source>
        <translation>Record the lift manager or maintenance company</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="133" />
        <source>合同截止：</source>
        <translation>Contract ends:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="137" />
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="137" />
        <source>名称/姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="138" />
        <source>联系方式</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="138" />
        <source>合同编号</source>
        <translation>Contract number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="139" />
        <source>起始日期</source>
        <translation>From</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="84" />
        <source>登记缴费</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="88" />
        <source>{room}（欠缴 {amount}）</source>
        <translation>{room} (outstanding {amount})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="93" />
        <source>元；退款填负数并写明理由</source>
        <translation>yuan; a refund is negative with a reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="98" />
        <source>银行转账</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="98" />
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="98" />
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="98" />
        <source>支付宝</source>
        <translation>Alipay</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="100" />
        <source>房号</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="100" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="101" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="101" />
        <source>收据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="102" />
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="102" />
        <source>理由</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>PlanVersionDialog</name>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="22" />
        <source>新方案版本</source>
        <translation>New plan version</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="46" />
        <source>元，如 560000</source>
        <translation>yuan, e.g. 560000</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="48" />
        <source>改了什么、为什么改（第 1 版可不填）</source>
        <translation>what changed and why (not needed for version 1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="49" />
        <source>重大变更：此前签的书面意见需重新确认</source>
        <translation>Material change: written forms signed earlier must be confirmed again</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="52" />
        <source>添加图纸等附件…</source>
        <translation>Add drawings and other files…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="54" />
        <source>（无附件）</source>
        <translation>(no attachments)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="56" />
        <source>方案概要</source>
        <translation>Plan summary</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="56" />
        <source>位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="57" />
        <source>入户方式</source>
        <translation>Entry</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="57" />
        <source>载重</source>
        <translation>Load</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="58" />
        <source>停站数</source>
        <translation>Stops</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="58" />
        <source>设计单位</source>
        <translation>Design firm</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="59" />
        <source>电梯厂家</source>
        <translation>Lift maker</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="59" />
        <source>估算造价（元）</source>
        <translation>Estimated cost (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="60" />
        <source>变更说明</source>
        <translation>What changed</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="60" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="61" />
        <source>附件</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="65" />
        <source>选择图纸等附件</source>
        <translation>Choose drawings and other files</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/money_dialogs.py" line="66" />
        <source>图纸和文档 (*.pdf *.dwg *.jpg *.jpeg *.png *.doc *.docx);;所有文件 (*)</source>
        <translation>Drawings and documents (*.pdf *.dwg *.jpg *.jpeg *.png *.doc *.docx);;All files (*)</translation>
    </message>
</context>
<context>
    <name>PositionDialog</name>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="24" />
        <source>记录意见 — {room}</source>
        <translation>Record position — {room}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="35" />
        <source>意见</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="37" />
        <source>有条件支持时写明条件，例如“一楼补偿到位”</source>
        <translation>For a conditional support, state the condition, e.g. “ground floor compensated”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="38" />
        <source>条件</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="40" />
        <source>了解方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="42" />
        <source>（不关联会议）</source>
        <translation>(no meeting)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="48" />
        <source>会议</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="50" />
        <source>答复人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="52" />
        <source>答复人姓名</source>
        <translation>Respondent's name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="54" />
        <source>受托人代为表决时必填</source>
        <translation>Required when a proxy votes</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="55" />
        <source>授权委托书编号</source>
        <translation>Power of attorney no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="56" />
        <source>签字的书面意见（法定有效）</source>
        <translation>Signed written position (legally valid)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="58" />
        <source>征询表或同意书编号</source>
        <translation>Form or consent letter no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="62" />
        <source>书面</source>
        <translation>Written</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="65" />
        <source>理由/备注</source>
        <translation>Reason / note</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="66" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="66" />
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
</context>
<context>
    <name>PositionLegend</name>
    <message>
        <location filename="../../ui/widgets/position_legend.py" line="19" />
        <source>颜色：</source>
        <translation>Colours:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/position_legend.py" line="20" />
        <source>“（书面）”为签字的书面意见，其余为口头意向；有条件支持在预测中按支持计，在法定结论中不计为同意</source>
        <translation>“(written)” marks a signed form, the rest are spoken intentions; a conditional support counts as support in the forecast, not as agreement in the legal verdict</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/position_legend.py" line="31" />
        <source>（书面）= 签字</source>
        <translation>(written) = signed</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <location filename="../../ui/dialogs/preview_dialog.py" line="23" />
        <source>预览 — {name}</source>
        <translation>Preview — {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preview_dialog.py" line="31" />
        <source>编号 {serial}，共 {n} 页</source>
        <translation>Serial {serial}, {n} pages</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preview_dialog.py" line="32" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preview_dialog.py" line="33" />
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preview_dialog.py" line="34" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preview_dialog.py" line="48" />
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preview_dialog.py" line="54" />
        <source>无法保存：{reason}</source>
        <translation>Cannot save: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/preview_dialog.py" line="69" />
        <source>无法开始打印，请检查打印机。</source>
        <translation>Cannot start printing; check the printer.</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <location filename="../../ui/pages/project_page.py" line="51" />
        <source>返回单元名册</source>
        <translation>Back to the roster</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="55" />
        <location filename="../../ui/pages/project_page.py" line="97" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="55" />
        <location filename="../../ui/pages/project_page.py" line="120" />
        <source>阶段</source>
        <translation>Stages</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="56" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="56" />
        <source>详情</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="57" />
        <location filename="../../ui/pages/project_page.py" line="98" />
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="58" />
        <source>推进阶段…</source>
        <translation>Move stage…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="60" />
        <source>连装/连片：加入单元…</source>
        <translation>Multi-unit: add a unit…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="64" />
        <location filename="../../ui/pages/project_page.py" line="84" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="64" />
        <source>职务</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="65" />
        <source>起</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="65" />
        <source>止</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="66" />
        <source>添加成员…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="68" />
        <source>修改/卸任…</source>
        <translation>Edit / end term…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="70" />
        <source>移除（录错时）</source>
        <translation>Remove (entered by mistake)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="74" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="75" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="75" />
        <source>地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="76" />
        <source>议题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="76" />
        <source>决定事项</source>
        <translation>Decisions</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="77" />
        <source>新建会议…</source>
        <translation>New meeting…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="79" />
        <source>修改会议/补记纪要…</source>
        <translation>Edit meeting / add minutes…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="81" />
        <source>删除会议</source>
        <translation>Delete meeting</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="84" />
        <source>房号</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="85" />
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="87" />
        <source>待办</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="87" />
        <source>负责人</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="88" />
        <source>截止</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="88" />
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="89" />
        <source>打印签到表</source>
        <translation>Print sign-in sheet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="90" />
        <source>打印会议纪要</source>
        <translation>Print minutes</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="93" />
        <source>标记待办已完成</source>
        <translation>Mark follow-up done</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="97" />
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="98" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="99" />
        <source>写日记…</source>
        <translation>Write diary…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="101" />
        <source>修改日记…</source>
        <translation>Edit diary entry…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="103" />
        <source>删除日记</source>
        <translation>Delete diary entry</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="123" />
        <source>筹备组</source>
        <translation>Preparation group</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="135" />
        <source>会议</source>
        <translation>Meetings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="139" />
        <source>从</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="141" />
        <source>到</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="151" />
        <source>电梯日记</source>
        <translation>Lift diary</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="154" />
        <source>方案与费用</source>
        <translation>Plan &amp;&amp; costs</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="157" />
        <source>异议</source>
        <translation>Objections</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="160" />
        <source>使用与维保</source>
        <translation>Use and upkeep</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="199" />
        <source>{address}；当前阶段：{stage}</source>
        <translation>{address}; current stage: {stage}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="201" />
        <source>未开始</source>
        <translation>not started</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="205" />
        <source>；另含 {n} 个单元：{units}</source>
        <translation>; also covers {n} unit(s): {units}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="277" />
        <source>从筹备组移除“{name}”？只用于录错的成员；卸任请用“修改/卸任”填写截止日期。</source>
        <translation>Remove “{name}” from the group? Only for members entered by mistake; to end a term, use “Edit / end term” and give the end date.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="292" />
        <source>删除会议“{topic}”（{time}，{n} 人参会）及其待办？可按 Ctrl+Z 撤销。</source>
        <translation>Delete the meeting “{topic}” ({time}, {n} attendees) and its follow-ups? Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="301" />
        <source>请选择一条手写的日记（类别为“日记”）。阶段、会议、意见和文书请在各自的页面修改。</source>
        <translation>Choose a hand-written diary entry (kind “diary”). Stages, meetings, positions and documents are edited on their own pages.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/project_page.py" line="312" />
        <source>删除 {date} 的日记“{text}”？</source>
        <translation>Delete the diary entry of {date} “{text}”?</translation>
    </message>
</context>
<context>
    <name>QuickCreateDialog</name>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="108" />
        <source>按楼层批量生成住户</source>
        <translation>Create households by floor</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="118" />
        <source>楼层数</source>
        <translation>Floors</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="119" />
        <source>每层户数</source>
        <translation>Rooms per floor</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="120" />
        <source>默认面积（m²，之后可逐户修改）</source>
        <translation>Default area (m², editable per household afterwards)</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../ui/dialogs/receipt_dialog.py" line="85" />
        <source>录入回执</source>
        <translation>Enter returned forms</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receipt_dialog.py" line="88" />
        <source>输入或扫描表格上的编号，回车打开</source>
        <translation>Type or scan the serial on the form, then Enter</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receipt_dialog.py" line="90" />
        <source>选中一户后按 1 同意、2 不同意、3 弃权、0 清除；自动跳到下一户。</source>
        <translation>Select a household and press 1 agree, 2 disagree, 3 abstain, 0 clear; the next household follows.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receipt_dialog.py" line="95" />
        <source>保存（记为签字书面意见）</source>
        <translation>Save (as signed written positions)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receipt_dialog.py" line="98" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receipt_dialog.py" line="101" />
        <source>编号：</source>
        <translation>Serial:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receipt_dialog.py" line="122" />
        <source>{serial}：共 {n} 户。选中一户后按 1 同意、2 不同意、3 弃权、0 清除。</source>
        <translation>{serial}: {n} households. Select one and press 1 agree, 2 disagree, 3 abstain, 0 clear.</translation>
    </message>
</context>
<context>
    <name>ReceiptModel</name>
    <message>
        <location filename="../../ui/dialogs/receipt_dialog.py" line="40" />
        <source>房号</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receipt_dialog.py" line="40" />
        <source>业主</source>
        <translation>Owners</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receipt_dialog.py" line="40" />
        <source>已录入</source>
        <translation>Already entered</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/receipt_dialog.py" line="40" />
        <source>本次录入</source>
        <translation>This entry</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <location filename="../../ui/lock.py" line="149" />
        <source>数据库已加密：请保管恢复码</source>
        <translation>The database is encrypted: keep the recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="151" />
        <source>数据库文件和备份现已加密。所有登录的密码都忘记时，只有下面的恢复码能打开它。请抄写或打印后锁入保险柜；本程序不保存恢复码，关闭本窗口后无法再次显示。</source>
        <translation>The database file and its backups are now encrypted. If every login's password is forgotten, only the recovery code below opens it. Write it down or print it and lock it away; LiftDesk does not keep it and cannot show it again once this window is closed.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="159" />
        <source>恢复单编号：{code_id}</source>
        <translation>Recovery sheet no.: {code_id}</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="165" />
        <source>我已抄好</source>
        <translation>I have written it down</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="166" />
        <source>存为 PDF 打印…</source>
        <translation>Save as PDF to print…</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="177" />
        <source>保存恢复单</source>
        <translation>Save the recovery sheet</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="185" />
        <source>已保存：{path}。打印后请删除这个文件：凭恢复码即可打开数据库。</source>
        <translation>Saved: {path}. Delete this file once printed: the recovery code alone opens the database.</translation>
    </message>
</context>
<context>
    <name>RecyclePage</name>
    <message>
        <location filename="../../ui/pages/recycle_page.py" line="24" />
        <source>回收站</source>
        <translation>Recycle bin</translation>
    </message>
    <message>
        <location filename="../../ui/pages/recycle_page.py" line="26" />
        <source>删除的内容保存在这里，随时可以恢复。</source>
        <translation>Deleted items are kept here and can be restored at any time.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/recycle_page.py" line="28" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/pages/recycle_page.py" line="29" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/recycle_page.py" line="30" />
        <source>删除时间</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <location filename="../../ui/pages/recycle_page.py" line="55" />
        <source>恢复 {n} 项（{names}）？恢复的住户会重新计入同意比例。</source>
        <translation>Restore {n} items ({names})? Restored households count again in the consent figures.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/recycle_page.py" line="33" />
        <source>恢复所选</source>
        <translation>Restore selected</translation>
    </message>
</context>
<context>
    <name>RevokeStationDialog</name>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="92" />
        <source>撤销工作站</source>
        <translation>Revoke station</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="94" />
        <source>撤销工作站“{name}”（编号 {id}）？撤销后，它以后送来的文件一律拒收；已收到的数据保留，它的待审记录只能拒绝。电脑丢失、被盗或密钥外泄时使用。撤销不能取消：要再用这台电脑，只能用空数据库重新登记（新的密钥和指纹）。</source>
        <translation>Revoke station “{name}” (id {id})? From now on every file it sends is refused; what arrived before stays, and its held rows can only be rejected. Use this when a PC is lost or stolen or its key leaked. It cannot be undone: to use that PC again, enrol an empty database (a new key and fingerprint).</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="99" />
        <source>要撤销的密钥指纹：</source>
        <translation>Key fingerprint to revoke:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="111" />
        <source>撤销该工作站</source>
        <translation>Revoke this station</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="23" />
        <source>本区设置</source>
        <translation>District settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="35" />
        <source>按单元（一个楼道一部电梯）</source>
        <translation>Per unit (one lift per stairwell)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="36" />
        <source>按整幢楼</source>
        <translation>Per building</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="38" />
        <source>法定结论只计签字的书面意见</source>
        <translation>The legal verdict counts only signed written consents</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="44" />
        <source>个工作日（节假日不计）</source>
        <translation>working days (holidays not counted)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="45" />
        <source>日（自然日，节假日计入）</source>
        <translation>calendar days (holidays counted)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="51" />
        <source>印在公示上，如：王马社区居委会一楼</source>
        <translation>printed on the notice, e.g. 王马社区居委会一楼</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="58" />
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="65" />
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="67" />
        <source>统计范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="69" />
        <source>公示期</source>
        <translation>Notice period</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="70" />
        <source>社区办公地址</source>
        <translation>Office address</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="71" />
        <source>社区电话</source>
        <translation>Office phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="72" />
        <source>费用分摊方案</source>
        <translation>Cost-sharing preset</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/rule_dialog.py" line="81" />
        <source>来源（%1）：%2</source>
        <translation>Source (%1): %2</translation>
    </message>
</context>
<context>
    <name>RunningPaymentDialog</name>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="193" />
        <source>登记运行费用缴款</source>
        <translation>Record a running-cost payment</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="196" />
        <source>{year} 年 {room}（应缴 {billed}，未缴 {owed}）</source>
        <translation>{year} {room} (billed {billed}, owed {owed})</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="208" />
        <source>银行转账</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="208" />
        <source>微信</source>
        <translation>WeChat</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="208" />
        <source>现金</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="210" />
        <source>退款（负数）时必填</source>
        <translation>required for a refund (negative)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="211" />
        <source>账单</source>
        <translation>Bill</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="211" />
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="212" />
        <source>缴款日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="212" />
        <source>收据号</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="213" />
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="213" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../ui/pages/search_page.py" line="31" />
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="32" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="33" />
        <source>小区</source>
        <translation>Estate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="34" />
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="35" />
        <source>单元</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="36" />
        <source>房号</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="37" />
        <source>业主</source>
        <translation>Owners</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="38" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="46" />
        <source>显示更多</source>
        <translation>Show more</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="65" />
        <source>正在搜索“{q}”…</source>
        <translation>Searching “{q}”…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="80" />
        <source>“{q}”：已显示前 {n} 条，可点“显示更多”或输入更多字词缩小范围</source>
        <translation>“{q}”: showing the first {n}; press “Show more” or add words to narrow the search</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="83" />
        <source>“{q}”：找到 {n} 户</source>
        <translation>“{q}”: {n} households found</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="94" />
        <source>搜索出错：{error}</source>
        <translation>Search failed: {error}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="15" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="27" />
        <source> 磅</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="31" />
        <source>界面语言（重启后生效）</source>
        <translation>Language (after restart)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="32" />
        <source>字号</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="33" />
        <source>多少天无进展算停滞</source>
        <translation>Days without activity before a project counts as idle</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="36" />
        <source>公示：受理异议的社区地址</source>
        <translation>Notice: community address for objections</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="37" />
        <source>公示：受理异议的社区电话</source>
        <translation>Notice: community phone for objections</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="39" />
        <source>站点锁与隐私…</source>
        <translation>Station lock and privacy…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="42" />
        <source>站点</source>
        <translation>Station</translation>
    </message>
</context>
<context>
    <name>SignedFormDialog</name>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="112" />
        <source>记录签字的书面意见 — {room}</source>
        <translation>Record a signed written form — {room}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="114" />
        <source>意见</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="116" />
        <source>征询表或同意书编号</source>
        <translation>Form or consent letter no.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="117" />
        <source>表格编号</source>
        <translation>Form number</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="119" />
        <source>有条件支持时写明条件，例如“一楼补偿到位”</source>
        <translation>For a conditional support, state the condition, e.g. “ground floor compensated”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="121" />
        <source>条件</source>
        <translation>Condition</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="122" />
        <source>签字日期</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/position_dialog.py" line="122" />
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="75" />
        <source>推进项目阶段</source>
        <translation>Move the project's stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="83" />
        <source>回退、跳过、暂停或终止时必填</source>
        <translation>Required when going back, skipping, pausing or stopping</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="89" />
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="90" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="91" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="92" />
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="96" />
        <source>有 {n} 条异议未办结：确需推进审批，请写明理由（记录在案）</source>
        <translation>{n} objection(s) open: to go ahead with approval, give the reason (it is recorded)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/project_dialogs.py" line="98" />
        <source>带异议推进理由</source>
        <translation>Reason to go ahead</translation>
    </message>
</context>
<context>
    <name>StationDialog</name>
    <message>
        <location filename="../../ui/lock.py" line="305" />
        <source>站点与隐私</source>
        <translation>Station and privacy</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="307" />
        <source>开启站点锁（打开程序时和离开一段时间后需要登录）</source>
        <translation>Station lock on (log in when the program opens and after being away)</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="312" />
        <source> 分钟无操作后自动锁定</source>
        <translation> idle minutes before it locks</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="316" />
        <source>登录名（如 王姐）</source>
        <translation>Login name (e.g. 王姐)</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="319" />
        <source>密码（至少 6 位）</source>
        <translation>Password (at least 6 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="320" />
        <source>添加登录</source>
        <translation>Add login</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="323" />
        <source>删除所选登录</source>
        <translation>Remove the selected login</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="326" />
        <source>保存完整身份证号（默认只保存后四位和校验码）</source>
        <translation>Keep whole ID numbers (by default only the last four and a check code)</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="339" />
        <source>站点锁</source>
        <translation>Station lock</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="344" />
        <source>登录（每位工作人员一个，变更记录里记下是谁改的）</source>
        <translation>Logins (one per staff member; the change log records who changed what)</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="393" />
        <source>加密数据库</source>
        <translation>Encrypt the database</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="393" />
        <source>开启站点锁会加密数据库文件。请输入“{name}”的密码：</source>
        <translation>Turning the station lock on encrypts the database file. Enter the password of “{name}”:</translation>
    </message>
</context>
<context>
    <name>StationEnrolDialog</name>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="162" />
        <source>登记为工作站</source>
        <translation>Enrol as a station</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="164" />
        <source>用区加梯办发来的区公钥文件登记本库。登记后导出第一个同步文件交给区加梯办，并在电话里把下面显示的编号和密钥指纹念给对方核对。</source>
        <translation>Enrol this database with the district office's public key file. Then export a first sync file for the district office, and read the id and key fingerprint shown below to them over the phone.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="170" />
        <source>例如 潮鸣街道工作站</source>
        <translation>e.g. Chaoming street station</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="171" />
        <source>工作站名称</source>
        <translation>Station name</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="174" />
        <source>尚未选择</source>
        <translation>not chosen yet</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="175" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="177" />
        <source>区公钥文件</source>
        <translation>District public key file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="186" />
        <source>由区里确认时指定（可留空）</source>
        <translation>set by the district when it accepts this station (may stay empty)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="187" />
        <source>范围（街道[/社区]）</source>
        <translation>Scope (street[/community])</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="194" />
        <source>登记</source>
        <translation>Enrol</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="197" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="205" />
        <source>选择区公钥文件</source>
        <translation>Choose the district's public key file</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="217" />
        <source>{name} 区加梯办，区密钥指纹 {fp}</source>
        <translation>{name} district office, district key fingerprint {fp}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="222" />
        <source>请先选择区公钥文件。</source>
        <translation>Choose the district's public key file first.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="233" />
        <source>工作站“{name}”已登记。导出第一个同步文件交给区加梯办，并在电话里念出：</source>
        <translation>Station “{name}” is enrolled. Export the first sync file for the district office, and read out over the phone:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="234" />
        <source>编号　{id}</source>
        <translation>Id  {id}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/enrol_dialogs.py" line="234" />
        <source>指纹　{fp}</source>
        <translation>Fingerprint  {fp}</translation>
    </message>
</context>
<context>
    <name>StationLock</name>
    <message>
        <location filename="../../ui/lock.py" line="228" />
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="268" />
        <source>锁定时关闭了未保存的窗口（输入未保存）：{titles}</source>
        <translation>Closed when locking, input not saved: {titles}</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="292" />
        <source>已登录：{name}</source>
        <translation>Logged in: {name}</translation>
    </message>
</context>
<context>
    <name>StationScopeDialog</name>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="54" />
        <source>指定工作站范围</source>
        <translation>Set a station's scope</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="56" />
        <source>工作站“{name}”负责的范围，每行一个地址（街道或 街道/社区）。下一份回执会告诉工作站，并带去新范围内的数据。</source>
        <translation>What station “{name}” answers for, one address a line (street or street/community). The next receipt tells the station and brings the data of its new scope.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/station_dialogs.py" line="66" />
        <source>加入此地址</source>
        <translation>Add this address</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="79" />
        <source>数据同步</source>
        <translation>Data sync</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="84" />
        <source>导出同步文件…</source>
        <translation>Export sync file…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="86" />
        <source>应用回执…</source>
        <translation>Apply receipt…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="88" />
        <source>导入同步文件…</source>
        <translation>Import sync file…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="90" />
        <source>给所选工作站写回执…</source>
        <translation>Write a receipt for the selected station…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="92" />
        <source>设置区密钥…</source>
        <translation>Set up the district key…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="94" />
        <source>登记为工作站…</source>
        <translation>Enrol as a station…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="96" />
        <source>从恢复单恢复区密钥…</source>
        <translation>Recover the district key from the sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="121" />
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="121" />
        <source>收到</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="121" />
        <source>发出</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="122" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="122" />
        <source>回执</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="122" />
        <source>同步文件</source>
        <translation>Sync file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="123" />
        <location filename="../../ui/pages/sync_page.py" line="132" />
        <location filename="../../ui/pages/sync_page.py" line="190" />
        <source>工作站</source>
        <translation>Station</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="124" />
        <location filename="../../ui/pages/sync_page.py" line="134" />
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="125" />
        <source>序号范围</source>
        <translation>Sequence range</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="127" />
        <source>内容</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="133" />
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="134" />
        <source>密钥指纹</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="135" />
        <source>最后文件</source>
        <translation>Last file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="126" />
        <source>时间（{zone}）</source>
        <translation>Time ({zone})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="98" />
        <source>确认新工作站…</source>
        <translation>Accept a new station…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="100" />
        <source>指定范围…</source>
        <translation>Set scope…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="102" />
        <location filename="../../ui/pages/sync_page.py" line="226" />
        <source>待审记录…</source>
        <translation>Held rows…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="104" />
        <source>撤销工作站…</source>
        <translation>Revoke station…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="136" />
        <source>最后收到（{zone}）</source>
        <translation>Last received ({zone})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="138" />
        <source>缺少</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="139" />
        <source>待审</source>
        <translation>Held</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="140" />
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="140" />
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="141" />
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="141" />
        <source>待确认（暂存 {n} 个文件）</source>
        <translation>Awaiting acceptance ({n} file(s) kept)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="146" />
        <source>位置</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="146" />
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="147" />
        <location filename="../../ui/pages/sync_page.py" line="166" />
        <source>此处的值</source>
        <translation>Value here</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="148" />
        <location filename="../../ui/pages/sync_page.py" line="167" />
        <source>对方的值</source>
        <translation>Their value</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="149" />
        <source>对方</source>
        <translation>Other side</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="153" />
        <source>对照</source>
        <translation>Side by side</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="171" />
        <source>保留此值</source>
        <translation>Keep this</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="172" />
        <source>保留彼值</source>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="173" />
        <source>手动填写…</source>
        <translation>Enter a value…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="187" />
        <source>文件记录</source>
        <translation>Files</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="188" />
        <source>冲突</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="189" />
        <source>首次收到工作站文件时登记其密钥指纹；密钥变化或已撤销的工作站，文件一律拒收。</source>
        <translation>A station's key fingerprint is pinned on its first file; files from a changed key or a revoked station are refused.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="207" />
        <source>本库是区加梯办（{name}）。区密钥指纹：{fp}</source>
        <translation>This database is the district office ({name}). District key fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="211" />
        <source>本库是工作站“{name}”（编号 {id}，范围 {scope}）。本站密钥指纹：{fp}</source>
        <translation>This database is station “{name}” (id {id}, scope {scope}). Station key fingerprint: {fp}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="212" />
        <source>全区</source>
        <translation>whole district</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="214" />
        <source>本库尚未登记。区加梯办点“设置区密钥…”（只做一次）；工作站点“登记为工作站…”，选择区加梯办发来的区公钥文件。</source>
        <translation>This database is not enrolled yet. The district office clicks “Set up the district key…” (once); a station clicks “Enrol as a station…” and chooses the district office's public key file.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="226" />
        <source>待审记录（{n}）…</source>
        <translation>Held rows ({n})…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="228" />
        <source>冲突（{n}）</source>
        <translation>Conflicts ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="277" />
        <source>导出同步文件</source>
        <translation>Export sync file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="292" />
        <source>导入同步文件</source>
        <translation>Import sync file</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="296" />
        <source>区密钥口令</source>
        <translation>District key passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="296" />
        <source>请输入区密钥口令：</source>
        <translation>Enter the district key passphrase:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="310" />
        <source>现在导入吗？</source>
        <translation>Import it now?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="340" />
        <source>请先在“工作站”页选中一个工作站。</source>
        <translation>Select a station on the Stations tab first.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="410" />
        <source>写回执</source>
        <translation>Write receipt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="422" />
        <source>应用回执</source>
        <translation>Apply receipt</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="439" />
        <source>没有未解决的冲突。</source>
        <translation>No open conflicts.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="450" />
        <source>手动填写</source>
        <translation>Enter a value</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync_page.py" line="450" />
        <source>{field} 的值：</source>
        <translation>Value of {field}:</translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="34" />
        <source>设定年度目标</source>
        <translation>Set yearly targets</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="47" />
        <source> 台</source>
        <translation> lifts</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="50" />
        <source>街道</source>
        <translation>Streets</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="50" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="51" />
        <source>开工目标</source>
        <translation>Start target</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="51" />
        <source>交付目标</source>
        <translation>Handover target</translation>
    </message>
</context>
<context>
    <name>TargetsPanel</name>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="76" />
        <source>设定目标…</source>
        <translation>Set targets…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="79" />
        <source>街道</source>
        <translation>Streets</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="80" />
        <source>开工目标</source>
        <translation>Start target</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="81" />
        <source>已开工</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="82" />
        <source>开工差额</source>
        <translation>Start gap</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="83" />
        <source>交付目标</source>
        <translation>Handover target</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="84" />
        <source>已交付</source>
        <translation>Handed over</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="85" />
        <source>交付差额</source>
        <translation>Handover gap</translation>
    </message>
    <message>
        <location filename="../../ui/pages/targets_panel.py" line="89" />
        <source>年度：</source>
        <translation>Year:</translation>
    </message>
</context>
<context>
    <name>TeamsPage</name>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="51" />
        <source>帮帮团与成员</source>
        <translation>Helper teams and members</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="54" />
        <location filename="../../ui/pages/teams_page.py" line="139" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="54" />
        <location filename="../../ui/pages/teams_page.py" line="140" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="55" />
        <source>成员数</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="59" />
        <location filename="../../ui/pages/teams_page.py" line="181" />
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="59" />
        <location filename="../../ui/pages/teams_page.py" line="182" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="60" />
        <location filename="../../ui/pages/teams_page.py" line="183" />
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="65" />
        <source>新增帮帮团…</source>
        <translation>Add team…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="66" />
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="67" />
        <source>删除帮帮团</source>
        <translation>Delete team</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="68" />
        <source>新增成员…</source>
        <translation>Add member…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="69" />
        <source>修改成员…</source>
        <translation>Edit member…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="70" />
        <source>删除成员</source>
        <translation>Delete member</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="76" />
        <location filename="../../ui/pages/teams_page.py" line="120" />
        <source>成员</source>
        <translation>Members</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="85" />
        <source>帮帮团</source>
        <translation>Helper teams</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="120" />
        <source>{team} 的成员</source>
        <translation>Members of {team}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="132" />
        <source>修改帮帮团</source>
        <translation>Edit team</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="132" />
        <source>新增帮帮团</source>
        <translation>Add team</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="156" />
        <source>删除帮帮团“{name}”及其 {n} 名成员？可按 Ctrl+Z 撤销。</source>
        <translation>Delete the team “{name}” and its {n} members? Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="174" />
        <source>修改成员</source>
        <translation>Edit member</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="174" />
        <source>新增成员</source>
        <translation>Add member</translation>
    </message>
    <message>
        <location filename="../../ui/pages/teams_page.py" line="197" />
        <source>删除成员“{name}”？可按 Ctrl+Z 撤销。</source>
        <translation>Delete the member “{name}”? Ctrl+Z undoes it.</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../ui/pages/today_page.py" line="24" />
        <source>今日</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="26" />
        <source>项目</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="28" />
        <source>逾期待办</source>
        <translation>Overdue follow-ups</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="28" />
        <location filename="../../ui/pages/today_page.py" line="31" />
        <source>截止</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="29" />
        <location filename="../../ui/pages/today_page.py" line="32" />
        <source>待办</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="30" />
        <location filename="../../ui/pages/today_page.py" line="42" />
        <source>逾期天数</source>
        <translation>Days overdue</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="31" />
        <source>近 7 天待办</source>
        <translation>Due in 7 days</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="33" />
        <source>本周会议</source>
        <translation>Meetings this week</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="33" />
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="34" />
        <source>议题</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="35" />
        <source>长期无进展</source>
        <translation>Idle projects</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="35" />
        <source>最近活动</source>
        <translation>Last activity</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="36" />
        <source>无进展天数</source>
        <translation>Idle days</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="37" />
        <location filename="../../ui/pages/today_page.py" line="38" />
        <source>阶段</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="38" />
        <source>阶段停留过久</source>
        <translation>Waiting on a stage too long</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="39" />
        <source>自</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="40" />
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="41" />
        <source>使用与维保到期</source>
        <translation>Upkeep due</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="41" />
        <location filename="../../ui/pages/today_page.py" line="44" />
        <source>事项</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="44" />
        <source>公示与异议</source>
        <translation>Public notices and objections</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="45" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="58" />
        <source>所选待办已完成（空格键）</source>
        <translation>Selected follow-up done (Space)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="95" />
        <source>已完成：{text}（按 Ctrl+Z 撤销）</source>
        <translation>Done: {text} (Ctrl+Z undoes it)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/today_page.py" line="102" />
        <source>{caption}（{n}）</source>
        <translation>{caption} ({n})</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="135" />
        <source>{room} 过户</source>
        <translation>Sale of {room}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="138" />
        <source>原业主</source>
        <translation>Previous owners</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="140" />
        <source>新业主，共有人用“、”分隔</source>
        <translation>New owners, co-owners separated by “、”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="143" />
        <source>新业主</source>
        <translation>New owners</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="144" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="145" />
        <source>过户日期</source>
        <translation>Date of sale</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="146" />
        <source>过户后，原业主的意见保留在记录中，但不再计入表决；新业主从未表态开始。</source>
        <translation>After the sale the previous owners' positions stay in the history but no longer count; the new owners start with no position.</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="109" />
        <source>住户名册</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="110" />
        <source>楼层视图</source>
        <translation>Building view</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="113" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="114" />
        <source>意见</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="116" />
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="117" />
        <source>答复人</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="119" />
        <source>书面</source>
        <translation>Written</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="119" />
        <source>是 </source>
        <translation>yes </translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="119" />
        <source>否</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="120" />
        <source>理由/备注</source>
        <translation>Reason / note</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="121" />
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="143" />
        <source>新增住户</source>
        <translation>Add household</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="156" />
        <source>按楼层批量生成</source>
        <translation>Create by floor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="157" />
        <source>删除住户（移入回收站）</source>
        <translation>Delete household (to recycle bin)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="144" />
        <source>导入名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="158" />
        <source>导出名册…</source>
        <translation>Export roster…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="145" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="126" />
        <location filename="../../ui/pages/unit_page.py" line="312" />
        <source>意见记录</source>
        <translation>Positions</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="140" />
        <source>记录意见…</source>
        <translation>Record position…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="141" />
        <source>在名册中选中一户按 1–5 记录意见（1 支持 2 反对 3 弃权 4 未表态 5 有条件）；签字的书面意见按 Shift+1–5，再输入表格编号</source>
        <translation>Select a household in the roster and press 1–5 (1 support 2 oppose 3 abstain 4 no answer 5 conditional); a signed form: Shift+1–5, then its number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="147" />
        <source>意见征询表</source>
        <translation>Consent form</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="147" />
        <source>书面同意书（每户一页）</source>
        <translation>Consent letters (one page per household)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="148" />
        <source>公示（姓名电话已隐去）</source>
        <translation>Public notice (names and phones masked)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="148" />
        <source>授权委托书（空白）</source>
        <translation>Power of attorney (blank)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="149" />
        <source>电梯日记</source>
        <translation>Lift diary</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="149" />
        <source>走访清单</source>
        <translation>Visit list</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="152" />
        <source>项目与日记</source>
        <translation>Project and diary</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="154" />
        <source>更多…</source>
        <translation>More…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="169" />
        <source>清除个人信息…</source>
        <translation>Erase personal data…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="174" />
        <source>产权信息（占用专有部分、不动产权证号）…</source>
        <translation>Property facts (occupied flat, certificate no.)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="177" />
        <source>过户…</source>
        <translation>Sale (过户)…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="315" />
        <source>{room} 的意见记录（最新在上）</source>
        <translation>Positions of {room} (newest first)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="316" />
        <source>{room} 意见记录</source>
        <translation>{room} positions</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="324" />
        <source>{room} 的“{position}”是口头的（{how}），只计入预测。拿到签字表后选中该户按 Shift+1–5，输入表格编号回车。</source>
        <translation>{room}'s “{position}” was spoken ({how}): forecast only. With the signed form, select the household, press Shift+1–5, type the form number, Enter.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="327" />
        <source>{room} 最新的意见“{position}”是口头的（{how}）：只计入预测，不计入法定结论。拿到签字的书面意见后，在名册中选中该户按 Shift+1–5（1 支持 2 反对 3 弃权 4 未表态 5 有条件），再输入表格编号并回车。</source>
        <translation>{room}'s latest position “{position}” was spoken ({how}): it counts in the forecast, not in the legal verdict. Once the signed form is in, select the household and press Shift+1–5 (1 support 2 oppose 3 abstain 4 no answer 5 conditional), then type the form number and press Enter.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="338" />
        <source>共 {n} 户，总面积 {area} m²</source>
        <translation>{n} households, {area} m² in all</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="340" />
        <source>；加梯项目：{name}（{stage}）</source>
        <translation>; lift project: {name} ({stage})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="340" />
        <source>未开始</source>
        <translation>not started</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="342" />
        <source>；尚未立项加梯</source>
        <translation>; no lift project yet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="422" />
        <source>将 {room} 移入回收站？这会改变本单元的同意比例。</source>
        <translation>Move {room} to the recycle bin? This changes the consent figures of this unit.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="423" />
        <source>将 {n} 户（{rooms}）移入回收站？这会改变本单元的同意比例。</source>
        <translation>Move {n} households ({rooms}) to the recycle bin? This changes the consent figures of this unit.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="429" />
        <source>已将 {n} 户移入回收站，可在回收站恢复或按 Ctrl+Z 撤销。</source>
        <translation>Moved {n} households to the recycle bin; restore them there or press Ctrl+Z.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="440" />
        <source>清除 {room} 室业主 {names} 的姓名、电话和身份证号？
变更记录里的也一并清除，不能撤销；户数、面积和意见都保留。</source>
        <translation>Erase the name, phone and ID number of {names}, owner of room {room}?
They are erased from the change log too and cannot be brought back; households, areas and positions stay.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="481" />
        <source>导出名册</source>
        <translation>Export roster</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="482" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="490" />
        <source>名册已导出：{path}</source>
        <translation>Roster exported: {path}</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../ui/lock.py" line="82" />
        <source>登录 LiftDesk</source>
        <translation>Log in to LiftDesk</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="87" />
        <source>忘记密码：用打印的恢复码打开</source>
        <translation>Forgot the password: open with the printed recovery code</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="89" />
        <source>恢复码（32 个字母和数字，空格可省略）</source>
        <translation>Recovery code (32 letters and digits; spaces optional)</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="96" />
        <source>本数据库已加密（站点锁已开启）：登录后才能打开。</source>
        <translation>This database is encrypted (the station lock is on): log in to open it.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="97" />
        <source>登录名</source>
        <translation>Login name</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="98" />
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="103" />
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="104" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UpkeepPanel</name>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="59" />
        <source>登记维保…</source>
        <translation>Record visit…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="59" />
        <source>登记年检…</source>
        <translation>Record inspection…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="60" />
        <source>登记保险…</source>
        <translation>Record insurance…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="60" />
        <source>登记故障…</source>
        <translation>Record fault…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="61" />
        <source>管理人/维保单位…</source>
        <translation>Manager/company…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="61" />
        <source>登记运行费用…</source>
        <translation>Record running cost…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="62" />
        <source>出具年度账单…</source>
        <translation>Issue yearly bills…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="62" />
        <source>登记缴费…</source>
        <translation>Record payment…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="67" />
        <source>打印年度维保记录</source>
        <translation>Print the yearly upkeep record</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="72" />
        <location filename="../../ui/pages/upkeep_panel.py" line="84" />
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="72" />
        <source>维保单位</source>
        <translation>Maintenance company</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="73" />
        <source>维保情况</source>
        <translation>Findings</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="73" />
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="75" />
        <source>检验日期</source>
        <translation>Inspected on</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="75" />
        <source>结论</source>
        <translation>Verdict</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="76" />
        <source>下次检验</source>
        <translation>Next due</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="76" />
        <source>合格证编号</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="79" />
        <source>保险公司</source>
        <translation>Insurer</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="79" />
        <source>保障</source>
        <translation>Cover</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="80" />
        <location filename="../../ui/pages/upkeep_panel.py" line="89" />
        <source>起</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="80" />
        <source>止</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="81" />
        <source>年限</source>
        <translation>Years</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="81" />
        <source>保单号</source>
        <translation>Policy number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="84" />
        <source>停梯（小时）</source>
        <translation>Out of service (h)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="86" />
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="86" />
        <source>维修</source>
        <translation>Repair</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="88" />
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="88" />
        <source>名称/姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="89" />
        <source>合同截止</source>
        <translation>Contract ends</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="90" />
        <source>合同编号</source>
        <translation>Contract number</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="92" />
        <location filename="../../ui/pages/upkeep_panel.py" line="98" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="92" />
        <source>费用</source>
        <translation>Costs</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="93" />
        <source>已出账</source>
        <translation>Billed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="94" />
        <location filename="../../ui/pages/upkeep_panel.py" line="100" />
        <source>已缴</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="95" />
        <location filename="../../ui/pages/upkeep_panel.py" line="101" />
        <source>未缴</source>
        <translation>Owed</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="96" />
        <source>欠费户数</source>
        <translation>Households owing</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="98" />
        <source>房号</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="99" />
        <source>应缴</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="102" />
        <source>出账日期</source>
        <translation>Billed on</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="107" />
        <source>维保</source>
        <translation>Maintenance</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="107" />
        <source>年检</source>
        <translation>Inspections</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="108" />
        <source>保险</source>
        <translation>Insurance</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="108" />
        <source>故障</source>
        <translation>Faults</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="109" />
        <source>管理人与维保单位</source>
        <translation>Manager and company</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="109" />
        <source>运行费用</source>
        <translation>Running costs</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="111" />
        <source>各户账单</source>
        <translation>Household bills</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="112" />
        <source>电梯交付使用后，在这里登记维保、年检、保险、故障和运行费用。</source>
        <translation>Once the lift is handed over, record its maintenance, inspections, insurance, faults and running costs here.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="134" />
        <source>使用管理人：{manager}；维保单位：{company}{term}；下次年检：{next}；保险：{insurance}</source>
        <translation>Lift manager: {manager}; maintenance: {company}{term}; next inspection: {next}; insurance: {insurance}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="136" />
        <source>（合同至 {date}）</source>
        <translation> (contract to {date})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/upkeep_panel.py" line="141" />
        <source>待办：{items}</source>
        <translation>Due: {items}</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <location filename="../../ui/widgets/verdict_panel.py" line="126" />
        <source>规则：{name}</source>
        <translation>Rule: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/verdict_panel.py" line="64" />
        <source>法定（只计签字）</source>
        <translation>Legal (signed only)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/verdict_panel.py" line="65" />
        <source>法定结论只计签字的书面意见</source>
        <translation>The legal verdict counts only signed written consents</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/verdict_panel.py" line="66" />
        <source>预测（含口头）</source>
        <translation>Forecast (with spoken)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/verdict_panel.py" line="67" />
        <source>预测也计入口头意向</source>
        <translation>The forecast also counts spoken intentions</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/verdict_panel.py" line="78" />
        <source>建议走访（最可能签字的在前）：</source>
        <translation>Visit next (most likely to sign first):</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/verdict_panel.py" line="79" />
        <source>建议走访：最少人数，最可能签字的在前，按楼层从高到低</source>
        <translation>Visit next: fewest people, most likely to sign first, top floors first</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/verdict_panel.py" line="89" />
        <source>打印走访清单…</source>
        <translation>Print visit list…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/verdict_panel.py" line="142" />
        <source>已达标</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/verdict_panel.py" line="145" />
        <source>未达标</source>
        <translation>Not passed</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/verdict_panel.py" line="152" />
        <source>有条件支持：{rooms}</source>
        <translation>Conditional support: {rooms}</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="46" />
        <source>登记维保</source>
        <translation>Record a maintenance visit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="51" />
        <source>维保日期</source>
        <translation>Visited on</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="52" />
        <source>维保单位</source>
        <translation>Maintenance company</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="53" />
        <source>维保情况</source>
        <translation>Findings</translation>
    </message>
</context>
<context>
    <name>WaitIndicator</name>
    <message>
        <location filename="../../ui/busy_wait.py" line="22" />
        <source>另一程序正在写入数据库，等待中…</source>
        <translation>Another program is writing to the database; waiting…</translation>
    </message>
    <message>
        <location filename="../../ui/busy_wait.py" line="23" />
        <source>取消等待</source>
        <translation>Stop waiting</translation>
    </message>
</context>
<context>
    <name>YearTableModel</name>
    <message>
        <location filename="../../ui/pages/district_page.py" line="64" />
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="67" />
        <source>在建</source>
        <translation>Under construction</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="67" />
        <source>合计（含在建）</source>
        <translation>Total (incl. under construction)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/district_page.py" line="67" />
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>_LiftDialog</name>
    <message>
        <location filename="../../ui/dialogs/upkeep_dialogs.py" line="41" />
        <source>记录人</source>
        <translation>Recorded by</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="99" />
        <source>正在生成演示数据（拱墅区）…</source>
        <translation>Generating the demo district (Gongshu)…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="100" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="112" />
        <source>正在生成演示数据：{percent}%</source>
        <translation>Building the demo data: {percent}%</translation>
    </message>
</context>
<context>
    <name>databases</name>
    <message>
        <location filename="../../ui/dialogs/database_dialogs.py" line="24" />
        <source>LiftDesk 数据库 (*.db);;所有文件 (*)</source>
        <translation>LiftDesk databases (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/database_dialogs.py" line="73" />
        <source>新建数据库</source>
        <translation>New database</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/database_dialogs.py" line="79" />
        <source>打开数据库</source>
        <translation>Open database</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/database_dialogs.py" line="86" />
        <source>另存副本</source>
        <translation>Save a copy</translation>
    </message>
</context>
<context>
    <name>lock</name>
    <message>
        <location filename="../../ui/lock.py" line="195" />
        <source>数据库文件和备份已加密（SQLCipher）：没有工作人员的密码，拿到文件的人也读不出其中的个人信息。恢复码在开启站点锁时显示的恢复单上（编号 {code_id}，{created}），请锁在保险柜里。</source>
        <translation>The database file and its backups are encrypted (SQLCipher): without a helper's password, whoever gets the file cannot read the personal data in it. The recovery code is on the recovery sheet shown when the station lock was turned on (no. {code_id}, {created}); keep it locked away.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="200" />
        <source>站点锁已开启，但数据库文件还没有加密：点“确定”时加密，需要输入每个登录的密码。</source>
        <translation>The station lock is on but the database file is not encrypted yet: it is encrypted on OK, which asks for every login's password.</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="201" />
        <source>站点锁未开启：数据库文件没有加密，任何能使用这台电脑的人都能打开本程序，或直接读取数据库文件和备份，看到居民的姓名、电话和意见。</source>
        <translation>The station lock is off: the database file is not encrypted; anyone who can use this PC can open LiftDesk, or read the database file and its backups directly, and see residents' names, phones and positions.</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../ui/messages.py" line="10" />
        <source>操作未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="14" />
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="18" />
        <source>请确认</source>
        <translation>Please confirm</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="25" />
        <source>数据库已损坏</source>
        <translation>Database damaged</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="27" />
        <source>恢复此备份</source>
        <translation>Restore this backup</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="28" />
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="37" />
        <source>程序出错</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="39" />
        <source>LiftDesk 遇到意外错误。已保存的数据不受影响。
请点击“{button}”，复制报告发给维护人员。</source>
        <translation>LiftDesk met an unexpected error. Saved data is not affected.
Click “{button}”, copy the report and send it to your maintainer.</translation>
    </message>
</context>
</TS>