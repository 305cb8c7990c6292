<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>ApplicationsModel</name>
    <message>
        <location filename="../../ui/apps_model.py" line="22"/>
        <source>申报编号</source>
        <translation>Application No.</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="22"/>
        <source>指南项目</source>
        <translation>Guide Item</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="22"/>
        <source>项目名称</source>
        <translation>Project Title</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="22"/>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="23"/>
        <source>申请资助</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="23"/>
        <source>自筹经费</source>
        <translation>Self-funding</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="23"/>
        <source>形式审查</source>
        <translation>Formal Check</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="40"/>
        <source>单位：万元</source>
        <translation>Unit: 10k CNY</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="45"/>
        <source>创新联合体认定</source>
        <translation>Consortium recognition</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="47"/>
        <source>创新联合体评估</source>
        <translation>Consortium evaluation</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="48"/>
        <source>项目%1</source>
        <translation>Item %1</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="50"/>
        <source>方向%1</source>
        <translation>Direction %1</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="54"/>
        <source>通过</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="54"/>
        <source>不通过</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="54"/>
        <source>待核实</source>
        <translation>To verify</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="55"/>
        <source>未审查</source>
        <translation>Not checked</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../ui/detail_pane.py" line="48"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="48"/>
        <source>内容</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="57"/>
        <source>结论</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="57"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="57"/>
        <source>说明（申报值与要求）</source>
        <translation>Details (declared vs. required)</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="75"/>
        <location filename="../../ui/detail_pane.py" line="88"/>
        <source>文档</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="75"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="75"/>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="75"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="86"/>
        <source>概要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="87"/>
        <source>形式审查</source>
        <translation>Formal Check</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="115"/>
        <source>选择左侧的申报包查看详情</source>
        <translation>Select an application package on the left to view its details</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="149"/>
        <source>南宁</source>
        <translation>Nanning</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="149"/>
        <source>非南宁</source>
        <translation>outside Nanning</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="154"/>
        <source>科技计划项目</source>
        <translation>S&amp;T program project</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="154"/>
        <source>创新联合体认定</source>
        <translation>Innovation consortium recognition</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="155"/>
        <source>创新联合体三年评估</source>
        <translation>Innovation consortium 3-year evaluation</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="156"/>
        <source>项目%1</source>
        <translation>Item %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="157"/>
        <source>方向%1</source>
        <translation>Direction %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="158"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="158"/>
        <source>申报编号</source>
        <translation>Application No.</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="158"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="159"/>
        <source>指南版本</source>
        <translation>Guide edition</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="159"/>
        <source>指南项目</source>
        <translation>Guide item</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="160"/>
        <source>项目名称</source>
        <translation>Project title</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="162"/>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="162"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="162"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="163"/>
        <source>单位类型</source>
        <translation>Organization type</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="164"/>
        <source>主营在南宁</source>
        <translation>Main business in Nanning</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="164"/>
        <location filename="../../ui/detail_pane.py" line="195"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="164"/>
        <location filename="../../ui/detail_pane.py" line="195"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="165"/>
        <source>所在城区</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="167"/>
        <source>合作单位</source>
        <translation>Partners</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="172"/>
        <source>项目负责人</source>
        <translation>Project leader</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="173"/>
        <source>成员%1</source>
        <translation>Member %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="177"/>
        <source>项目团队</source>
        <translation>Project team</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="179"/>
        <source>实施期与经费</source>
        <translation>Period and funding</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="179"/>
        <source>实施期</source>
        <translation>Implementation period</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="180"/>
        <source>申请资助</source>
        <translation>Requested funding</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="181"/>
        <source>自筹经费</source>
        <translation>Self-funding</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="188"/>
        <source>考核指标（申报值）</source>
        <translation>Performance indicators (declared)</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="191"/>
        <source>牵头单位上年度营业收入</source>
        <translation>Lead organization's revenue last year</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="192"/>
        <source>牵头单位全职研发人员</source>
        <translation>Lead organization's full-time R&amp;D staff</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="193"/>
        <source>近三年年均研发投入</source>
        <translation>Avg. annual R&amp;D spending (last 3 years)</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="194"/>
        <source>近三年研发投入占比</source>
        <translation>R&amp;D spending ratio (last 3 years)</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="195"/>
        <source>已签订组建协议</source>
        <translation>Formation agreement signed</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="197"/>
        <source>创新联合体</source>
        <translation>Innovation consortium</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="198"/>
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="198"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="200"/>
        <source>导入警告</source>
        <translation>Import warnings</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="207"/>
        <source>核对清单</source>
        <translation>Checklist</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="220"/>
        <source>依据：%1</source>
        <translation>Basis: %1</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <location filename="../../ui/import_dialogs.py" line="21"/>
        <source>导入申报包</source>
        <translation>Import Application Packages</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="22"/>
        <source>正在准备…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="23"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="33"/>
        <source>正在导入：%1</source>
        <translation>Importing: %1</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <location filename="../../ui/import_dialogs.py" line="39"/>
        <source>导入结果</source>
        <translation>Import Results</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="40"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="40"/>
        <source>已替换</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="40"/>
        <source>重复</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="41"/>
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="41"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="41"/>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="43"/>
        <source>没有文件</source>
        <translation>No files</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="46"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="46"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="46"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="76"/>
        <source>复制到剪贴板</source>
        <translation>Copy to Clipboard</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="79"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="35"/>
        <source>南宁市科技计划项目评审系统</source>
        <translation>Nanning S&amp;T Project Review System</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="42"/>
        <source>筛选：编号、项目名称、申报单位、指南项目… (Ctrl+F)</source>
        <translation>Filter: number, title, applicant, guide item… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>通过</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>不通过</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="46"/>
        <source>待核实</source>
        <translation>To verify</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74"/>
        <source>评审批次</source>
        <translation>Review session</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="82"/>
        <source>把申报包（.nnpkg / .zip）或文件夹拖到此窗口即可导入</source>
        <translation>Drag application packages (.nnpkg / .zip) or folders onto this window to import them</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="111"/>
        <source>导入申报包…</source>
        <translation>Import Application Packages…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112"/>
        <source>选择一个或多个 .nnpkg / .zip 申报包导入当前批次</source>
        <translation>Choose one or more .nnpkg / .zip application packages to import into the current session</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>导入文件夹…</source>
        <translation>Import Folder…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>导入文件夹（含子文件夹）中的全部申报包</source>
        <translation>Import all application packages in a folder (including subfolders)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>新建评审批次…</source>
        <translation>New Review Session…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <location filename="../../ui/main_window.py" line="292"/>
        <source>重新形式审查</source>
        <translation>Re-run Formal Check</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>按指南重新审查本批次全部申报包（含跨申报包检查）</source>
        <translation>Re-check all application packages in this session against the guide (including cross-package checks)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>移除申报包…</source>
        <translation>Remove Application Package…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <location filename="../../ui/main_window.py" line="351"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>筛选</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>批次(&amp;S)</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="147"/>
        <source>已定稿</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="172"/>
        <source>新建评审批次</source>
        <translation>New Review Session</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="175"/>
        <source>已创建评审批次：%1</source>
        <translation>Review session created: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="185"/>
        <source>共 %1 个申报包：通过 %2，不通过 %3，待核实 %4</source>
        <translation>%1 application packages: %2 pass, %3 fail, %4 to verify</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="224"/>
        <location filename="../../ui/main_window.py" line="239"/>
        <location filename="../../ui/main_window.py" line="242"/>
        <location filename="../../ui/main_window.py" line="250"/>
        <location filename="../../ui/main_window.py" line="342"/>
        <source>导入申报包</source>
        <translation>Import Application Packages</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="225"/>
        <source>申报包 (*.nnpkg *.zip);;所有文件 (*)</source>
        <translation>Application packages (*.nnpkg *.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>导入文件夹中的申报包</source>
        <translation>Import Application Packages from Folder</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>请先新建评审批次。</source>
        <translation>Please create a review session first.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>上一次导入尚未完成。</source>
        <translation>The previous import has not finished yet.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>导入完成：%1</source>
        <translation>Import finished: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>重复的申报编号</source>
        <translation>Duplicate Application Numbers</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>%1 个申报包的申报编号在本批次中已存在。要用这些文件替换已导入的申报包吗？</source>
        <translation>The application numbers of %1 application package(s) already exist in this session. Replace the imported packages with these files?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="293"/>
        <source>已重新完成形式审查</source>
        <translation>Formal check re-run finished</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>移除申报包</source>
        <translation>Remove Application Package</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="300"/>
        <source>从本批次移除申报包 %1？此操作会记入审计日志。</source>
        <translation>Remove application package %1 from this session? This will be recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304"/>
        <source>已移除 %1</source>
        <translation>Removed %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="343"/>
        <source>以下文件不是申报包（应为 .nnpkg 或 .zip），已跳过：
%1</source>
        <translation>The following files are not application packages (expected .nnpkg or .zip) and were skipped:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="352"/>
        <source>南宁市科技计划项目评审系统 %1

存储位置：%2</source>
        <translation>Nanning S&amp;T Project Review System %1

Data location: %2</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <location filename="../../ui/session_dialog.py" line="16"/>
        <source>新建评审批次</source>
        <translation>New Review Session</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="18"/>
        <source>例如：2025年度南宁市科技计划项目评审</source>
        <translation>e.g. 2025 Nanning S&amp;T Project Review</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="32"/>
        <source>批次名称</source>
        <translation>Session name</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="33"/>
        <source>申报指南</source>
        <translation>Application guide</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="34"/>
        <source>评审表</source>
        <translation>Review form</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="35"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="36"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="38"/>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="39"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="47"/>
        <source>请填写批次名称。</source>
        <translation>Please enter a session name.</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="50"/>
        <source>结束日期不能早于开始日期。</source>
        <translation>The end date cannot be earlier than the start date.</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="30"/>
        <source>页码（PgUp / PgDn 翻页）</source>
        <translation>Page number (PgUp / PgDn to turn pages)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="34"/>
        <source>在文档中查找… (Ctrl+F)</source>
        <translation>Find in document… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="42"/>
        <source>缩小 (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="42"/>
        <source>放大 (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="43"/>
        <source>适合宽度</source>
        <translation>Fit Width</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="43"/>
        <source>适合宽度 (Ctrl+0)</source>
        <translation>Fit width (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="50"/>
        <source>第</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="94"/>
        <source>页 / 共 %1 页</source>
        <translation>of %1</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="136"/>
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
</context>
</TS>
