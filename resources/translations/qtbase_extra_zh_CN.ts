<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's file dialog strings that qtbase_zh_CN.qm (shipped with Qt) holds only without their
     mnemonic, so they stayed English. Compiled to the .qm beside it with pyside6-lrelease;
     ui/app.py loads it after Qt's own catalogue. -->
<TS version="2.1" language="zh_CN">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
</TS>
