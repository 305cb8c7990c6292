<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ApplicationsModel</name>
    <message>
        <location filename="../../ui/apps_model.py" line="22"/>
        <source>申报编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="22"/>
        <source>指南项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="22"/>
        <source>项目名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="22"/>
        <source>申报单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="23"/>
        <source>申请资助</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="23"/>
        <source>自筹经费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="23"/>
        <source>形式审查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="40"/>
        <source>单位：万元</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="45"/>
        <source>创新联合体认定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="47"/>
        <source>创新联合体评估</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="48"/>
        <source>项目%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="50"/>
        <source>方向%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="54"/>
        <source>通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="54"/>
        <source>不通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="54"/>
        <source>待核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="55"/>
        <source>未审查</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../ui/detail_pane.py" line="48"/>
        <source>字段</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="48"/>
        <source>内容</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="57"/>
        <source>结论</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="57"/>
        <source>规则</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="57"/>
        <source>说明（申报值与要求）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="75"/>
        <location filename="../../ui/detail_pane.py" line="88"/>
        <source>文档</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="75"/>
        <source>类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="75"/>
        <source>页数</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="75"/>
        <source>大小</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="86"/>
        <source>概要</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="87"/>
        <source>形式审查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="115"/>
        <source>选择左侧的申报包查看详情</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="149"/>
        <source>南宁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="149"/>
        <source>非南宁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="154"/>
        <source>科技计划项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="154"/>
        <source>创新联合体认定</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="155"/>
        <source>创新联合体三年评估</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="156"/>
        <source>项目%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="157"/>
        <source>方向%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="158"/>
        <source>基本信息</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="158"/>
        <source>申报编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="158"/>
        <source>类别</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="159"/>
        <source>指南版本</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="159"/>
        <source>指南项目</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="160"/>
        <source>项目名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="162"/>
        <source>申报单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="162"/>
        <source>名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="162"/>
        <source>统一社会信用代码</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="163"/>
        <source>单位类型</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="164"/>
        <source>主营在南宁</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="164"/>
        <location filename="../../ui/detail_pane.py" line="195"/>
        <source>是</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="164"/>
        <location filename="../../ui/detail_pane.py" line="195"/>
        <source>否</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="165"/>
        <source>所在城区</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="167"/>
        <source>合作单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="172"/>
        <source>项目负责人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="173"/>
        <source>成员%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="177"/>
        <source>项目团队</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="179"/>
        <source>实施期与经费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="179"/>
        <source>实施期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="180"/>
        <source>申请资助</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="181"/>
        <source>自筹经费</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="188"/>
        <source>考核指标（申报值）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="191"/>
        <source>牵头单位上年度营业收入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="192"/>
        <source>牵头单位全职研发人员</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="193"/>
        <source>近三年年均研发投入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="194"/>
        <source>近三年研发投入占比</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="195"/>
        <source>已签订组建协议</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="197"/>
        <source>创新联合体</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="198"/>
        <source>来源文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="198"/>
        <source>文件名</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="200"/>
        <source>导入警告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="207"/>
        <source>核对清单</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="220"/>
        <source>依据：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <location filename="../../ui/import_dialogs.py" line="21"/>
        <source>导入申报包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="22"/>
        <source>正在准备…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="23"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="33"/>
        <source>正在导入：%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <location filename="../../ui/import_dialogs.py" line="39"/>
        <source>导入结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="40"/>
        <source>已导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="40"/>
        <source>已替换</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="40"/>
        <source>重复</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="41"/>
        <source>拒收</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="41"/>
        <source>已取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="41"/>
        <source>失败</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="43"/>
        <source>没有文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="46"/>
        <source>结果</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="46"/>
        <source>文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="46"/>
        <source>说明</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="76"/>
        <source>复制到剪贴板</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="79"/>
        <source>关闭</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="35"/>
        <source>南宁市科技计划项目评审系统</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="42"/>
        <source>筛选：编号、项目名称、申报单位、指南项目… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>全部</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>不通过</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>待核实</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74"/>
        <source>评审批次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>把申报包（.nnpkg / .zip）或文件夹拖到此窗口即可导入</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>导入申报包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>选择一个或多个 .nnpkg / .zip 申报包导入当前批次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>导入文件夹…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>导入文件夹（含子文件夹）中的全部申报包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>退出</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>新建评审批次…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>重新形式审查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>按指南重新审查本批次全部申报包（含跨申报包检查）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>移除申报包…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <location filename="../../ui/main_window.py" line="351"/>
        <source>关于</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>筛选</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>文件(&amp;F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>批次(&amp;S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>帮助(&amp;H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>工具栏</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>已定稿</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>新建评审批次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>已创建评审批次：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>共 %1 个申报包：通过 %2，不通过 %3，待核实 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <location filename="../../ui/main_window.py" line="239"/>
        <location filename="../../ui/main_window.py" line="242"/>
        <location filename="../../ui/main_window.py" line="250"/>
        <location filename="../../ui/main_window.py" line="342"/>
        <source>导入申报包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>申报包 (*.nnpkg *.zip);;所有文件 (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>导入文件夹中的申报包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>请先新建评审批次。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>上一次导入尚未完成。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>导入完成：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>重复的申报编号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>%1 个申报包的申报编号在本批次中已存在。要用这些文件替换已导入的申报包吗？</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>已重新完成形式审查</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>移除申报包</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <source>从本批次移除申报包 %1？此操作会记入审计日志。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304"/>
        <source>已移除 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="343"/>
        <source>以下文件不是申报包（应为 .nnpkg 或 .zip），已跳过：
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="352"/>
        <source>南宁市科技计划项目评审系统 %1

存储位置：%2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <location filename="../../ui/session_dialog.py" line="16"/>
        <source>新建评审批次</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="18"/>
        <source>例如：2025年度南宁市科技计划项目评审</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="32"/>
        <source>批次名称</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="33"/>
        <source>申报指南</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="34"/>
        <source>评审表</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="35"/>
        <source>开始日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="36"/>
        <source>结束日期</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="38"/>
        <source>创建</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="39"/>
        <source>取消</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="47"/>
        <source>请填写批次名称。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="50"/>
        <source>结束日期不能早于开始日期。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="30"/>
        <source>页码（PgUp / PgDn 翻页）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="34"/>
        <source>在文档中查找… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="42"/>
        <source>缩小 (Ctrl+-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="42"/>
        <source>放大 (Ctrl++)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="43"/>
        <source>适合宽度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="43"/>
        <source>适合宽度 (Ctrl+0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="50"/>
        <source>第</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="94"/>
        <source>页 / 共 %1 页</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="136"/>
        <source>未找到</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
