<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AddHouseholdDialog</name>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="43" />
        <source>新增住户</source>
        <translation>Add household</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="50" />
        <source>例如 63.50</source>
        <translation>e.g. 63.50</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="55" />
        <source>共有人用“、”分隔</source>
        <translation>separate co-owners with “、”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="57" />
        <source>房号</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="58" />
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="59" />
        <source>面积（m²）</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="60" />
        <source>居住情况</source>
        <translation>Occupancy</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="61" />
        <source>业主</source>
        <translation>Owners</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="62" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/pages/home_page.py" line="19" />
        <source>在左侧逐级展开 街道 → 社区 → 小区 → 楼栋 → 单元，打开一个单元查看和编辑住户；在上方搜索框输入房号、业主姓名或电话查找住户（Ctrl+F）。右键左侧目录可新增、改名或删除。</source>
        <translation>Expand street → community → estate → building → unit on the left and open a unit to see and edit its households; type a room, an owner's name or a phone in the search box above to find a household (Ctrl+F). Right-click the tree to add, rename or delete.</translation>
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
        <location filename="../../ui/pages/home_page.py" line="37" />
        <source>{district} 加梯工作台</source>
        <translation>{district} LiftDesk</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../ui/models/households.py" line="30" />
        <source>房号</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../ui/models/households.py" line="30" />
        <source>楼层</source>
        <translation>Floor</translation>
    </message>
    <message>
        <location filename="../../ui/models/households.py" line="30" />
        <source>面积（m²）</source>
        <translation>Area (m²)</translation>
    </message>
    <message>
        <location filename="../../ui/models/households.py" line="30" />
        <source>业主</source>
        <translation>Owners</translation>
    </message>
    <message>
        <location filename="../../ui/models/households.py" line="30" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/models/households.py" line="31" />
        <source>居住情况</source>
        <translation>Occupancy</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="29" />
        <source>LiftDesk 加梯工作台 — {file}</source>
        <translation>LiftDesk — {file}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="30" />
        <source>内存数据库</source>
        <translation>in-memory database</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62" />
        <source>搜索房号、业主姓名或电话（Ctrl+F）</source>
        <translation>Search room, owner name or phone (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="66" />
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69" />
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>回收站</source>
        <translation>Recycle bin</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82" />
        <location filename="../../ui/main_window.py" line="140" />
        <source>新增街道…</source>
        <translation>Add street…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="84" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85" />
        <source>查看(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89" />
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143" />
        <location filename="../../ui/main_window.py" line="152" />
        <source>社区</source>
        <translation>community</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143" />
        <location filename="../../ui/main_window.py" line="152" />
        <source>小区</source>
        <translation>estate</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="143" />
        <location filename="../../ui/main_window.py" line="153" />
        <source>楼栋</source>
        <translation>building</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144" />
        <location filename="../../ui/main_window.py" line="153" />
        <source>单元</source>
        <translation>unit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="146" />
        <source>新增{child}…</source>
        <translation>Add {child}…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147" />
        <source>改名…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="148" />
        <source>删除（移入回收站）</source>
        <translation>Delete (to recycle bin)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152" />
        <source>街道</source>
        <translation>street</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154" />
        <source>新增{what}</source>
        <translation>Add {what}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155" />
        <source>{what}名称：</source>
        <translation>{what} name:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166" />
        <source>新增楼栋</source>
        <translation>Add building</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="166" />
        <source>楼层数：</source>
        <translation>Floors:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182" />
        <source>改名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182" />
        <source>新名称：</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193" />
        <source>把“{name}”及其下所有内容移入回收站？之后可在回收站恢复。</source>
        <translation>Move “{name}” and everything under it to the recycle bin? You can restore it from there.</translation>
    </message>
</context>
<context>
    <name>QuickCreateDialog</name>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="78" />
        <source>按楼层批量生成住户</source>
        <translation>Create households by floor</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="88" />
        <source>楼层数</source>
        <translation>Floors</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="89" />
        <source>每层户数</source>
        <translation>Rooms per floor</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/household_dialogs.py" line="90" />
        <source>默认面积（m²，之后可逐户修改）</source>
        <translation>Default area (m², editable per household afterwards)</translation>
    </message>
</context>
<context>
    <name>RecyclePage</name>
    <message>
        <location filename="../../ui/pages/recycle_page.py" line="23" />
        <source>回收站</source>
        <translation>Recycle bin</translation>
    </message>
    <message>
        <location filename="../../ui/pages/recycle_page.py" line="25" />
        <source>删除的内容保存在这里，随时可以恢复。</source>
        <translation>Deleted items are kept here and can be restored at any time.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/recycle_page.py" line="27" />
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../ui/pages/recycle_page.py" line="28" />
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/pages/recycle_page.py" line="29" />
        <source>删除时间（UTC）</source>
        <translation>Deleted at (UTC)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/recycle_page.py" line="38" />
        <source>恢复所选</source>
        <translation>Restore selected</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../ui/pages/search_page.py" line="23" />
        <source>街道</source>
        <translation>Street</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="24" />
        <source>社区</source>
        <translation>Community</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="25" />
        <source>小区</source>
        <translation>Estate</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="26" />
        <source>楼栋</source>
        <translation>Building</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="27" />
        <source>单元</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="28" />
        <source>房号</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="29" />
        <source>业主</source>
        <translation>Owners</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="30" />
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="52" />
        <source>“{q}”：结果较多，只显示前 {n} 条，请输入更多字词缩小范围</source>
        <translation>“{q}”: many results, showing the first {n}; add words to narrow the search</translation>
    </message>
    <message>
        <location filename="../../ui/pages/search_page.py" line="54" />
        <source>“{q}”：找到 {n} 户</source>
        <translation>“{q}”: {n} households found</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="14" />
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="24" />
        <source> 磅</source>
        <translation> pt</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="28" />
        <source>界面语言（重启后生效）</source>
        <translation>Language (after restart)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="29" />
        <source>字号</source>
        <translation>Font size</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/settings_dialog.py" line="30" />
        <source>多少天无进展算停滞</source>
        <translation>Days without activity before a project counts as idle</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="54" />
        <source>新增住户</source>
        <translation>Add household</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="55" />
        <source>按楼层批量生成</source>
        <translation>Create by floor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="56" />
        <source>删除住户（移入回收站）</source>
        <translation>Delete household (to recycle bin)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="93" />
        <source>共 {n} 户，总面积 {area} m²</source>
        <translation>{n} households, {area} m² in all</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="95" />
        <source>；加梯项目：{name}（{stage}）</source>
        <translation>; lift project: {name} ({stage})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="96" />
        <source>未开始</source>
        <translation>not started</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="98" />
        <source>；尚未立项加梯</source>
        <translation>; no lift project yet</translation>
    </message>
    <message>
        <location filename="../../ui/pages/unit_page.py" line="132" />
        <source>已将 {n} 户移入回收站，可在回收站恢复。</source>
        <translation>Moved {n} households to the recycle bin; restore them from there.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="84" />
        <source>正在生成演示数据（拱墅区）…</source>
        <translation>Generating the demo district (Gongshu)…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="85" />
        <source>取消</source>
        <translation>Cancel</translation>
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
        <location filename="../../ui/messages.py" line="24" />
        <source>程序出错</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="25" />
        <source>LiftDesk 遇到意外错误。已保存的数据不受影响。
请点击“显示详细信息”，复制报告发给维护人员。</source>
        <translation>LiftDesk met an unexpected error. Saved data is not affected.
Click “Show Details”, copy the report and send it to your maintainer.</translation>
    </message>
</context>
</TS>