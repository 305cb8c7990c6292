<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="26"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="33"/>
        <source>南宁市科技计划项目评审系统</source>
        <translation>Nanning S&amp;T Project Review System</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="38"/>
        <source>南宁市科学技术局 专家评审委员会 · 离线评审</source>
        <translation>Nanning Science and Technology Bureau · Expert Review Committees · offline review</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="48"/>
        <source>开发版本（从源代码运行）</source>
        <translation>development (running from source)</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="54"/>
        <source>打开文件夹</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="63"/>
        <location filename="../../ui/about_dialog.py" line="70"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="64"/>
        <source>构建日期</source>
        <translation>Build date</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="65"/>
        <source>运行环境</source>
        <translation>Runtime</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="66"/>
        <source>存储位置</source>
        <translation>Store location</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="70"/>
        <source>组件</source>
        <translation>Component</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="70"/>
        <source>许可证</source>
        <translation>Licence</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="103"/>
        <source>本程序包含的开源组件及其许可证（许可证文件随程序一并提供）：</source>
        <translation>Open-source components in this program and their licences (the licence files are shipped with the program):</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="104"/>
        <source>打开许可证文件夹</source>
        <translation>Open Licence Folder</translation>
    </message>
</context>
<context>
    <name>AddMembersDialog</name>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="126"/>
        <source>添加评审组成员</source>
        <translation>Add Panel Members</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="128"/>
        <source>筛选：姓名、单位、专业领域…</source>
        <translation>Filter: name, organization, expertise…</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="144"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>AmountDialog</name>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="74"/>
        <source>核定金额</source>
        <translation>Approved amount</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="74"/>
        <source>核减/调整</source>
        <translation>Cut / adjust</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="79"/>
        <source>申请 %1 万元 · 上限 %2 · 当前拟资助 %3</source>
        <translation>Requested %1 × 10k CNY · cap %2 · currently proposed %3</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="84"/>
        <source>万元，最多两位小数</source>
        <translation>10k CNY, at most 2 decimals</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="88"/>
        <source>必须写明理由（将记入审计日志并打印在汇总表上）</source>
        <translation>A reason is required (kept in the audit log and printed on the summary sheet)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="93"/>
        <source>金额（万元）</source>
        <translation>Amount (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="94"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="95"/>
        <source>组长核定</source>
        <translation>Approved by the leader</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="96"/>
        <source>秘书代录</source>
        <translation>Secretary (on behalf)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="106"/>
        <source>录入</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="112"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="130"/>
        <source>请输入金额（万元，不小于 0，最多两位小数）。</source>
        <translation>Enter an amount (10k CNY, 0 or more, at most 2 decimals).</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="132"/>
        <source>请写明理由。</source>
        <translation>Please give a reason.</translation>
    </message>
</context>
<context>
    <name>ApplicationList</name>
    <message>
        <location filename="../../ui/expert/app_list.py" line="52"/>
        <source>评审包</source>
        <translation>Review bundle</translation>
    </message>
    <message>
        <location filename="../../ui/expert/app_list.py" line="69"/>
        <source>（材料已删除）</source>
        <translation> (materials removed)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/app_list.py" line="69"/>
        <source>（已被新评审包取代）</source>
        <translation> (superseded by a newer bundle)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/app_list.py" line="71"/>
        <source>%1（%2，%3）</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/app_list.py" line="90"/>
        <source>，截止 %1</source>
        <translation>, due %1</translation>
    </message>
    <message>
        <location filename="../../ui/expert/app_list.py" line="91"/>
        <source>%1
专家 %2%3</source>
        <translation>%1
Expert %2%3</translation>
    </message>
    <message>
        <location filename="../../ui/expert/app_list.py" line="96"/>
        <source>全部指南项目（%1）</source>
        <translation>All guide items (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/app_list.py" line="100"/>
        <source>项目%1 %2（%3）</source>
        <translation>Item %1 %2 (%3)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/app_list.py" line="134"/>
        <source>已完成 %1 / %2</source>
        <translation>Completed %1 / %2</translation>
    </message>
</context>
<context>
    <name>ApplicationReturnsModel</name>
    <message>
        <location filename="../../ui/returns_model.py" line="94"/>
        <source>申报编号</source>
        <translation>Application ID</translation>
    </message>
    <message>
        <location filename="../../ui/returns_model.py" line="94"/>
        <source>项目名称</source>
        <translation>Project Title</translation>
    </message>
    <message>
        <location filename="../../ui/returns_model.py" line="94"/>
        <source>已交回/应评</source>
        <translation>Returned/Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/returns_model.py" line="96"/>
        <source>回避</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/returns_model.py" line="103"/>
        <source>另有 %1 位未分配本项目的专家交回了评分（分配在交回后有变动），计入评审结果</source>
        <translation>%1 more expert(s) not assigned this application returned a review (the assignment changed after the return); counted in the results</translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <location filename="../../ui/apps_model.py" line="31"/>
        <source>申报编号</source>
        <translation>Application ID</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="31"/>
        <source>指南项目</source>
        <translation>Guide Item</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="31"/>
        <source>项目名称</source>
        <translation>Project Title</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="31"/>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="32"/>
        <source>申请资助</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="32"/>
        <source>自筹经费</source>
        <translation>Self-funding</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="32"/>
        <source>评审路径</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="34"/>
        <source>形式审查结论</source>
        <translation>Formal check decision</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="50"/>
        <source>单位：万元</source>
        <translation>Unit: 10k CNY</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="52"/>
        <source>专家评审：评审组评审、择优；按规则核定：资助金额按指南规则计算，经秘书审核，不需再行评审</source>
        <translation>Panel review: an expert panel reviews and ranks; set by rule: the amount follows from the guide&apos;s rule and the secretary&apos;s review, without a panel</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="57"/>
        <source>创新联合体认定</source>
        <translation>Consortium recognition</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="59"/>
        <source>创新联合体评估</source>
        <translation>Consortium evaluation</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="59"/>
        <source>项目%1</source>
        <translation>Item %1</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="61"/>
        <source>方向%1</source>
        <translation>Direction %1</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="87"/>
        <source>尚未确认形式审查结论</source>
        <translation>No formal check decision recorded yet</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="89"/>
        <source>%1 于 %2 确认</source>
        <translation>Decided by %1 at %2</translation>
    </message>
    <message>
        <location filename="../../ui/apps_model.py" line="90"/>
        <source>理由：%1</source>
        <translation>Reason: %1</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="162"/>
        <source>分配评审任务</source>
        <translation>Assign Reviews</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="163"/>
        <source>每位成员评审本组全部项目（回避的除外）</source>
        <translation>Every member reviews all of the panel&apos;s applications (except conflicts of interest)</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="164"/>
        <source>每个项目由 k 位专家评审，工作量均衡</source>
        <translation>Each application is reviewed by k experts, with balanced workloads</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="173"/>
        <source>留空则随机生成</source>
        <translation>Leave empty for a random seed</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="179"/>
        <source>随机种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="187"/>
        <source>重新分配会替换本组以前的分配。</source>
        <translation>Assigning again replaces the panel&apos;s previous assignment.</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="190"/>
        <source>分配</source>
        <translation>Assign</translation>
    </message>
</context>
<context>
    <name>CriterionBox</name>
    <message>
        <location filename="../../ui/expert/criterion_box.py" line="81"/>
        <source>%1. %2（权重 %3）</source>
        <translation>%1. %2 (weight %3)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/criterion_box.py" line="95"/>
        <source>%1（%2）：%3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <location filename="../../ui/expert/criterion_box.py" line="97"/>
        <source>%1 评为 %2</source>
        <translation>%1 graded %2</translation>
    </message>
    <message>
        <location filename="../../ui/expert/criterion_box.py" line="108"/>
        <source>分值</source>
        <translation>Points</translation>
    </message>
    <message>
        <location filename="../../ui/expert/criterion_box.py" line="110"/>
        <source> 分</source>
        <translation> pts</translation>
    </message>
    <message>
        <location filename="../../ui/expert/criterion_box.py" line="112"/>
        <source>分段评分：在所选等级的分段内填写分值（填写分值会自动选中对应等级）</source>
        <translation>Band scoring: enter points within the band of the chosen grade (entering points selects the matching grade)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/criterion_box.py" line="119"/>
        <source>按 1–5 或 A–E 评定等级；指向等级按钮或用 ← → 移动可查看各等级的评分标准。</source>
        <translation>Press 1–5 or A–E to grade; point at a grade button or move with ← → to see that grade&apos;s standard.</translation>
    </message>
    <message>
        <location filename="../../ui/expert/criterion_box.py" line="207"/>
        <source>（分段 %1）</source>
        <translation> (band %1)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/criterion_box.py" line="208"/>
        <source>%1 %2%3：%4</source>
        <translation>%1 %2%3: %4</translation>
    </message>
    <message>
        <location filename="../../ui/expert/criterion_box.py" line="219"/>
        <source>必填：评为 %1 须写明理由</source>
        <translation>Required: a grade of %1 needs a reason</translation>
    </message>
    <message>
        <location filename="../../ui/expert/criterion_box.py" line="220"/>
        <source>说明（可选；评为 D、E 时必填）</source>
        <translation>Comment (optional; required for D and E)</translation>
    </message>
</context>
<context>
    <name>DecideObjectionDialog</name>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="289"/>
        <source>处理异议</source>
        <translation>Decide objection</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="299"/>
        <source>维持</source>
        <translation>Maintain</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="299"/>
        <source>调整金额</source>
        <translation>Adjust the amount</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="299"/>
        <source>撤销资助</source>
        <translation>Revoke the funding</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="302"/>
        <source>调整后的金额（万元）</source>
        <translation>New amount (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="306"/>
        <source>处理理由（必填）</source>
        <translation>Reason for the decision (required)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="308"/>
        <source>异议</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="310"/>
        <source>处理结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="311"/>
        <source>金额（万元）</source>
        <translation>Amount (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="312"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="317"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="339"/>
        <source>没有待处理的异议。</source>
        <translation>There is no objection waiting for a decision.</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="341"/>
        <source>请输入调整后的金额（万元，不小于 0，最多两位小数）。</source>
        <translation>Enter the new amount (10k CNY, 0 or more, at most 2 decimals).</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="343"/>
        <source>请写明处理理由。</source>
        <translation>Please give the reason for the decision.</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../ui/detail_pane.py" line="54"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="54"/>
        <source>内容</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="102"/>
        <location filename="../../ui/detail_pane.py" line="115"/>
        <source>文档</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="102"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="102"/>
        <source>页数</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="102"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="113"/>
        <source>概要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="114"/>
        <source>形式审查</source>
        <translation>Formal Check</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="142"/>
        <source>选择左侧的申报包查看详情</source>
        <translation>Select an application package on the left to view its details</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="167"/>
        <source>南宁</source>
        <translation>Nanning</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="167"/>
        <source>非南宁</source>
        <translation>outside Nanning</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="172"/>
        <source>科技计划项目</source>
        <translation>S&amp;T program project</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="172"/>
        <source>创新联合体认定</source>
        <translation>Innovation consortium recognition</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="173"/>
        <source>创新联合体三年评估</source>
        <translation>Innovation consortium 3-year evaluation</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="174"/>
        <source>项目%1</source>
        <translation>Item %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="175"/>
        <source>方向%1</source>
        <translation>Direction %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="178"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="178"/>
        <source>申报编号</source>
        <translation>Application ID</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="178"/>
        <source>类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="180"/>
        <source>指南项目</source>
        <translation>Guide item</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="180"/>
        <source>项目名称</source>
        <translation>Project title</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="185"/>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="185"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="185"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="186"/>
        <source>单位类型</source>
        <translation>Organization type</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="187"/>
        <source>主营在南宁</source>
        <translation>Main business in Nanning</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="187"/>
        <location filename="../../ui/detail_pane.py" line="219"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="187"/>
        <location filename="../../ui/detail_pane.py" line="219"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="188"/>
        <source>所在城区</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="190"/>
        <source>合作单位</source>
        <translation>Partners</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="195"/>
        <source>项目负责人</source>
        <translation>Project leader</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="196"/>
        <source>成员%1</source>
        <translation>Member %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="200"/>
        <source>项目团队</source>
        <translation>Project team</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="202"/>
        <source>实施期与经费</source>
        <translation>Period and funding</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="202"/>
        <source>实施期</source>
        <translation>Implementation period</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="203"/>
        <source>申请资助</source>
        <translation>Requested funding</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="204"/>
        <source>自筹经费</source>
        <translation>Self-funding</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="212"/>
        <source>考核指标（申报值）</source>
        <translation>Performance indicators (declared)</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="215"/>
        <source>牵头单位上年度营业收入</source>
        <translation>Lead organization&apos;s revenue last year</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="216"/>
        <source>牵头单位全职研发人员</source>
        <translation>Lead organization&apos;s full-time R&amp;D staff</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="217"/>
        <source>近三年年均研发投入</source>
        <translation>Avg. annual R&amp;D spending (last 3 years)</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="218"/>
        <source>近三年研发投入占比</source>
        <translation>R&amp;D spending ratio (last 3 years)</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="219"/>
        <source>已签订组建协议</source>
        <translation>Formation agreement signed</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="221"/>
        <source>创新联合体</source>
        <translation>Innovation consortium</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="222"/>
        <source>来源文件</source>
        <translation>Source file</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="222"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="224"/>
        <source>导入警告</source>
        <translation>Import warnings</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="231"/>
        <source>评审路径</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="246"/>
        <location filename="../../ui/screenshots.py" line="541"/>
        <source>资助规则</source>
        <translation>Funding rule</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="233"/>
        <location filename="../../ui/detail_pane.py" line="235"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="235"/>
        <source>指南原文</source>
        <translation>Guide text</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="237"/>
        <location filename="../../ui/detail_pane.py" line="239"/>
        <source>资助上限</source>
        <translation>Ceiling</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="239"/>
        <source>按通知填写的参数 %1</source>
        <translation>Figure %1 entered from the notice</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="245"/>
        <source>按规则计算</source>
        <translation>Amount by rule</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="242"/>
        <source>不符合资助条件</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="243"/>
        <source>申报包未申报所需数据</source>
        <translation>The package lacks a figure the rule needs</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="244"/>
        <source>待填写通知中的参数</source>
        <translation>Awaiting the notice&apos;s figures</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="245"/>
        <source>计算过程</source>
        <translation>Formula</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="259"/>
        <source>依据：%1</source>
        <translation>Basis: %1</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="179"/>
        <source>申报指南</source>
        <translation>Guide</translation>
    </message>
    <message>
        <location filename="../../ui/detail_pane.py" line="183"/>
        <source>本批次指南：%1；申报包所按指南：%2</source>
        <translation>This session&apos;s guide: %1; the package was made for: %2</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="49"/>
        <source>字段</source>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="49"/>
        <source>内容</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="55"/>
        <source>已核对</source>
        <translation>Checked</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="55"/>
        <source>形式审查</source>
        <translation>Formal check</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="55"/>
        <source>指南要求与申报情况</source>
        <translation>Guide requirement and what was declared</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="65"/>
        <source>在文档中查找</source>
        <translation>Find in document</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="101"/>
        <source>打开评审包后，在左侧选择申报</source>
        <translation>Open a review bundle, then choose an application on the left</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="112"/>
        <source>指南项目%1</source>
        <translation>Guide item %1</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="113"/>
        <source> 方向%1</source>
        <translation> direction %1</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="114"/>
        <source>&#x3000;</source>
        <translation>  ·  </translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="123"/>
        <source>%1（%2 页）</source>
        <translation>%1 (%2 pages)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="126"/>
        <source>申报概要</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="129"/>
        <source>指南要求</source>
        <translation>Guide requirements</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="140"/>
        <source>申请资助 %1 万元，自筹 %2 万元</source>
        <translation>Requested %1 × 10k CNY, self-funded %2 × 10k CNY</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="189"/>
        <source>南宁</source>
        <translation>Nanning</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="189"/>
        <source>非南宁</source>
        <translation>outside Nanning</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="197"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="197"/>
        <source>申报编号</source>
        <translation>Application ID</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="198"/>
        <source>项目名称</source>
        <translation>Project title</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="199"/>
        <source>指南项目</source>
        <translation>Guide item</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="199"/>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="201"/>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="201"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="202"/>
        <source>所在城区</source>
        <translation>District</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="204"/>
        <source>合作单位</source>
        <translation>Partners</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="209"/>
        <source>项目负责人</source>
        <translation>Project leader</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="210"/>
        <source>成员%1</source>
        <translation>Member %1</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="214"/>
        <source>项目团队</source>
        <translation>Project team</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="218"/>
        <source>实施期</source>
        <translation>Implementation period</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="220"/>
        <source>申请资助</source>
        <translation>Requested funding</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="221"/>
        <source>自筹经费</source>
        <translation>Self-funding</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="223"/>
        <source>实施期与经费</source>
        <translation>Period and budget</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="226"/>
        <source>考核指标（申报值）</source>
        <translation>Indicators (declared)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/doc_pane.py" line="251"/>
        <source>评审包中没有该指南项目的要求</source>
        <translation>The bundle holds no requirements for this guide item</translation>
    </message>
</context>
<context>
    <name>DrawDialog</name>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="99"/>
        <source>随机抽取专家 — %1</source>
        <translation>Random Draw of Experts — %1</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="104"/>
        <source>留空则随机生成；填写可复现以往抽取</source>
        <translation>Leave empty for a random seed; enter an earlier seed to reproduce that draw</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="107"/>
        <source>留空则按本组项目的计划类别、指南项目匹配</source>
        <translation>Leave empty to match the program categories and guide items of the panel&apos;s applications</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="108"/>
        <source>与本组任一项目存在回避的专家不参与抽取；随机种子与候选、排除、抽中名单均记入抽取记录。</source>
        <translation>Experts with a conflict of interest with any of the panel&apos;s applications are left out of the draw. The seed and the lists of candidates, excluded and drawn experts all go into the draw record.</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="111"/>
        <source>抽取人数</source>
        <translation>Experts to draw</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="112"/>
        <source>随机种子</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="113"/>
        <source>专业领域</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="115"/>
        <source>抽取</source>
        <translation>Draw</translation>
    </message>
</context>
<context>
    <name>EmptyState</name>
    <message>
        <location filename="../../ui/expert/empty_state.py" line="15"/>
        <source>打开评审包…</source>
        <translation>Open Review Bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/expert/empty_state.py" line="22"/>
        <source>选择秘书发来的 .nnrb 评审包（Ctrl+O），也可以把文件拖到窗口中</source>
        <translation>Choose the .nnrb review bundle the secretary sent you (Ctrl+O), or drop the file on the window</translation>
    </message>
    <message>
        <location filename="../../ui/expert/empty_state.py" line="24"/>
        <source>打开评审包需要密码：密码印在评审秘书交给您的专家评审任务书（分配函）上。</source>
        <translation>Opening the bundle needs a password: it is printed on the assignment letter the review secretary gave you.</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <location filename="../../ui/exchange_page.py" line="119"/>
        <source>导出本组评审包…</source>
        <translation>Export Review Bundles…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="121"/>
        <source>为本组每位专家生成加密评审包和任务通知书，分别存放 (Ctrl+E)</source>
        <translation>Make an encrypted review bundle and an assignment letter for each expert of this panel, stored apart (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="123"/>
        <source>制作评审包</source>
        <translation>Create Review Bundles</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="125"/>
        <source>评审组</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="127"/>
        <source>交回截止</source>
        <translation>Return by</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="131"/>
        <source>导入评分文件…</source>
        <translation>Import Score Files…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="133"/>
        <source>导入专家交回的 .nnscore 评分文件；也可直接拖到窗口 (Ctrl+Shift+O)</source>
        <translation>Import the .nnscore score files returned by experts; you can also drag them onto the window (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="135"/>
        <source>更换专家密钥…</source>
        <translation>Re-pin Expert Key…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="143"/>
        <source>评分回收</source>
        <translation>Score Returns</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="155"/>
        <source>把 .nnscore 评分文件拖到此窗口即可导入；被篡改、重放或不属于本批次的文件会被拒收并说明原因。</source>
        <translation>Drag .nnscore score files onto this window to import them. Files that were tampered with, replayed or do not belong to this session are refused, with the reason.</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="167"/>
        <source>评审包与评分回收</source>
        <translation>Review Bundles and Returns</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="174"/>
        <source>评审包已发 %1 位专家；评分已交回 %2，部分交回 %3，未交回 %4</source>
        <translation>Bundles sent to %1 experts; scores returned %2, partly %3, not yet %4</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="195"/>
        <source>%1（%2 人，%3 项，%4 项任务）</source>
        <translation>%1 (%2 members, %3 applications, %4 reviews)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="215"/>
        <source>专家 %1 位：已交回 %2，部分 %3，未交回 %4</source>
        <translation>%1 experts: %2 returned, %3 partial, %4 missing</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="248"/>
        <source>正在制作评审包…</source>
        <translation>Creating review bundles…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="248"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="249"/>
        <location filename="../../ui/exchange_page.py" line="260"/>
        <location filename="../../ui/exchange_page.py" line="269"/>
        <source>导出评审包</source>
        <translation>Export Review Bundles</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="257"/>
        <source>正在为 %1 制作评审包…</source>
        <translation>Creating the review bundle for %1…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="274"/>
        <source>已取消导出评审包，未留下任何文件</source>
        <translation>Review bundle export cancelled; no files were left behind</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="276"/>
        <source>已导出 %1 个评审包到 %2</source>
        <translation>Exported %1 review bundle(s) to %2</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="285"/>
        <location filename="../../ui/exchange_page.py" line="295"/>
        <source>导入评分文件</source>
        <translation>Import Score Files</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="287"/>
        <source>评分文件 (*.nnscore);;所有文件 (*)</source>
        <translation>Score files (*.nnscore);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="319"/>
        <source>更换专家密钥</source>
        <translation>Re-pin Expert Key</translation>
    </message>
</context>
<context>
    <name>ExpertEditDialog</name>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="31"/>
        <source>修改专家信息</source>
        <translation>Edit Expert</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="31"/>
        <source>新增专家</source>
        <translation>New Expert</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="36"/>
        <source>多个用；分隔</source>
        <translation>separate several with ;</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="37"/>
        <source>专家编号</source>
        <translation>Expert ID</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="37"/>
        <source>留空则按姓名与手机（或单位）生成</source>
        <translation>leave blank to derive it from name and phone (or organization)</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="38"/>
        <source>姓名*</source>
        <translation>Name*</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="38"/>
        <source>工作单位*</source>
        <translation>Organization*</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="38"/>
        <source>单位全称</source>
        <translation>full name of the organization</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="39"/>
        <source>单位统一社会信用代码</source>
        <translation>Organization credit code</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="39"/>
        <source>18 位，不清楚可留空</source>
        <translation>18 characters; leave blank if unknown</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="40"/>
        <source>职称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="40"/>
        <source>专业领域</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="41"/>
        <source>如：重点研发计划；项目15；人工智能</source>
        <translation>e.g. a plan type; 项目15; artificial intelligence</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="42"/>
        <source>手机</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="43"/>
        <source>电子邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="44"/>
        <source>回避单位</source>
        <translation>Organizations to avoid</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="44"/>
        <source>回避人员</source>
        <translation>Persons to avoid</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="59"/>
        <source>专家编号是 Excel 重新导入时对应专家的依据，不能修改</source>
        <translation>The expert ID is how an Excel re-import finds this expert; it cannot be changed</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="65"/>
        <source>保存后记入审计日志。校验与 Excel 导入相同。</source>
        <translation>Saving is recorded in the audit log. Checked as an Excel import row is.</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="68"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="69"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/expert_edit_dialog.py" line="42"/>
        <source>手机或带区号的座机，如 13812345678、0771-5551234</source>
        <translation>Mobile, or landline with area code, e.g. 13812345678, 0771-5551234</translation>
    </message>
</context>
<context>
    <name>ExpertReturnsModel</name>
    <message>
        <location filename="../../ui/returns_model.py" line="77"/>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../ui/returns_model.py" line="77"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/returns_model.py" line="77"/>
        <source>已交回/应评</source>
        <translation>Returned/Assigned</translation>
    </message>
    <message>
        <location filename="../../ui/returns_model.py" line="77"/>
        <source>回避</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/returns_model.py" line="77"/>
        <source>版本</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../ui/returns_model.py" line="78"/>
        <source>导入时间</source>
        <translation>Import Time</translation>
    </message>
    <message>
        <location filename="../../ui/returns_model.py" line="78"/>
        <source>评审包</source>
        <translation>Review Bundle</translation>
    </message>
    <message>
        <location filename="../../ui/returns_model.py" line="80"/>
        <source>密钥指纹</source>
        <translation>Key Fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/returns_model.py" line="82"/>
        <source>未发包</source>
        <translation>No bundle sent</translation>
    </message>
</context>
<context>
    <name>ExpertSettingsDialog</name>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="235"/>
        <source>设置与密钥</source>
        <translation>Settings and keys</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="239"/>
        <source>工作区文件夹</source>
        <translation>Workspace folder</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="240"/>
        <source>系统钥匙串（操作系统保管私钥和数据密钥）</source>
        <translation>OS keyring (the operating system keeps the private key and the data key)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="241"/>
        <source>口令加密的密钥文件（本机没有可用的系统钥匙串；每次启动需输入口令）</source>
        <translation>Passphrase-encrypted key files (no OS keyring on this machine; the passphrase is asked at every start)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="242"/>
        <source>密钥保存方式</source>
        <translation>Key storage</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="244"/>
        <source>专家签名密钥指纹（评审秘书首次导入您的评分文件时登记；更换电脑后请告知秘书新指纹）：</source>
        <translation>Expert signing key fingerprint (registered by the secretary at the first import of your score file; tell the secretary the new one after changing computers):</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="248"/>
        <location filename="../../ui/expert/dialogs.py" line="260"/>
        <source>（尚未生成）</source>
        <translation>(not made yet)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="249"/>
        <location filename="../../ui/expert/dialogs.py" line="261"/>
        <source>%1（编号 %2）</source>
        <translation>%1 (no. %2)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="255"/>
        <source>尚未打开评审包：打开第一个评审包时生成签名密钥。</source>
        <translation>No bundle opened yet: the signing key is created when the first bundle is opened.</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="257"/>
        <source>PDF 签名证书指纹（签署个人评分表和组长签署结果表；随评分文件交给秘书登记）：</source>
        <translation>PDF certificate fingerprints (sign the personal score sheet and, as panel leader, the result sheets; registered by the secretary from your score file):</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="265"/>
        <source>已核对的秘书签名密钥：</source>
        <translation>Checked secretary signing keys:</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="267"/>
        <source>（尚无）</source>
        <translation>(none yet)</translation>
    </message>
</context>
<context>
    <name>ExpertStatus</name>
    <message>
        <location filename="../../ui/expert/common.py" line="14"/>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../ui/expert/common.py" line="15"/>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../ui/expert/common.py" line="16"/>
        <source>已完成</source>
        <translation>Complete</translation>
    </message>
    <message>
        <location filename="../../ui/expert/common.py" line="17"/>
        <source>回避</source>
        <translation>Recused</translation>
    </message>
</context>
<context>
    <name>ExpertWindow</name>
    <message>
        <location filename="../../ui/expert/main_window.py" line="45"/>
        <source>专家评审 — 南宁市科技计划项目评审系统</source>
        <translation>Expert review — Nanning S&amp;T Review</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="81"/>
        <source>无法显示文档</source>
        <translation>Cannot show the document</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="113"/>
        <source>打开评审包…</source>
        <translation>Open review bundle…</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="114"/>
        <source>打开秘书发来的 .nnrb 评审包（需任务通知书上的密码）</source>
        <translation>Open the .nnrb review bundle from the secretary (needs the password on the assignment letter)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="115"/>
        <source>提交评分（导出评分文件）…</source>
        <translation>Submit scores (export score file)…</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="116"/>
        <source>校验全部申报，签名并导出 .nnscore 评分文件</source>
        <translation>Check every application, sign and export the .nnscore score file</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="117"/>
        <source>打印个人评分表…</source>
        <translation>Print personal score sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="118"/>
        <source>保存个人评分表 PDF…</source>
        <translation>Save personal score sheet as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="119"/>
        <source>组长签署结果表…</source>
        <translation>Countersign a result sheet as panel leader…</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="120"/>
        <source>专家组组长：核对秘书签名后，用本机的组长证书签署评审结果表 PDF</source>
        <translation>Panel leader: check the secretary&apos;s signature, then sign the result sheet PDF with the leader&apos;s certificate kept on this computer</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="121"/>
        <source>删除本评审包的材料…</source>
        <translation>Remove this bundle&apos;s materials…</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="122"/>
        <source>导出后删除申报材料，只保留已签名的评分记录</source>
        <translation>After export: delete the materials, keep only the signed score record</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="123"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="124"/>
        <source>撤销评分操作</source>
        <translation>Undo grading action</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="125"/>
        <source>重做评分操作</source>
        <translation>Redo grading action</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="126"/>
        <source>标记完成</source>
        <translation>Mark complete</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="127"/>
        <source>校验本申报的评分；完整时标记为已完成，否则列出所缺内容</source>
        <translation>Check this review; mark it complete when nothing is missing, otherwise list what is missing</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="128"/>
        <source>申请回避…</source>
        <translation>Declare a conflict (recuse)…</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="129"/>
        <source>下一个申报</source>
        <translation>Next application</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="130"/>
        <source>上一个申报</source>
        <translation>Previous application</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="131"/>
        <source>下一个未完成的申报</source>
        <translation>Next unfinished application</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="132"/>
        <source>设置与密钥指纹…</source>
        <translation>Settings and key fingerprint…</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="133"/>
        <location filename="../../ui/expert/main_window.py" line="545"/>
        <source>键盘操作</source>
        <translation>Keyboard</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="135"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="143"/>
        <source>评分(&amp;G)</source>
        <translation>&amp;Grading</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="147"/>
        <source>转到(&amp;N)</source>
        <translation>&amp;Navigate</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="149"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="151"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="224"/>
        <source>打开评审包</source>
        <translation>Open review bundle</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="225"/>
        <source>评审包 (*.nnrb)</source>
        <translation>Review bundles (*.nnrb)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="234"/>
        <source>无法打开评审包</source>
        <translation>Cannot open the review bundle</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="238"/>
        <source>评审包</source>
        <translation>Review bundle</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="238"/>
        <source>此评审包已在工作区中，其材料已在导出后删除。</source>
        <translation>This bundle is already in the workspace; its materials were removed after export.</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="248"/>
        <source>请核对秘书密钥指纹</source>
        <translation>Please check the secretary&apos;s key fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="250"/>
        <source>已打开评审包：%1，%2 项申报</source>
        <translation>Bundle opened: %1, %2 applications</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="334"/>
        <source>全部申报均已完成或回避，可以提交评分（Ctrl+E）</source>
        <translation>Every application is complete or recused: you can submit (Ctrl+E)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="343"/>
        <source>已保存 %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="353"/>
        <source>未保存</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="367"/>
        <source>尚不能标记完成：还缺 %1 项（见评分表下方）</source>
        <translation>Cannot mark complete yet: %1 item(s) missing (listed below the form)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="373"/>
        <source>%1 已标记完成（%2 / %3），转到下一个未完成的申报</source>
        <translation>%1 marked complete (%2 / %3); on to the next unfinished application</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="377"/>
        <source>全部申报均已完成或回避（%1 / %2），请提交评分</source>
        <translation>All applications are complete or recused (%1 / %2): please submit your scores</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="404"/>
        <source>没有可撤销的评分操作</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="404"/>
        <source>没有可重做的评分操作</source>
        <translation>Nothing to redo</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="412"/>
        <source>已撤销：%1 %2</source>
        <translation>Undone: %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="412"/>
        <source>已重做：%1 %2</source>
        <translation>Redone: %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="420"/>
        <source>“%1”的等级</source>
        <translation>grade of “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="420"/>
        <source>“%1”的说明</source>
        <translation>comment on “%1”</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="421"/>
        <source>专家意见</source>
        <translation>overall opinion</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="421"/>
        <source>推荐意见</source>
        <translation>recommendation</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="422"/>
        <source>回避</source>
        <translation>recusal</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="439"/>
        <source>尚未导出评分文件</source>
        <translation>No score file exported yet</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="440"/>
        <source>已导出 r%1，之后有修改未导出</source>
        <translation>Exported r%1; changed since</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="442"/>
        <source>已导出 r%1</source>
        <translation>Exported r%1</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="445"/>
        <source>（部分交回）</source>
        <translation> (partial return)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="465"/>
        <source>无法生成个人评分表</source>
        <translation>Cannot make the personal score sheet</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="479"/>
        <source>个人评分表-%1.pdf</source>
        <translation>score-sheet-%1.pdf</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="480"/>
        <source>保存个人评分表</source>
        <translation>Save personal score sheet</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="480"/>
        <location filename="../../ui/expert/main_window.py" line="492"/>
        <location filename="../../ui/expert/main_window.py" line="509"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="484"/>
        <source>已保存个人评分表：%1</source>
        <translation>Personal score sheet saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="491"/>
        <source>选择评审秘书发来的结果表</source>
        <translation>Choose the result sheet sent by the secretary</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="501"/>
        <source>不能签署</source>
        <translation>Cannot sign</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="505"/>
        <source>您将以专家组组长“{0}”的身份，用本机保存的证书对以上结果表加 PDF 数字签名。请先打开文件核对内容，确认无误后再签署。是否签署？</source>
        <translation>You are about to add a PDF digital signature to the result sheet above as panel leader “{0}”, with the certificate kept on this computer. Open the file and check its content first. Sign now?</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="506"/>
        <source>组长签署结果表</source>
        <translation>Countersign result sheet</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="508"/>
        <source>保存签署后的结果表</source>
        <translation>Save the countersigned result sheet</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="515"/>
        <source>签署失败</source>
        <translation>Signing failed</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="517"/>
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="518"/>
        <source>已签署并保存到 {0}。
组长证书指纹：{1}
请将此文件交回评审秘书。</source>
        <translation>Signed and saved to {0}.
Leader certificate fingerprint: {1}
Please return this file to the review secretary.</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="527"/>
        <source>删除本评审包的材料</source>
        <translation>Remove this bundle&apos;s materials</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="529"/>
        <source>将删除“%1”的全部申报材料和评分草稿，只保留已签名的评分记录（r%2）。此操作不可撤销。继续吗？</source>
        <translation>All application materials and draft reviews of “%1” will be deleted; only the signed score record (r%2) is kept. This cannot be undone. Continue?</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="535"/>
        <source>不能删除</source>
        <translation>Cannot remove</translation>
    </message>
    <message>
        <location filename="../../ui/expert/main_window.py" line="555"/>
        <source>1–5 或 A–E：评定当前指标的等级并跳到下一指标
← / →：在等级按钮间移动；空格：选中/取消当前等级
Tab：下一个输入项
Ctrl+Enter：标记完成并转到下一个未完成的申报（不完整时列出所缺内容）
评为 D、E：光标进入该指标的说明框（须写明理由）
Ctrl+PgDn / Ctrl+PgUp：下一个 / 上一个申报
Ctrl+Shift+PgDn：下一个未完成的申报
Ctrl+Z / Ctrl+Shift+Z：撤销 / 重做评分操作
PgUp / PgDn：文档翻页；Ctrl+F：在文档中查找
Ctrl+E：提交评分；Ctrl+P：打印个人评分表</source>
        <translation>1–5 or A–E: grade the current criterion and move to the next
← / →: move between grade buttons; Space: select/clear the grade
Tab: next field
Ctrl+Enter: mark complete and go to the next unfinished application (lists what is missing if incomplete)
Grade D or E: the cursor goes into that criterion&apos;s comment (a reason is required)
Ctrl+PgDn / Ctrl+PgUp: next / previous application
Ctrl+Shift+PgDn: next unfinished application
Ctrl+Z / Ctrl+Shift+Z: undo / redo grading actions
PgUp / PgDn: turn document pages; Ctrl+F: find in the document
Ctrl+E: submit scores; Ctrl+P: print the personal score sheet</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <location filename="../../ui/findings_model.py" line="58"/>
        <source>结论</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="61"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="59"/>
        <source>说明（申报值与要求）</source>
        <translation>Details (declared vs. required)</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="43"/>
        <source>规则 %1</source>
        <translation>Rule %1</translation>
    </message>
    <message>
        <location filename="../../ui/findings_model.py" line="80"/>
        <source>规则编号（指南要求或格式检查的编号）</source>
        <translation>Rule number (of the guide requirement or the format check)</translation>
    </message>
</context>
<context>
    <name>FormPane</name>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="62"/>
        <source>撤销回避</source>
        <translation>Withdraw recusal</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="81"/>
        <source>总体评价：立项必要性、创新性、可行性、团队、指标和经费的综合意见</source>
        <translation>Overall assessment: need, innovation, feasibility, team, indicators and budget</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="83"/>
        <source>推荐意见</source>
        <translation>Recommendation</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="88"/>
        <source>申请回避…</source>
        <translation>Recuse…</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="89"/>
        <source>与申报单位、合作单位或项目成员存在利害关系时申请回避，并写明理由</source>
        <translation>Recuse when you have a conflict of interest with the applicant, a partner or a team member, and give the reason</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="124"/>
        <source>标记完成，下一个（Ctrl+Enter）</source>
        <translation>Mark Complete, Next (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="125"/>
        <source>校验本申报的评分；完整时标记为已完成并转到下一个未完成的申报，否则列出所缺内容</source>
        <translation>Check this application&apos;s review; when complete, mark it so and go to the next unfinished application, otherwise list what is missing</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="184"/>
        <source>专家意见（不少于 %1 个汉字）</source>
        <translation>Overall opinion (at least %1 Chinese characters)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="221"/>
        <source>已申请回避（不评分，不计入本人评分）。理由：%1</source>
        <translation>Recused (not graded, not counted in your scores). Reason: %1</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="234"/>
        <source>已写 %1 / %2 字</source>
        <translation>%1 / %2 characters</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="237"/>
        <source>回避</source>
        <translation>Recused</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="240"/>
        <source>合计 %1 分</source>
        <translation>Total %1</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="241"/>
        <source>小计 %1（%2 项未评）</source>
        <translation>Subtotal %1 (%2 not graded)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="242"/>
        <source>状态：%1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="251"/>
        <source>尚不能标记完成，还缺：</source>
        <translation>Cannot mark complete yet; missing:</translation>
    </message>
    <message>
        <location filename="../../ui/expert/form_pane.py" line="254"/>
        <source>已完成：本申报的评分完整有效。</source>
        <translation>Complete: this review is complete and valid.</translation>
    </message>
</context>
<context>
    <name>FormalBox</name>
    <message>
        <location filename="../../ui/formal_box.py" line="31"/>
        <source>形式审查结论</source>
        <translation>Formal check decision</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="44"/>
        <source>通过</source>
        <comment>button</comment>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="45"/>
        <source>确认形式审查通过（机器结论不是“通过”时须填写理由）</source>
        <translation>Accept at formal check (a reason is required when the machine verdict is not &quot;pass&quot;)</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="47"/>
        <source>不予受理</source>
        <comment>button</comment>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="48"/>
        <source>形式审查不予受理：不进入评审组和评审包，已交回的评分不计入（须填写理由）</source>
        <translation>Not accepted at formal check: kept out of panels and bundles, returned scores are not counted (reason required)</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="50"/>
        <source>撤销结论</source>
        <translation>Withdraw decision</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="51"/>
        <source>撤销已登记的形式审查结论（须填写理由）</source>
        <translation>Withdraw the recorded formal check decision (reason required)</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="94"/>
        <source>机器审查：%1 → 形式审查结论：%2</source>
        <translation>Machine check: %1 → decision: %2</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="98"/>
        <source>%1 于 %2 确认</source>
        <translation>Decided by %1 at %2</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="100"/>
        <source>理由：%1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="103"/>
        <source>机器审查通过；确认“通过”无需理由。</source>
        <translation>The machine check passed; accepting needs no reason.</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="105"/>
        <source>请核实后确认：通过须填写核实情况，不予受理须填写理由。</source>
        <translation>Verify, then decide: accepting needs what was verified, not accepting needs a reason.</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="106"/>
        <source>理由（与机器结论不同时必填）</source>
        <translation>Reason (required when it differs from the machine verdict)</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="107"/>
        <source>不予受理、撤销结论、机器结论未通过而确认通过时必须填写理由</source>
        <translation>A reason is required to not accept, to withdraw a decision, or to accept a package the machine did not pass</translation>
    </message>
</context>
<context>
    <name>FundingDialogs</name>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="54"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FundingModel</name>
    <message>
        <location filename="../../ui/funding_model.py" line="45"/>
        <source>项目%1 %2</source>
        <translation>Item %1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="52"/>
        <location filename="../../ui/funding_model.py" line="94"/>
        <source>拟资助</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="53"/>
        <location filename="../../ui/funding_model.py" line="86"/>
        <source>线下</source>
        <translation>Below line</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="54"/>
        <source>不建议支持</source>
        <translation>Not recommended</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="55"/>
        <source>未录入专家组意见</source>
        <translation>No panel consensus yet</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="56"/>
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="57"/>
        <source>待秘书审核</source>
        <translation>Awaiting secretary review</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="58"/>
        <source>不符合条件</source>
        <translation>Not eligible</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="59"/>
        <source>已撤销</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="66"/>
        <source>不符合奖补条件</source>
        <translation>Not eligible for the subsidy</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="67"/>
        <source>申报材料缺少所需数据</source>
        <translation>The application lacks a figure the rule needs</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="68"/>
        <source>模板参数尚未录入</source>
        <translation>Template figures not entered yet</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="71"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="93"/>
        <source>排名</source>
        <translation>Rank</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="93"/>
        <source>申报编号</source>
        <translation>Application ID</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="93"/>
        <source>项目名称</source>
        <translation>Project title</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="93"/>
        <source>申报单位</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="93"/>
        <source>得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="94"/>
        <source>申请金额</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="94"/>
        <source>上限</source>
        <translation>Cap</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="94"/>
        <source>核定</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="94"/>
        <source>核减/调整</source>
        <translation>Cut / adjust</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="95"/>
        <source>累计</source>
        <translation>Cumulative</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="95"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="96"/>
        <source>提示</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="110"/>
        <source>重复享受</source>
        <translation>Double funding</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="112"/>
        <source>超年度上限</source>
        <translation>Over annual ceiling</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="114"/>
        <source>调整超上限</source>
        <translation>Adjustment over bound</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="119"/>
        <source>项目%1第%2</source>
        <translation>Item %1 #%2</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="146"/>
        <source>拟资助 = 核减/调整后的金额；否则取申请金额（或规则金额）、上限与核定金额中的最小者</source>
        <translation>Proposed = the cut/adjusted amount; otherwise the smallest of the requested (or rule) amount, the cap and the approved amount</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="171"/>
        <source>与 %1（项目%2）不能重复享受：%3</source>
        <translation>Cannot also be funded with %1 (item %2): %3</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="175"/>
        <source>同一单位在项目%1合计 %2 万元，超过单个企业年度上限 %3 万元（%4）</source>
        <translation>One enterprise totals %2 (10k yuan) in item %1, over the per-enterprise annual ceiling %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_model.py" line="180"/>
        <source>核减/调整 %1 超出现行上限 %2，按上限计；请重新调整</source>
        <translation>The adjustment %1 exceeds the current bound %2 and counts at the bound; adjust it again</translation>
    </message>
</context>
<context>
    <name>FundingPage</name>
    <message>
        <location filename="../../ui/funding_tab.py" line="93"/>
        <source>预算可按指南项目单独设置，也可按计划类别统一设置</source>
        <translation>A budget can be set for one guide item, or for a whole plan type</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="95"/>
        <source>万元</source>
        <translation>10k CNY</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="96"/>
        <source>财政预算控制数（万元）；回车即设置</source>
        <translation>Budget ceiling (10k CNY); Enter sets it</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="99"/>
        <location filename="../../ui/funding_tab.py" line="410"/>
        <location filename="../../ui/funding_tab.py" line="412"/>
        <source>设置预算</source>
        <translation>Set budget</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="101"/>
        <location filename="../../ui/funding_tab.py" line="418"/>
        <source>清除预算</source>
        <translation>Clear budget</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="110"/>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="112"/>
        <source>预算</source>
        <translation>Budget</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="142"/>
        <source>核定金额…</source>
        <translation>Approved amount…</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="143"/>
        <source>专家组核定的金额（不超过申请金额与上限）</source>
        <translation>The amount the panel approved (not above the requested amount and the cap)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="144"/>
        <source>核减/调整…</source>
        <translation>Cut / adjust…</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="145"/>
        <source>秘书核减或调整拟资助金额，须写明理由</source>
        <translation>The secretary cuts or adjusts the proposed amount; a reason is required</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="146"/>
        <location filename="../../ui/funding_tab.py" line="456"/>
        <location filename="../../ui/funding_tab.py" line="460"/>
        <source>撤销调整</source>
        <translation>Withdraw adjustment</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="147"/>
        <source>撤销秘书的核减/调整，恢复计算金额</source>
        <translation>Withdraw the secretary&apos;s cut/adjustment and go back to the computed amount</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="148"/>
        <location filename="../../ui/funding_tab.py" line="467"/>
        <source>审核通过</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="149"/>
        <source>秘书审核：已对照申报材料核对按规则计算的金额</source>
        <translation>Secretary&apos;s review: the rule-computed amount was checked against the documents</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="150"/>
        <source>模板参数…</source>
        <translation>Template figures…</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="151"/>
        <source>录入申报通知规定的奖补参数</source>
        <translation>Enter the subsidy figures set by the call notice</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="152"/>
        <source>生成拟资助汇总表…</source>
        <translation>Funding summary sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="153"/>
        <source>拟资助项目汇总表（PDF，可数字签名；以及 Excel）</source>
        <translation>Summary sheet of the proposed funding (PDF, can be digitally signed; and Excel)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="154"/>
        <source>公示…</source>
        <translation>Publish…</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="155"/>
        <source>公示拟资助名单；公示后金额锁定</source>
        <translation>Publish the proposed list; the amounts are locked afterwards</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="156"/>
        <source>记录异议…</source>
        <translation>Record objection…</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="157"/>
        <source>公示期内收到的异议</source>
        <translation>An objection received during the publicity period</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="158"/>
        <source>处理异议…</source>
        <translation>Decide objection…</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="159"/>
        <source>维持、调整金额或撤销资助</source>
        <translation>Maintain, adjust the amount or revoke the funding</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="160"/>
        <source>导出公示名单…</source>
        <translation>Export public list…</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="161"/>
        <source>公示名单（立项后为立项名单）：PDF 与 Excel，不含评分与专家信息</source>
        <translation>The public list (the approved list once final): PDF and Excel, no scores and no experts</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="162"/>
        <location filename="../../ui/funding_tab.py" line="516"/>
        <location filename="../../ui/funding_tab.py" line="519"/>
        <source>立项定稿</source>
        <translation>Finalise approval</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="163"/>
        <source>公示期满且异议均已处理后，形成立项名单</source>
        <translation>After the publicity period, with every objection decided: the final approved list</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="217"/>
        <source>资金安排</source>
        <translation>Funding</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="222"/>
        <source>资金安排：%1 个范围，已安排 %2 万元</source>
        <translation>Funding: %1 scopes, %2 × 10k CNY allocated</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="224"/>
        <source>%1，%2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="271"/>
        <source>本批次还没有资金安排</source>
        <translation>This session has no funding plan yet</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="273"/>
        <source>未设置预算，已安排 %1 万元</source>
        <translation>No budget set, %1 × 10k CNY allocated</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="274"/>
        <source>预算 %1，已安排 %2，剩余 %3（万元）</source>
        <translation>Budget %1, allocated %2, remaining %3 (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="277"/>
        <source>，超出预算 %1</source>
        <translation>, over budget by %1</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="283"/>
        <source>已立项（公示 %1）</source>
        <translation>Approved (published %1)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="285"/>
        <source>公示中 %1</source>
        <translation>Published %1</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="287"/>
        <source>，异议 %1 件（待处理 %2）</source>
        <translation>, %1 objections (%2 pending)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="302"/>
        <source>项目%1（单独预算）</source>
        <translation>Item %1 (own budget)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="333"/>
        <source>资助规则：%1</source>
        <translation>Funding rule: %1</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="339"/>
        <source>核定 %1：%2</source>
        <translation>Approved %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="341"/>
        <source>核减/调整 %1：%2</source>
        <translation>Cut/adjusted %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="343"/>
        <source>重复享受：与 %1 — %2</source>
        <translation>Double funding: with %1 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="345"/>
        <source>尚缺 %1 个模板参数（模板参数…）</source>
        <translation>%1 template figures missing (Template figures…)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="410"/>
        <source>预算须为不小于 0 的金额（万元，最多两位小数），例如 500 或 1200.50。</source>
        <translation>The budget must be an amount of 0 or more (10k CNY, at most 2 decimals), e.g. 500 or 1200.50.</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="441"/>
        <source>核定金额</source>
        <translation>Approved amount</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="449"/>
        <source>核减/调整</source>
        <translation>Cut / adjust</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="457"/>
        <source>撤销 %1 的核减/调整，恢复计算金额。理由：</source>
        <translation>Withdraw the cut/adjustment of %1 and go back to the computed amount. Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="477"/>
        <source>模板参数</source>
        <translation>Template figures</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="488"/>
        <source>公示</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="499"/>
        <source>记录异议</source>
        <translation>Record objection</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="512"/>
        <source>处理异议</source>
        <translation>Decide objection</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="517"/>
        <source>立项后名单定稿（异议处理结果已计入），资金安排不能再修改。现在立项？</source>
        <translation>After approval the list is final (objection outcomes applied) and the funding plan cannot change. Approve now?</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="531"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="541"/>
        <source>选择存放拟资助项目汇总表的文件夹</source>
        <translation>Choose the folder for the funding summary sheet</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="544"/>
        <source>用秘书的签名证书对汇总表 PDF 做数字签名？</source>
        <translation>Sign the summary sheet PDF with the secretary&apos;s certificate?</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="565"/>
        <source>正在生成拟资助项目汇总表…</source>
        <translation>Writing the funding summary sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="565"/>
        <location filename="../../ui/funding_tab.py" line="566"/>
        <source>生成拟资助汇总表</source>
        <translation>Funding summary sheet</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="570"/>
        <source>选择存放公示名单的文件夹</source>
        <translation>Choose the folder for the public list</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="577"/>
        <source>正在导出公示名单…</source>
        <translation>Exporting the public list…</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="577"/>
        <location filename="../../ui/funding_tab.py" line="578"/>
        <source>导出公示名单</source>
        <translation>Export public list</translation>
    </message>
    <message>
        <location filename="../../ui/funding_tab.py" line="583"/>
        <source>已生成 %1 个文件：%2</source>
        <translation>%1 files written: %2</translation>
    </message>
</context>
<context>
    <name>HandoutFoldersDialog</name>
    <message>
        <location filename="../../ui/handout_dialog.py" line="34"/>
        <source>导出评审包 — 选择存放位置</source>
        <translation>Export review bundles — where to put them</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="37"/>
        <source>评审组：%1。评审包和任务通知书分开存放：任务通知书载有密码，不能随评审包交给专家。</source>
        <translation>Panel: %1. The bundles and the assignment letters are stored apart: the letters carry the passwords and must not travel with the bundles.</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="42"/>
        <source>例如 U 盘上的文件夹</source>
        <translation>for example a folder on the USB stick</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="43"/>
        <location filename="../../ui/handout_dialog.py" line="61"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="44"/>
        <source>选择存放评审包的文件夹（如 U 盘）</source>
        <translation>Choose the folder for the review bundles (e.g. a USB stick)</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="45"/>
        <source>① 评审包（.nnrb，已加密）— 拷入 U 盘，交给专家</source>
        <translation>① Review bundles (.nnrb, encrypted) — copy to the USB stick for the experts</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="49"/>
        <source>此文件夹只放评审包：可整个拷入 U 盘或发送给专家。</source>
        <translation>This folder holds only the bundles: it can be copied to the USB stick or sent to the experts as it is.</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="54"/>
        <source>保存到本机文件夹：</source>
        <translation>Save in a folder on this computer:</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="55"/>
        <source>不保存为文件：导出后在密码窗口中打印或保存为 PDF</source>
        <translation>Do not save as files: print them or save them as PDF from the password window after the export</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="62"/>
        <source>选择存放任务通知书的文件夹（不要选 U 盘）</source>
        <translation>Choose the folder for the assignment letters (not the USB stick)</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="63"/>
        <source>② 任务通知书（PDF，载有密码）— 留在本机，打印后单独交给专家</source>
        <translation>② Assignment letters (PDF, with the passwords) — stay on this computer; print them and hand them over separately</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="69"/>
        <source>不要把任务通知书放进评审包的文件夹或交给专家的 U 盘。</source>
        <translation>Do not put the letters in the bundles&apos; folder or on the USB stick for the experts.</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="79"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="80"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="118"/>
        <source>请选择存放评审包的文件夹。</source>
        <translation>Choose the folder for the review bundles.</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="120"/>
        <source>请选择存放任务通知书的文件夹，或选择只打印 / 保存为 PDF。</source>
        <translation>Choose the folder for the assignment letters, or choose to only print them / save them as PDF.</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="142"/>
        <source>评审包和任务通知书在同一 U 盘</source>
        <translation>Bundles and letters on the same USB stick</translation>
    </message>
    <message>
        <location filename="../../ui/handout_dialog.py" line="143"/>
        <source>仍要导出到这两个文件夹吗？</source>
        <translation>Export to these two folders anyway?</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <location filename="../../ui/import_dialogs.py" line="24"/>
        <source>导入申报包</source>
        <translation>Import Application Packages</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="25"/>
        <source>正在准备…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="26"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="36"/>
        <source>正在导入：%1</source>
        <translation>Importing: %1</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <location filename="../../ui/import_dialogs.py" line="46"/>
        <source>导入结果</source>
        <translation>Import Results</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="47"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="47"/>
        <source>已替换</source>
        <translation>Replaced</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="47"/>
        <source>重复</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="48"/>
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="48"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="49"/>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="50"/>
        <source>没有文件</source>
        <translation>No files</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="53"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="53"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="53"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="79"/>
        <source>技术细节：%1</source>
        <translation>Technical detail: %1</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="85"/>
        <source>详细信息…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="86"/>
        <source>所选文件的完整说明和技术细节（字段位置、错误代码）</source>
        <translation>The full explanation of the selected file, with the technical detail (field, error code)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="88"/>
        <source>复制到剪贴板</source>
        <translation>Copy to Clipboard</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="91"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>KeyBackup</name>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="190"/>
        <source>备份评审秘书的密钥</source>
        <translation>Back up the secretary&apos;s keys</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="192"/>
        <source>密钥备份 (*.nnkeys)</source>
        <translation>Key backup (*.nnkeys)</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="196"/>
        <source>请设置备份文件的口令（恢复时需要；请与备份文件分开保管）</source>
        <translation>Choose a passphrase for the backup file (needed to restore it; keep it apart from the file)</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="202"/>
        <location filename="../../ui/signer_dialogs.py" line="204"/>
        <source>备份密钥</source>
        <translation>Back up keys</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="205"/>
        <source>已备份到 %1。
评审包签名密钥指纹：%2
PDF 签名私钥指纹：%3</source>
        <translation>Backed up to %1.
Bundle signing key fingerprint: %2
PDF signing key fingerprint: %3</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="212"/>
        <source>从备份恢复评审秘书的密钥</source>
        <translation>Restore the secretary&apos;s keys from a backup</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="213"/>
        <source>密钥备份 (*.nnkeys);;所有文件 (*)</source>
        <translation>Key backup (*.nnkeys);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="216"/>
        <source>请输入备份文件的口令</source>
        <translation>Enter the passphrase of the backup file</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="226"/>
        <location filename="../../ui/signer_dialogs.py" line="229"/>
        <location filename="../../ui/signer_dialogs.py" line="234"/>
        <source>恢复密钥</source>
        <translation>Restore keys</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="230"/>
        <source>%1。
用备份替换本机的密钥吗？专家已登记的本机旧指纹将失效。</source>
        <translation>%1.
Replace this computer&apos;s keys with the backup? The old fingerprints the experts pinned will no longer be valid.</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="235"/>
        <source>已恢复。
评审包签名密钥指纹：%1
PDF 签名私钥指纹：%2</source>
        <translation>Restored.
Bundle signing key fingerprint: %1
PDF signing key fingerprint: %2</translation>
    </message>
</context>
<context>
    <name>LongMessageDialog</name>
    <message>
        <location filename="../../ui/long_message.py" line="47"/>
        <source>技术细节</source>
        <translation>Technical details</translation>
    </message>
    <message>
        <location filename="../../ui/long_message.py" line="53"/>
        <source>复制全部</source>
        <translation>Copy all</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="76"/>
        <source>南宁市科技计划项目评审系统</source>
        <translation>Nanning S&amp;T Project Review System</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85"/>
        <source>筛选：编号、项目名称、申报单位、指南项目… (Ctrl+F)</source>
        <translation>Filter: number, title, applicant, guide item… (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>通过</source>
        <translation>Pass</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="88"/>
        <source>不通过</source>
        <translation>Fail</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>待核实</source>
        <translation>To verify</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150"/>
        <source>评审批次</source>
        <translation>Review session</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="297"/>
        <source>（已定稿）</source>
        <translation> (finalised)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>申报指南版本：%1</source>
        <translation>Guide edition: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="671"/>
        <source>先新建评审批次（菜单“批次 → 新建评审批次…”，Ctrl+N），再把申报包（.nnpkg / .zip）或文件夹拖到此窗口导入。</source>
        <translation>Create a review session first (Session → New review session…, Ctrl+N), then drop packages (.nnpkg / .zip) or folders onto this window to import them.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="674"/>
        <source>把申报包（.nnpkg / .zip）或文件夹拖到此窗口即可导入</source>
        <translation>Drag application packages (.nnpkg / .zip) or folders onto this window to import them</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="89"/>
        <source>未确认结论</source>
        <translation>Not decided</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90"/>
        <source>不予受理</source>
        <translation>Not accepted</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155"/>
        <source>申报包与形式审查</source>
        <translation>Packages and Formal Check</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="170"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="171"/>
        <source>评审工作的八个步骤和当前进度</source>
        <translation>The eight steps of a review and where this session stands</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>导入申报包…</source>
        <translation>Import Application Packages…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>选择一个或多个 .nnpkg / .zip 申报包导入当前批次</source>
        <translation>Choose one or more .nnpkg / .zip application packages to import into the current session</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>导入文件夹…</source>
        <translation>Import Folder…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>导入文件夹（含子文件夹）中的全部申报包</source>
        <translation>Import all application packages in a folder (including subfolders)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>退出</source>
        <translation>Exit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>新建评审批次…</source>
        <translation>New Review Session…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <location filename="../../ui/main_window.py" line="595"/>
        <source>重新形式审查</source>
        <translation>Re-run Formal Check</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="217"/>
        <source>按指南重新审查本批次全部申报包（含跨申报包检查）</source>
        <translation>Re-check all application packages in this session against the guide (including cross-package checks)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>移除申报包…</source>
        <translation>Remove Application Package…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="219"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="222"/>
        <source>筛选</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="226"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="230"/>
        <source>备份密钥…</source>
        <translation>Back Up Keys…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="231"/>
        <source>把评审秘书的签名密钥与证书备份到口令保护的文件（换电脑用）</source>
        <translation>Back up the secretary&apos;s signing keys and certificates to a passphrase-protected file (to move to a new PC)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="232"/>
        <source>恢复密钥…</source>
        <translation>Restore Keys…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="233"/>
        <source>在新电脑上从备份恢复评审秘书的密钥（指纹不变）</source>
        <translation>Restore the secretary&apos;s keys from a backup on a new PC (same fingerprints)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="239"/>
        <source>形式审查：通过…</source>
        <translation>Formal check: accept…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="240"/>
        <source>确认所选申报包形式审查通过</source>
        <translation>Accept the selected package at formal check</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="241"/>
        <source>形式审查：不予受理…</source>
        <translation>Formal check: do not accept…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>所选申报包形式审查不予受理（须填写理由）</source>
        <translation>Do not accept the selected package at formal check (reason required)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>撤销形式审查结论…</source>
        <translation>Withdraw formal check decision…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>撤销所选申报包已登记的形式审查结论（须填写理由）</source>
        <translation>Withdraw the selected package&apos;s recorded formal check decision (reason required)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="245"/>
        <source>撤销上一次形式审查结论</source>
        <translation>Undo last formal check decision</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="249"/>
        <source>批次(&amp;S)</source>
        <translation>&amp;Session</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>专家与评审(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>导入专家库…</source>
        <translation>Import Expert Roster…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261"/>
        <source>导出专家库…</source>
        <translation>Export Expert Roster…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>保存专家库导入模板…</source>
        <translation>Save Roster Import Template…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>新建评审组…</source>
        <translation>New Panel…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="265"/>
        <source>重新检测回避</source>
        <translation>Re-detect Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>导出评审包…</source>
        <translation>Export Review Bundles…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268"/>
        <source>导入评分文件…</source>
        <translation>Import Score Files…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="269"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>开始：评审步骤与进度</source>
        <translation>Start: steps and progress</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>评审工作的八个步骤、本批次进度，点击步骤即可打开</source>
        <translation>The eight steps of a review and this session&apos;s progress; click a step to open it</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="272"/>
        <source>使用手册</source>
        <translation>User manual</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="273"/>
        <source>打开随软件提供的使用手册（无需联网）</source>
        <translation>Open the user manual shipped with the program (no network needed)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="328"/>
        <source>新建评审批次</source>
        <translation>New Review Session</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="331"/>
        <source>已创建评审批次：%1</source>
        <translation>Review session created: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="423"/>
        <source>共 %1 个申报包：通过 %2，不通过 %3，待核实 %4</source>
        <translation>%1 application packages: %2 pass, %3 fail, %4 to verify</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="425"/>
        <source>；不予受理 %1，未确认 %2</source>
        <translation>; not accepted %1, not decided %2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="467"/>
        <location filename="../../ui/main_window.py" line="510"/>
        <source>形式审查结论</source>
        <translation>Formal check decision</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="507"/>
        <source>确认 %1 形式审查通过。机器审查未通过：请填写核实情况。</source>
        <translation>Accept %1 at formal check. The machine check did not pass: describe what was verified.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="508"/>
        <source>%1 形式审查不予受理。请填写理由（写入审计记录和结果表）：</source>
        <translation>Do not accept %1 at formal check. Reason (goes into the audit trail and the result sheets):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="509"/>
        <source>撤销 %1 的形式审查结论。请填写理由：</source>
        <translation>Withdraw the formal check decision of %1. Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="523"/>
        <source>已撤销 %1 的上一次形式审查结论</source>
        <translation>Undid the last formal check decision of %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="525"/>
        <source>没有可撤销的形式审查结论</source>
        <translation>No formal check decision to undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="542"/>
        <location filename="../../ui/main_window.py" line="557"/>
        <location filename="../../ui/main_window.py" line="560"/>
        <location filename="../../ui/main_window.py" line="562"/>
        <location filename="../../ui/main_window.py" line="659"/>
        <source>导入申报包</source>
        <translation>Import Application Packages</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="543"/>
        <source>申报包 (*.nnpkg *.zip);;所有文件 (*)</source>
        <translation>Application packages (*.nnpkg *.zip);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="549"/>
        <source>导入文件夹中的申报包</source>
        <translation>Import Application Packages from Folder</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="557"/>
        <source>请先新建评审批次。</source>
        <translation>Please create a review session first.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="560"/>
        <source>上一次导入尚未完成。</source>
        <translation>The previous import has not finished yet.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="572"/>
        <source>导入完成：%1</source>
        <translation>Import finished: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="583"/>
        <source>重复的申报编号</source>
        <translation>Duplicate Application IDs</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="584"/>
        <source>%1 个申报包的申报编号在本批次中已存在。要用这些文件替换已导入的申报包吗？</source>
        <translation>The application IDs of %1 application package(s) already exist in this session. Replace the imported packages with these files?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="595"/>
        <source>已重新完成形式审查</source>
        <translation>Formal check re-run finished</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="604"/>
        <source>只读复核形式审查</source>
        <translation>Read-only formal re-check</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="610"/>
        <source>本批次已定稿，形式审查结果已冻结（评审表所载为定稿时的结果）；本次只读复核，未写入任何数据。</source>
        <translation>This session is finalised: its formal-check findings are frozen (the sheets show them as they were at finalisation). This re-check is read-only; nothing was written.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="611"/>
        <source>复核结果与定稿时不同的申报：%1</source>
        <translation>Applications whose re-check differs from the findings at finalisation: %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="614"/>
        <source>复核结果与定稿时一致。</source>
        <translation>The re-check agrees with the findings at finalisation.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="620"/>
        <location filename="../../ui/main_window.py" line="624"/>
        <source>移除申报包</source>
        <translation>Remove Application Package</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="621"/>
        <source>从本批次移除申报包 %1？此操作会记入审计日志。</source>
        <translation>Remove application package %1 from this session? This will be recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="623"/>
        <source>已移除 %1</source>
        <translation>Removed %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="661"/>
        <source>以下文件不是申报包（.nnpkg / .zip）或评分文件（.nnscore），已跳过：
%1</source>
        <translation>The following files are not application packages (.nnpkg / .zip) or score files (.nnscore) and were skipped:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="220"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="708"/>
        <source>界面语言将在重新启动后生效</source>
        <translation>The interface language changes when the program is restarted</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>存储已被其他程序更新，已刷新</source>
        <translation>The store was updated by another program; the view has been refreshed</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="472"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ManualChecklist</name>
    <message>
        <location filename="../../ui/formal_box.py" line="135"/>
        <location filename="../../ui/formal_box.py" line="161"/>
        <source>已核对</source>
        <translation>Verified</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="135"/>
        <source>要求</source>
        <translation>Requirement</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="135"/>
        <source>备注（双击填写）</source>
        <translation>Note (double-click)</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="161"/>
        <source>未核对</source>
        <translation>Not verified</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="167"/>
        <source>%1 于 %2 核对</source>
        <translation>Verified by %1 at %2</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="182"/>
        <source>核对清单：无需人工核对的要求</source>
        <translation>Checklist: no requirement to verify by hand</translation>
    </message>
    <message>
        <location filename="../../ui/formal_box.py" line="184"/>
        <source>核对清单：已核对 %1/%2</source>
        <translation>Checklist: %1/%2 verified</translation>
    </message>
</context>
<context>
    <name>ManualDialog</name>
    <message>
        <location filename="../../ui/manual_dialog.py" line="32"/>
        <source>使用手册 — 南宁市科技计划项目评审系统</source>
        <translation>User manual — Nanning S&amp;T plan review system</translation>
    </message>
    <message>
        <location filename="../../ui/manual_dialog.py" line="39"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/manual_dialog.py" line="41"/>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
</context>
<context>
    <name>NewPanelDialog</name>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="39"/>
        <source>新建评审组</source>
        <translation>New Panel</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="41"/>
        <source>例如：第一组（新一代信息技术）</source>
        <translation>e.g. Panel 1 (Next-generation IT)</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="46"/>
        <source>［按规则核定，不需再行评审］</source>
        <translation>[set by rule, no panel review needed]</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="47"/>
        <source>项目%1（%2 个申报包）</source>
        <translation>Item %1 (%2 packages)</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="53"/>
        <source>— 或逐个选择申报包 —</source>
        <translation>— or pick packages one by one —</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="57"/>
        <source>［形式审查：不予受理］</source>
        <translation>[not accepted at formal check]</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="64"/>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="69"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="70"/>
        <source>评审项目</source>
        <translation>Applications</translation>
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
        <location filename="../../ui/session_dialog.py" line="21"/>
        <source>%1（%2 个项目）</source>
        <translation>%1 (%2 items)</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="23"/>
        <source>申报指南版本：%1</source>
        <translation>Guide edition: %1</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="35"/>
        <source>批次名称</source>
        <translation>Session name</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="36"/>
        <source>申报指南</source>
        <translation>Application guide</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="37"/>
        <source>评审表</source>
        <translation>Review form</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="38"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="39"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="41"/>
        <source>创建</source>
        <translation>Create</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="42"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="50"/>
        <source>请填写批次名称。</source>
        <translation>Please enter a session name.</translation>
    </message>
    <message>
        <location filename="../../ui/session_dialog.py" line="53"/>
        <source>结束日期不能早于开始日期。</source>
        <translation>The end date cannot be earlier than the start date.</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="254"/>
        <source>记录异议</source>
        <translation>Record objection</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="260"/>
        <source>异议的内容（来信、来电摘要）</source>
        <translation>What the objection says (summary of the letter or call)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="263"/>
        <source>收到日期</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="264"/>
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="269"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="277"/>
        <source>请填写异议内容。</source>
        <translation>Please enter what the objection says.</translation>
    </message>
</context>
<context>
    <name>OpenBundleDialog</name>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="95"/>
        <source>打开评审包</source>
        <translation>Open review bundle</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="99"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="100"/>
        <source>评审批次</source>
        <translation>Review session</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="101"/>
        <source>评审专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="102"/>
        <source>制作时间</source>
        <translation>Made at</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="106"/>
        <source>签发密钥指纹</source>
        <translation>Signing key fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="111"/>
        <source>✓ 签发密钥与此前核对过的秘书密钥一致。</source>
        <translation>✓ Signed by the secretary key you checked before.</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="114"/>
        <source>⚠ 签发密钥与此前核对过的秘书密钥不同：请输入本次任务通知书上印的秘书密钥指纹。</source>
        <translation>⚠ Signed by a different key than the secretary key you checked before: enter the fingerprint printed on this assignment letter.</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="117"/>
        <source>首次使用：请核对上面的签发密钥指纹与任务通知书上印的一致，并在下方输入（强烈建议）。</source>
        <translation>First use: check that the fingerprint above matches the one on the assignment letter, and enter it below (strongly recommended).</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="123"/>
        <source>如 8LM4X-WAJNN-84M4N-UMPTP（不区分大小写）</source>
        <translation>e.g. 8LM4X-WAJNN-84M4N-UMPTP (not case-sensitive)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="124"/>
        <source>评审包密码</source>
        <translation>Bundle password</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="125"/>
        <source>显示密码</source>
        <translation>Show password</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="130"/>
        <source>任务通知书上的秘书密钥指纹（可选）</source>
        <translation>Secretary key fingerprint from the assignment letter (optional)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="131"/>
        <source>秘书密钥指纹</source>
        <translation>Secretary key fingerprint</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="139"/>
        <source>正在验证签名并解密，请稍候…</source>
        <translation>Verifying the signature and decrypting, please wait…</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="143"/>
        <source>打开</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="155"/>
        <source>✓ 与签发密钥一致</source>
        <translation>✓ Matches the signing key</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="156"/>
        <source>✗ 与签发密钥不一致：请勿使用此评审包，并联系评审秘书</source>
        <translation>✗ Does not match the signing key: do not use this bundle, contact the review secretary</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="161"/>
        <source>请输入任务通知书上的评审包密码</source>
        <translation>Enter the bundle password from the assignment letter</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../ui/ops.py" line="91"/>
        <source>上一项操作尚未完成，请稍候。</source>
        <translation>The previous operation has not finished yet; please wait.</translation>
    </message>
</context>
<context>
    <name>PanelDialogs</name>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="23"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="92"/>
        <location filename="../../ui/screenshots.py" line="550"/>
        <source>仍要将这些申报交由评审组评审吗？确认将记入审计日志。</source>
        <translation>Have a panel review these applications all the same? The confirmation is recorded in the audit log.</translation>
    </message>
</context>
<context>
    <name>PanelsPage</name>
    <message>
        <location filename="../../ui/panels_page.py" line="58"/>
        <source>新建评审组…</source>
        <translation>New Panel…</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="60"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="65"/>
        <source>评审组</source>
        <translation>Panels</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="80"/>
        <source>专家编号</source>
        <translation>Expert ID</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="80"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="80"/>
        <source>工作单位</source>
        <translation>Organization</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="80"/>
        <location filename="../../ui/panels_page.py" line="286"/>
        <source>组长</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="81"/>
        <source>评审项目数</source>
        <translation>Reviews</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="82"/>
        <source>申报编号</source>
        <translation>Application ID</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="82"/>
        <source>项目名称</source>
        <translation>Project Title</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="82"/>
        <source>指南项目</source>
        <translation>Guide Item</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="82"/>
        <source>评审专家</source>
        <translation>Reviewers</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="83"/>
        <location filename="../../ui/panels_page.py" line="508"/>
        <source>回避</source>
        <translation>Conflict</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="84"/>
        <source>随机抽取…</source>
        <translation>Random Draw…</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="86"/>
        <source>添加专家…</source>
        <translation>Add Experts…</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="88"/>
        <location filename="../../ui/panels_page.py" line="427"/>
        <source>移除成员</source>
        <translation>Remove Member</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="90"/>
        <location filename="../../ui/panels_page.py" line="433"/>
        <source>设为组长</source>
        <translation>Make Leader</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="92"/>
        <source>分配评审任务…</source>
        <translation>Assign Reviews…</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="128"/>
        <source>重新检测回避</source>
        <translation>Re-detect Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="130"/>
        <source>按单位信用代码、单位名称、项目负责人/成员与专家声明重新判定 (F6)</source>
        <translation>Check again by organization credit code, organization name, project leader/members and the experts&apos; declarations (F6)</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="132"/>
        <location filename="../../ui/panels_page.py" line="565"/>
        <source>添加回避…</source>
        <translation>Add Conflict…</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="135"/>
        <location filename="../../ui/panels_page.py" line="567"/>
        <source>撤销回避…</source>
        <translation>Dismiss Conflict…</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="156"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="158"/>
        <source>另存为文本…</source>
        <translation>Save as Text…</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="173"/>
        <source>成员与分配</source>
        <translation>Members and Assignments</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="174"/>
        <source>回避矩阵</source>
        <translation>Conflict Matrix</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="175"/>
        <source>抽取记录</source>
        <translation>Draw Records</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="188"/>
        <source>专家组与回避</source>
        <translation>Panels and Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="193"/>
        <source>本批次 %1 个评审组，%2 位成员，%3 项评审任务；回避 %4 处</source>
        <translation>%1 panels in this session, %2 members, %3 review tasks; %4 conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="221"/>
        <source>%1（%2 人，%3 项）</source>
        <translation>%1 (%2 members, %3 applications)</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="266"/>
        <source>本批次还没有评审组：点击“新建评审组…”</source>
        <translation>This session has no panels yet: click “New Panel…”</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="275"/>
        <source>每项目 %1 位专家（种子 %2）</source>
        <translation>%1 experts per application, seed %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="276"/>
        <source>全员评审</source>
        <translation>all members review all</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="278"/>
        <source>%1：%2 位成员，%3 个申报项目，已分配 %4 项评审任务（%5）</source>
        <translation>%1: %2 members, %3 applications, %4 reviews assigned (%5)</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="296"/>
        <source>项目%1</source>
        <translation>Item %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="297"/>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="304"/>
        <source>评审专家少于 3 位</source>
        <translation>Fewer than 3 reviewers</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="359"/>
        <location filename="../../ui/panels_page.py" line="364"/>
        <location filename="../../ui/screenshots.py" line="550"/>
        <source>新建评审组</source>
        <translation>New Panel</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="371"/>
        <location filename="../../ui/panels_page.py" line="375"/>
        <source>删除评审组</source>
        <translation>Delete Panel</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="372"/>
        <source>删除评审组“%1”及其分配？抽取记录会保留。</source>
        <translation>Delete panel “%1” and its assignments? The draw records are kept.</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="391"/>
        <location filename="../../ui/panels_page.py" line="402"/>
        <source>随机抽取专家</source>
        <translation>Random Draw of Experts</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="399"/>
        <source>抽中 %1 位专家（随机种子 %2）</source>
        <translation>Drew %1 experts (seed %2)</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="415"/>
        <location filename="../../ui/panels_page.py" line="417"/>
        <source>添加专家</source>
        <translation>Add Experts</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="445"/>
        <location filename="../../ui/panels_page.py" line="452"/>
        <source>分配评审任务</source>
        <translation>Assign Reviews</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="449"/>
        <source>已分配 %1 项评审任务</source>
        <translation>Assigned %1 reviews</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="460"/>
        <source>检测回避</source>
        <translation>Detect Conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="463"/>
        <source>回避检测完成：新增 %1，消除 %2，现有 %3，已撤销 %4</source>
        <translation>Conflict check finished: %1 new, %2 cleared, %3 active, %4 dismissed</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="512"/>
        <source>已撤销</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="512"/>
        <source>原因：%1
撤销理由：%2</source>
        <translation>Reason: %1
Dismissed because: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="521"/>
        <source>%1 位专家 × %2 个申报包：回避 %3 处，已撤销 %4 处</source>
        <translation>%1 experts × %2 packages: %3 conflicts, %4 dismissed</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="531"/>
        <source>%1（%2）</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="545"/>
        <source>选中一格查看回避原因；右键可添加或撤销回避。</source>
        <translation>Select a cell to see the reason for a conflict; right-click to add or dismiss a conflict.</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="549"/>
        <source>自动</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="549"/>
        <source>人工</source>
        <translation>manual</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="550"/>
        <source>回避［%1］：%2</source>
        <translation>Conflict [%1]: %2</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="550"/>
        <source>专家声明</source>
        <translation>declared by the expert</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="552"/>
        <source>已撤销：%1（理由：%2）</source>
        <translation>Dismissed: %1 (reason: %2)</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="555"/>
        <source>无回避</source>
        <translation>No conflict</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="569"/>
        <source>恢复已撤销的回避：%1</source>
        <translation>Reinstate Dismissed Conflict: %1</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="576"/>
        <location filename="../../ui/panels_page.py" line="579"/>
        <location filename="../../ui/panels_page.py" line="585"/>
        <source>添加回避</source>
        <translation>Add Conflict</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="576"/>
        <source>请先在回避矩阵中选中专家与申报包所在的格。</source>
        <translation>First select the cell of the expert and the application package in the conflict matrix.</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="579"/>
        <source>%1 回避 %2 %3 的原因：</source>
        <translation>Reason for the conflict of interest between %1 and %2 %3:</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="591"/>
        <location filename="../../ui/panels_page.py" line="595"/>
        <location filename="../../ui/panels_page.py" line="603"/>
        <source>撤销回避</source>
        <translation>Dismiss Conflict</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="591"/>
        <source>选中的格没有回避。</source>
        <translation>The selected cell has no conflict.</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="596"/>
        <source>撤销 %1 对 %2 的回避（%3）。撤销理由会记入审计日志：</source>
        <translation>Dismiss the conflict between %1 and %2 (%3). The reason for dismissing it is recorded in the audit log:</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="606"/>
        <source>恢复回避</source>
        <translation>Reinstate Conflict</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="618"/>
        <source>第 %1 号 %2 %3</source>
        <translation>No. %1 %2 %3</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="652"/>
        <location filename="../../ui/panels_page.py" line="660"/>
        <source>保存抽取记录</source>
        <translation>Save Draw Record</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="653"/>
        <source>专家抽取记录%1.txt</source>
        <translation>Expert draw record %1.txt</translation>
    </message>
    <message>
        <location filename="../../ui/panels_page.py" line="654"/>
        <source>文本文件 (*.txt)</source>
        <translation>Text files (*.txt)</translation>
    </message>
</context>
<context>
    <name>ParamsDialog</name>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="147"/>
        <source>模板参数</source>
        <translation>Template figures</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="148"/>
        <source>以下参数由当年申报通知确定，录入后才能计算金额：</source>
        <translation>These figures are set by this year&apos;s call notice; amounts can be computed once they are entered:</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="149"/>
        <source>所有模板参数均已录入。如需修改，请在下方填写项目、方向与参数名。</source>
        <translation>Every template figure is entered. To change one, fill in the item, direction and figure name below.</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="152"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="152"/>
        <source>方向</source>
        <translation>Direction</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="152"/>
        <source>参数</source>
        <translation>Figure</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="152"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="153"/>
        <source>来源（文号）</source>
        <translation>Source (notice no.)</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="163"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="192"/>
        <source>第 %1 行：请填写项目编号、方向编号（整数）和参数名。</source>
        <translation>Row %1: enter the item number, the direction number (whole numbers) and the figure name.</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="196"/>
        <source>第 %1 行：数值不是数字。</source>
        <translation>Row %1: the value is not a number.</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="199"/>
        <source>请至少填写一个数值。</source>
        <translation>Enter at least one value.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="40"/>
        <source>设置专家工作区口令</source>
        <translation>Set the expert workspace passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="40"/>
        <source>解锁专家工作区</source>
        <translation>Unlock the expert workspace</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="44"/>
        <source>为什么需要口令</source>
        <translation>Why a passphrase is needed</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="51"/>
        <location filename="../../ui/signer_dialogs.py" line="109"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="51"/>
        <source>设置口令（至少 %1 个字符）</source>
        <translation>Passphrase (at least %1 characters)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="56"/>
        <source>再次输入</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="74"/>
        <location filename="../../ui/signer_dialogs.py" line="126"/>
        <source>口令至少 %1 个字符</source>
        <translation>The passphrase needs at least %1 characters</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="76"/>
        <location filename="../../ui/signer_dialogs.py" line="129"/>
        <source>两次输入的口令不一致</source>
        <translation>The two passphrases differ</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="78"/>
        <source>请输入口令</source>
        <translation>Enter the passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="98"/>
        <source>密钥口令</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="111"/>
        <source>再输入一次</source>
        <translation>Repeat</translation>
    </message>
</context>
<context>
    <name>PasswordsDialog</name>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="35"/>
        <source>评审包已生成 — 请记录密码</source>
        <translation>Review Bundles Created — Note the Passwords</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="54"/>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="54"/>
        <source>评审包文件</source>
        <translation>Bundle File</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="54"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="54"/>
        <source>申报数</source>
        <translation>Applications</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="55"/>
        <source>任务通知书</source>
        <translation>Assignment Letter</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="67"/>
        <source>秘书签名密钥指纹：%1</source>
        <translation>Secretary&apos;s signing key fingerprint: %1</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="78"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="79"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="80"/>
        <source>打印密码清单和每位专家的任务通知书</source>
        <translation>Print the password list and every expert&apos;s assignment letter</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="82"/>
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="83"/>
        <source>把密码清单和全部任务通知书保存为一个 PDF（请勿存放在交给专家的 U 盘中）</source>
        <translation>Save the password list and all assignment letters as one PDF (not on the USB stick handed to experts)</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="85"/>
        <source>复制全部</source>
        <translation>Copy All</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="40"/>
        <source>密码只显示这一次，系统不保存密码。每位专家的密码写在其任务通知书中。请将评审包与任务通知书分开交付。关闭前请打印或保存为 PDF（密码清单和全部任务通知书）。</source>
        <translation>The passwords are shown only this once; the system does not keep them. Each expert&apos;s password is written in their assignment letter. Hand over the bundles and the letters separately. Before closing, print or save as PDF (the password list and all letters).</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="44"/>
        <source>① 评审包（交给专家，可拷入 U 盘）：%1</source>
        <translation>① Review bundles (for the experts, may go on the USB stick): %1</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="46"/>
        <source>② 任务通知书（载有密码，留在本机，打印后单独交付，勿放入 U 盘）：%1</source>
        <translation>② Assignment letters (with the passwords; keep them on this computer, print and hand over separately, never on the USB stick): %1</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="49"/>
        <source>② 任务通知书（载有密码）未保存为文件：请用下方“打印…”或“保存为 PDF…”，单独交付。</source>
        <translation>② The assignment letters (with the passwords) were not saved as files: use &quot;Print…&quot; or &quot;Save as PDF…&quot; below and hand them over separately.</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="63"/>
        <source>（仅打印 / PDF）</source>
        <translation>(print / PDF only)</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="87"/>
        <source>打开评审包文件夹</source>
        <translation>Open bundles folder</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="90"/>
        <source>打开任务通知书文件夹</source>
        <translation>Open letters folder</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="124"/>
        <source>评审包密码清单和任务通知书</source>
        <translation>Bundle passwords and assignment letters</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="126"/>
        <source>打印密码清单和任务通知书</source>
        <translation>Print the password list and assignment letters</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="132"/>
        <location filename="../../ui/passwords_dialog.py" line="135"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="132"/>
        <source>未能打印：%1</source>
        <translation>Could not print: %1</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="135"/>
        <source>未能打印：打印机不可用。请检查打印机或改用“保存为 PDF…”。</source>
        <translation>Could not print: the printer is not available. Check the printer or use &quot;Save as PDF…&quot;.</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="138"/>
        <source>已发送到打印机（%1 页）。</source>
        <translation>Sent to the printer (%1 pages).</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="144"/>
        <source>保存密码清单和任务通知书</source>
        <translation>Save the password list and assignment letters</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="145"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="157"/>
        <source>保存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="158"/>
        <source>未能保存 %1：%2</source>
        <translation>Could not save %1: %2</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="161"/>
        <source>已保存到 %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="172"/>
        <source>关闭密码窗口</source>
        <translation>Close the password window</translation>
    </message>
    <message>
        <location filename="../../ui/passwords_dialog.py" line="174"/>
        <source>密码尚未打印或保存为 PDF。关闭后本窗口不再显示密码，系统也不保存密码（每位专家的密码只写在其任务通知书中）。

确定关闭吗？</source>
        <translation>The passwords have not been printed or saved as PDF. Once closed, this window will not show them again and the system does not store them (each expert&apos;s password is only in their assignment letter).

Close anyway?</translation>
    </message>
</context>
<context>
    <name>PdfSearchBar</name>
    <message>
        <location filename="../../ui/pdf_search.py" line="43"/>
        <source>在文档中查找…</source>
        <translation>Find in document…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_search.py" line="44"/>
        <source>Enter / F3：下一处；Shift+Enter / Shift+F3：上一处；Esc：关闭查找</source>
        <translation>Enter / F3: next; Shift+Enter / Shift+F3: previous; Esc: close the search</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_search.py" line="52"/>
        <source>上一处 (Shift+F3)</source>
        <translation>Previous (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_search.py" line="53"/>
        <source>下一处 (F3)</source>
        <translation>Next (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_search.py" line="54"/>
        <source>关闭查找 (Esc)</source>
        <translation>Close the search (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_search.py" line="189"/>
        <source>%1 处</source>
        <translation>%1 found</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_search.py" line="192"/>
        <source>查找中…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_search.py" line="194"/>
        <location filename="../../ui/pdf_search.py" line="195"/>
        <source>无结果</source>
        <translation>No results</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="52"/>
        <source>页码（PgUp / PgDn 翻页）</source>
        <translation>Page number (PgUp / PgDn to turn pages)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="55"/>
        <source>查找</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="55"/>
        <source>在文档中查找 (Ctrl+F)</source>
        <translation>Find in document (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="56"/>
        <location filename="../../ui/pdf_viewer.py" line="211"/>
        <source>放大阅读</source>
        <translation>Full window</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="57"/>
        <source>文档占满窗口阅读 (F11)；再按 F11 或 Esc 还原</source>
        <translation>Read with the document filling the window (F11); F11 or Esc again to restore</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="64"/>
        <source>缩小 (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="64"/>
        <source>放大 (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="65"/>
        <source>适合宽度</source>
        <translation>Fit Width</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="65"/>
        <source>适合宽度 (Ctrl+0)</source>
        <translation>Fit width (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="126"/>
        <source>/ 共 %1 页</source>
        <translation>of %1</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_viewer.py" line="211"/>
        <source>还原</source>
        <translation>Restore</translation>
    </message>
</context>
<context>
    <name>PublicityDialog</name>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="223"/>
        <location filename="../../ui/funding_dialogs.py" line="236"/>
        <source>公示</source>
        <translation>Publish</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="224"/>
        <source>公示后预算、参数与金额不能再修改，只能通过异议处理调整。公示期（含首尾两日）：</source>
        <translation>After publishing, budgets, figures and amounts cannot change except through objections. Publicity period (both days included):</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="230"/>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="231"/>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../../ui/funding_dialogs.py" line="244"/>
        <source>结束日期不能早于开始日期。</source>
        <translation>The end date cannot be earlier than the start date.</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../ui/panel_dialogs.py" line="208"/>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>RecusalDialog</name>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="204"/>
        <location filename="../../ui/expert/dialogs.py" line="216"/>
        <source>申请回避</source>
        <translation>Recuse</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="207"/>
        <source>申报 %1“%2”</source>
        <translation>Application %1 “%2”</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="210"/>
        <source>与申报单位、合作单位或项目成员存在利害关系时应申请回避。回避后该申报不评分，在评分文件和评分表中显示为“回避”及理由，不计入本人评分。</source>
        <translation>Recuse when you have a conflict of interest with the applicant, a partner or a team member. A recused application is not graded; the score file and score sheet show “recused” with the reason, and it does not count in your scores.</translation>
    </message>
    <message>
        <location filename="../../ui/expert/dialogs.py" line="212"/>
        <source>回避理由（必填），如：本人在申报单位兼职</source>
        <translation>Reason (required), e.g. I hold a part-time post at the applicant</translation>
    </message>
</context>
<context>
    <name>RemovedState</name>
    <message>
        <location filename="../../ui/expert/empty_state.py" line="51"/>
        <source>打印个人评分表…</source>
        <translation>Print personal score sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/expert/empty_state.py" line="53"/>
        <source>保存个人评分表 PDF…</source>
        <translation>Save personal score sheet as PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/expert/empty_state.py" line="70"/>
        <source>此评审包的材料已在导出后删除，只保留了已签名的评分记录（r%1）。可打印个人评分表。</source>
        <translation>This bundle&apos;s materials were removed after export; only the signed score record (r%1) is kept. The personal score sheet can still be printed.</translation>
    </message>
</context>
<context>
    <name>RepinDialog</name>
    <message>
        <location filename="../../ui/exchange_page.py" line="328"/>
        <source>更换专家密钥</source>
        <translation>Re-pin Expert Key</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="330"/>
        <source>专家 %1 更换电脑或密钥后，其评分文件会因密钥不同被拒收。核实后可改为信任新密钥。更换原因（记入审计日志）：</source>
        <translation>Once expert %1 changes computer or key, their score files are refused because the key differs. After verifying, you can trust the new key instead. Reason for the change (recorded in the audit log):</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="332"/>
        <source>新密钥指纹（见专家软件“设置”或其个人评分表）</source>
        <translation>New key fingerprint (see “Settings” in the expert&apos;s software or their personal score sheet)</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../ui/results_model.py" line="34"/>
        <source>总排名</source>
        <translation>Overall Rank</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="34"/>
        <source>项目内排名</source>
        <translation>Rank in Item</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="34"/>
        <source>申报编号</source>
        <translation>Application ID</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="35"/>
        <source>项目名称</source>
        <translation>Project Title</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="36"/>
        <source>平均分</source>
        <translation>Mean</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="36"/>
        <source>去高低平均</source>
        <translation>Trimmed Mean</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="36"/>
        <source>项目得分</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="36"/>
        <source>推荐</source>
        <translation>Recommendations</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="36"/>
        <source>结论</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="39"/>
        <source>分歧</source>
        <translation>Flags</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="48"/>
        <source>拟资助（万元）</source>
        <translation>Proposed (10k CNY)</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="132"/>
        <source>有专家组意见草稿（尚未录入）</source>
        <translation>Has a draft panel opinion (not recorded yet)</translation>
    </message>
    <message>
        <location filename="../../ui/results_model.py" line="134"/>
        <source>原总分 %1，不计入：%2</source>
        <translation>Total on record %1, not counted: %2</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../ui/results_page.py" line="356"/>
        <source>（%1，不计入）</source>
        <translation> (%1, not counted)</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="374"/>
        <source>不计入：%1</source>
        <translation>Not counted: %1</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="383"/>
        <source>形式审查结论：%1</source>
        <translation>Formal check decision: %1</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="384"/>
        <source>%1 的评分不计入：%2</source>
        <translation>Review by %1 not counted: %2</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="107"/>
        <source>生成评审结果表…</source>
        <translation>Generate Result Sheets…</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="109"/>
        <source>每个申报项目的评审意见表、评审组汇总表与个人评分表（PDF，可数字签名）(Ctrl+P)</source>
        <translation>Opinion sheet for each application, panel summary sheet and personal score sheets (PDF, optionally digitally signed) (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="111"/>
        <source>组长加签…</source>
        <translation>Leader Countersign…</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="112"/>
        <source>在已生成（并由秘书签名）的评审结果表上加上组长的数字签名；原有签名保持有效</source>
        <translation>Add the panel leader&apos;s digital signature to result sheets already written (and signed by the secretary); earlier signatures stay valid</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="114"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="116"/>
        <location filename="../../ui/results_page.py" line="265"/>
        <source>定稿…</source>
        <translation>Finalize…</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="119"/>
        <source>评审组</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="140"/>
        <source>申报编号</source>
        <translation>Application ID</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="140"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="140"/>
        <location filename="../../ui/results_page.py" line="141"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="140"/>
        <source>已处理</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="141"/>
        <source>专家</source>
        <translation>Expert</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="141"/>
        <source>评分项目数</source>
        <translation>Scored</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="141"/>
        <source>平均偏差</source>
        <translation>Mean Deviation</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="157"/>
        <source>专家组意见（组长执笔）</source>
        <translation>Panel consensus (written by the leader)</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="164"/>
        <source>最终结论与计算结论不同时必须写明理由</source>
        <translation>A reason is required when the final conclusion differs from the calculated one</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="165"/>
        <source>组长</source>
        <translation>Leader</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="166"/>
        <source>秘书代录</source>
        <translation>Secretary (on behalf)</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="171"/>
        <source>保存专家组意见</source>
        <translation>Save Consensus</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="177"/>
        <source>意见</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="178"/>
        <source>最终结论</source>
        <translation>Final conclusion</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="179"/>
        <source>理由</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="186"/>
        <source>录入</source>
        <translation>Entered by</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="189"/>
        <source>评分明细</source>
        <translation>Score Details</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="190"/>
        <location filename="../../ui/results_page.py" line="474"/>
        <source>专家组意见</source>
        <translation>Panel Consensus</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="191"/>
        <source>分歧提示</source>
        <translation>Divergence Flags</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="192"/>
        <source>评审一致性</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="205"/>
        <source>评审结果</source>
        <translation>Results</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="211"/>
        <source>%1：%2，%3 个申报项目，专家组意见已录入 %4 个</source>
        <translation>%1: %2, %3 applications, panel opinions recorded for %4</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="263"/>
        <source>本批次还没有评审组</source>
        <translation>This session has no panels yet</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="265"/>
        <source>重新开启…</source>
        <translation>Reopen…</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="266"/>
        <source>去高低平均</source>
        <translation>Trimmed Mean</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="267"/>
        <source>算术平均</source>
        <translation>Arithmetic Mean</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="268"/>
        <source>%1 · 第 %2 版 · %3 · 数据摘要 %4</source>
        <translation>%1 · version %2 · %3 · data hash %4</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="212"/>
        <location filename="../../ui/results_page.py" line="268"/>
        <source>已定稿</source>
        <translation>Finalized</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="212"/>
        <location filename="../../ui/results_page.py" line="268"/>
        <source>评审中</source>
        <translation>Under review</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="320"/>
        <source>分歧提示（%1）</source>
        <translation>Divergence Flags (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="659"/>
        <source>已入档 %1 个文件，拒收 %2 个。</source>
        <translation>%1 file(s) filed, %2 refused.</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="355"/>
        <source>评审指标</source>
        <translation>Criterion</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="356"/>
        <source>权重</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="370"/>
        <source>总分</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="380"/>
        <source>计算结论：%1</source>
        <translation>Calculated conclusion: %1</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="382"/>
        <source>（专家组意见已过期：评分在其后有变化）</source>
        <translation> (panel consensus out of date: scores changed after it was saved)</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="476"/>
        <source>已保存 %1 的专家组意见</source>
        <translation>Panel consensus for %1 saved</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="483"/>
        <source>重新开启评审批次</source>
        <translation>Reopen Review Session</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="483"/>
        <source>重新开启后可修改评分与意见；此后打印的评审表版本号加一。理由：</source>
        <translation>After reopening, scores and opinions can be changed; sheets printed from then on get the next version number. Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="486"/>
        <source>重新开启</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="490"/>
        <location filename="../../ui/results_page.py" line="493"/>
        <location filename="../../ui/results_page.py" line="495"/>
        <source>定稿</source>
        <translation>Finalize</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="494"/>
        <source>定稿后本批次（%1 个申报项目）只读，修改须重新开启并说明理由。现在定稿？</source>
        <translation>Once finalized, this session (%1 applications) is read-only; changes require reopening it with a reason. Finalize now?</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="516"/>
        <source>导出评审结果</source>
        <translation>Export Results</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="521"/>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="522"/>
        <source>已导出 %1</source>
        <translation>Exported %1</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="526"/>
        <source>选择存放评审结果表的文件夹</source>
        <translation>Choose a Folder for the Result Sheets</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="606"/>
        <source>组长只能用本人的密钥签名：
• 组长携带本人的 UKey 在本机签名；或
• 把结果表交给组长，由组长在本人电脑的专家工作台中签署（文件 → 组长签署结果表…），交回后用“导入组长签署的结果表…”入档。</source>
        <translation>The panel leader signs only with the leader&apos;s own key:
• the leader signs here with the leader&apos;s own UKey; or
• give the sheet to the leader, who signs it in the expert workspace on the leader&apos;s own computer (File → Countersign a result sheet as panel leader…); when it comes back, file it with “Accept sheets countersigned by the leader…”.</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="607"/>
        <source>使用组长本人的 UKey…</source>
        <translation>Use the Leader&apos;s Own UKey…</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="634"/>
        <source>导入组长签署的结果表…</source>
        <translation>Accept sheets countersigned by the leader…</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="635"/>
        <source>组长在本人电脑上签署后交回的结果表：核验组长证书、原有签名和发出的结果表后入档</source>
        <translation>Result sheets the panel leader signed on the leader&apos;s own computer: checks the leader&apos;s certificate, the earlier signatures and the issued sheet, then files them</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="646"/>
        <source>选择组长签署后交回的结果表</source>
        <translation>Choose the result sheets countersigned by the leader</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="655"/>
        <source>已入档：</source>
        <translation>Filed: </translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="655"/>
        <source>拒收：</source>
        <translation>Refused: </translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="651"/>
        <location filename="../../ui/results_page.py" line="658"/>
        <source>导入组长签署的结果表</source>
        <translation>Accept countersigned result sheets</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="438"/>
        <source>草稿未能保存：%1</source>
        <translation>Draft not saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="453"/>
        <source>草稿已保存 %1</source>
        <translation>Draft saved %1</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="454"/>
        <source>专家组意见尚未录入：文字已作为草稿保存，录入后草稿自动删除</source>
        <translation>The panel opinion is not recorded yet: the text is kept as a draft, deleted once the opinion is recorded</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="490"/>
        <source>还不能定稿：以下 %1 项须先处理。</source>
        <translation>Cannot finalize yet: %1 item(s) to deal with first.</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="531"/>
        <source>用秘书的签名证书对生成的 PDF 做数字签名？</source>
        <translation>Digitally sign the generated PDFs with the secretary&apos;s signing certificate?</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="546"/>
        <source>正在生成评审结果表…</source>
        <translation>Generating result sheets…</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="546"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="547"/>
        <location filename="../../ui/results_page.py" line="563"/>
        <source>生成评审结果表</source>
        <translation>Generate Result Sheets</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="569"/>
        <source>已取消，未留下任何文件</source>
        <translation>Cancelled; no files were left behind</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="574"/>
        <source>评审结果表</source>
        <translation>Result Sheets</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="575"/>
        <source>已生成 %1 个 PDF 文件%2。</source>
        <translation>Generated %1 PDF file(s)%2.</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="576"/>
        <source>（已数字签名，签名人 %1）</source>
        <translation> (digitally signed by %1)</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="578"/>
        <source>打开汇总表</source>
        <translation>Open Summary</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="579"/>
        <source>打开文件夹</source>
        <translation>Open Folder</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="580"/>
        <source>打印汇总表…</source>
        <translation>Print Summary Sheet…</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="581"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="597"/>
        <source>选择要由组长加签的评审结果表</source>
        <translation>Choose the result sheets the leader countersigns</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="603"/>
        <location filename="../../ui/results_page.py" line="619"/>
        <location filename="../../ui/results_page.py" line="627"/>
        <source>组长加签</source>
        <translation>Leader Countersign</translation>
    </message>
    <message>
        <location filename="../../ui/results_page.py" line="622"/>
        <location filename="../../ui/results_page.py" line="629"/>
        <source>已由 %1 加签 %2 个文件</source>
        <translation>%2 file(s) countersigned by %1</translation>
    </message>
</context>
<context>
    <name>RosterImportDialog</name>
    <message>
        <location filename="../../ui/roster_page.py" line="52"/>
        <source>专家库导入结果</source>
        <translation>Expert Roster Import Results</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="61"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="61"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="61"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="61"/>
        <source>应为</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="75"/>
        <source>未识别的列（已忽略）：%1</source>
        <translation>Unrecognized columns (ignored): %1</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="81"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RosterPage</name>
    <message>
        <location filename="../../ui/roster_model.py" line="30"/>
        <source>专家编号</source>
        <translation>Expert ID</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="30"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="31"/>
        <source>工作单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="31"/>
        <source>职称</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="32"/>
        <source>专业领域</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="32"/>
        <source>手机</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="33"/>
        <source>电子邮箱</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="33"/>
        <source>回避单位/人员</source>
        <translation>Declared conflicts</translation>
    </message>
    <message>
        <location filename="../../ui/roster_model.py" line="94"/>
        <source>已停用：不再被抽取或加入评审组</source>
        <translation>Deactivated: no longer drawn or added to a panel</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="94"/>
        <source>筛选：姓名、单位、专业领域…</source>
        <translation>Filter: name, organization, expertise…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="114"/>
        <source>从 Excel 导入…</source>
        <translation>Import from Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="115"/>
        <source>按“专家编号”新增或更新专家（Ctrl+Shift+E）</source>
        <translation>Add or update experts by “Expert ID” (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="118"/>
        <source>导出为 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="120"/>
        <source>保存导入模板…</source>
        <translation>Save Import Template…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="123"/>
        <source>新增专家…</source>
        <translation>New Expert…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="125"/>
        <source>修改…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="126"/>
        <source>修改所选专家的信息（也可双击该行）</source>
        <translation>Edit the selected expert (or double-click the row)</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="128"/>
        <location filename="../../ui/roster_page.py" line="238"/>
        <source>停用…</source>
        <translation>Deactivate…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="129"/>
        <source>停用的专家保留在专家库中，但不再被抽取或加入评审组；可随时重新启用</source>
        <translation>A deactivated expert stays in the roster but is no longer drawn or added to a panel; reactivate at any time</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="179"/>
        <source>专家库</source>
        <translation>Expert Roster</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="181"/>
        <source>专家库：%1 位专家</source>
        <translation>Roster: %1 experts</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="182"/>
        <source>（其中停用 %1 位）</source>
        <translation> (%1 deactivated)</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="238"/>
        <source>启用…</source>
        <translation>Reactivate…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="293"/>
        <source>已新增专家 %1</source>
        <translation>Expert %1 added</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="301"/>
        <source>已保存专家 %1 的信息</source>
        <translation>Expert %1 saved</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="313"/>
        <location filename="../../ui/roster_page.py" line="324"/>
        <source>启用专家</source>
        <translation>Reactivate Expert</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="314"/>
        <location filename="../../ui/roster_page.py" line="324"/>
        <source>停用专家</source>
        <translation>Deactivate Expert</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="314"/>
        <source>重新启用 %1：原因（可不填，记入审计日志）</source>
        <translation>Reactivate %1. Reason (optional, recorded in the audit log):</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="315"/>
        <source>停用 %1：停用后不再被抽取或加入评审组，已有的评审组和评分不受影响。原因（可不填，记入审计日志）</source>
        <translation>Deactivate %1: no longer drawn or added to a panel; existing panels and scores are not affected. Reason (optional, recorded in the audit log):</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="327"/>
        <source>已启用专家 %1</source>
        <translation>Expert %1 reactivated</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="327"/>
        <source>已停用专家 %1</source>
        <translation>Expert %1 deactivated</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="335"/>
        <source>专家库共 %1 位专家，显示 %2 位</source>
        <translation>%1 experts in the roster, %2 shown</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="347"/>
        <location filename="../../ui/roster_page.py" line="355"/>
        <source>导入专家库</source>
        <translation>Import Expert Roster</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="360"/>
        <source>专家库导入：%1</source>
        <translation>Roster import: %1</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="366"/>
        <location filename="../../ui/roster_page.py" line="373"/>
        <source>导出专家库</source>
        <translation>Export Expert Roster</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="375"/>
        <source>已导出 %1 位专家到 %2</source>
        <translation>Exported %1 experts to %2</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="379"/>
        <source>保存专家库导入模板</source>
        <translation>Save Expert Roster Import Template</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="386"/>
        <source>保存导入模板</source>
        <translation>Save Import Template</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="388"/>
        <source>模板已保存：%1</source>
        <translation>Template saved: %1</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="141"/>
        <source>合并…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="142"/>
        <source>核实是同一人后，把所选的两位专家合并为一位（记入审计日志）</source>
        <translation>Once you have checked they are one person, merge the selected two experts into one (recorded in the audit log)</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="220"/>
        <source>核实是同一人后点“合并…”；确是两个人时请核对手机与电子邮箱</source>
        <translation>Check they are one person, then click “Merge…”; if they are two people, check their phone and e-mail</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="222"/>
        <source>疑似重复：%1 对（姓名相同，且手机或电子邮箱相同，或同单位且有一方未填手机）</source>
        <translation>Suspected duplicates: %1 pair(s) (same name and the same phone or e-mail, or the same organization with a phone missing)</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="252"/>
        <location filename="../../ui/roster_page.py" line="277"/>
        <source>合并专家</source>
        <translation>Merge Experts</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="257"/>
        <source>%1

合并后，被并入的专家的评审组成员身份、评审分配与回避记录转到保留的专家；保留的专家空缺的职称、手机、电子邮箱由被并入的专家补上，专业领域与回避单位/人员两者合并；然后被并入的专家从专家库删除。已有评分或评审包的专家只能作为保留的一方。合并记入审计日志，不能撤销。

保留哪一位？</source>
        <translation>%1

Merging moves the panel seats, review assignments and conflicts of the merged expert to the one kept; the title, phone and e-mail the kept expert lacks are taken from the merged one, and both experts&apos; fields and declared avoidances are combined; then the merged expert is deleted from the roster. An expert who already has scores or review bundles can only be the one kept. The merge is recorded in the audit log and cannot be undone.

Which one do you keep?</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="258"/>
        <location filename="../../ui/roster_page.py" line="260"/>
        <source>保留 %1，并入 %2</source>
        <translation>Keep %1, merge %2</translation>
    </message>
    <message>
        <location filename="../../ui/roster_page.py" line="262"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ScoreResultsDialog</name>
    <message>
        <location filename="../../ui/exchange_page.py" line="45"/>
        <source>评分文件导入结果</source>
        <translation>Score File Import Results</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="48"/>
        <source>已导入 %1 个，拒收 %2 个</source>
        <translation>%1 imported, %2 refused</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="50"/>
        <source>，失败 %1 个</source>
        <translation>, %1 failed</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="52"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="52"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="52"/>
        <source>说明</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="57"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="58"/>
        <source>拒收</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="69"/>
        <source>详细信息…</source>
        <translation>Details…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="70"/>
        <source>所选文件的完整说明和技术细节</source>
        <translation>The full explanation of the selected file, with the technical detail</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="57"/>
        <source>失败</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_page.py" line="68"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="39"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="52"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="65"/>
        <source>签名人（写入数字签名证书）</source>
        <translation>Signer (written into the signing certificate)</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="68"/>
        <source>更改后，下次签名时重新签发签名证书；旧证书保留，已签名的评审表仍可核验。</source>
        <translation>After a change, the signing certificate is re-issued at the next signature; the old certificate is kept, so sheets already signed can still be verified.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="87"/>
        <source>更改界面语言后，重新启动程序生效。命令行参数 --lang 优先于此设置。</source>
        <translation>A new interface language takes effect when the program is restarted. The command-line option --lang takes precedence over this setting.</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="88"/>
        <source>命令行参数 --lang 优先于此设置。</source>
        <translation>The command-line option --lang takes precedence over this setting.</translation>
    </message>
</context>
<context>
    <name>SheetPrint</name>
    <message>
        <location filename="../../ui/expert/sheet_print.py" line="14"/>
        <source>专家个人评分表</source>
        <translation>Personal score sheet</translation>
    </message>
    <message>
        <location filename="../../ui/expert/sheet_print.py" line="16"/>
        <source>个人评分表 — 打印预览</source>
        <translation>Personal score sheet — print preview</translation>
    </message>
</context>
<context>
    <name>SignerFields</name>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="28"/>
        <source>真实姓名，如 韦丽华</source>
        <translation>Real name, e.g. Wei Lihua</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="29"/>
        <source>职务，如 科员</source>
        <translation>Title, e.g. Clerk</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="30"/>
        <source>单位，如 南宁市科学技术局</source>
        <translation>Unit, e.g. 南宁市科学技术局</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="37"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="38"/>
        <source>职务</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="39"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="54"/>
        <source>签名人资料</source>
        <translation>Signer profile</translation>
    </message>
</context>
<context>
    <name>SignerProfileDialog</name>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="65"/>
        <source>签名人资料</source>
        <translation>Signer profile</translation>
    </message>
    <message>
        <location filename="../../ui/signer_dialogs.py" line="68"/>
        <source>数字签名要写明签名人。请填写您的真实姓名、职务和单位：它们写入签名证书，显示在每份签名的评审表上。以后可在“设置”中更改（证书将重新签发，旧证书保留，已签名的评审表仍可核验）。</source>
        <translation>A digital signature names its signer. Please enter your real name, title and unit: they go into the signing certificate and appear on every signed sheet. You can change them later in Settings (the certificate is then re-issued; the old one is kept, so sheets already signed can still be verified).</translation>
    </message>
</context>
<context>
    <name>StartPanel</name>
    <message>
        <location filename="../../ui/start_panel.py" line="41"/>
        <source>评审工作的八个步骤</source>
        <translation>The eight steps of a review</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="51"/>
        <source>按顺序完成各步骤；点击步骤名称即可打开对应页面或操作。各步骤的状态随数据自动更新。</source>
        <translation>Work through the steps in order; click a step to open its page or action. The states follow the data automatically.</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="54"/>
        <source>显示全部页面</source>
        <translation>Show all pages</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="55"/>
        <source>关闭开始页，显示申报包、专家库等各页</source>
        <translation>Close the start page and show the pages (packages, roster, …)</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="57"/>
        <source>使用手册 (F1)</source>
        <translation>User manual (F1)</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="70"/>
        <source>新建评审批次（名称、指南、评审表）</source>
        <translation>Create a review session (name, guide, review form)</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="71"/>
        <source>导入申报包（.nnpkg / .zip）或整个文件夹；也可直接拖到窗口</source>
        <translation>Import packages (.nnpkg / .zip) or a whole folder; or drop them onto the window</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="72"/>
        <source>逐个核对机器审查结果，登记形式审查结论（通过 / 不予受理）</source>
        <translation>Go through the machine check results and record the formal decisions (accepted / not accepted)</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="73"/>
        <source>导入或维护专家库（Excel 模板）</source>
        <translation>Import or maintain the expert roster (Excel template)</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="74"/>
        <source>组建评审组：抽取专家、检测回避、分配评审任务</source>
        <translation>Set up panels: draw experts, detect conflicts, assign reviews</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="75"/>
        <source>为每位专家生成加密评审包和任务通知书（密码只显示一次）</source>
        <translation>Make each expert&apos;s encrypted bundle and assignment letter (passwords are shown once)</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="76"/>
        <source>导入专家交回的评分文件（.nnscore）</source>
        <translation>Import the score files (.nnscore) returned by the experts</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="78"/>
        <source>汇总评分、记录专家组意见、定稿并输出结果表</source>
        <translation>Sum up the scores, record panel opinions, finalise and produce the result sheets</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="110"/>
        <source>专家一方：专家用“评审系统（专家端）”打开评审包，输入任务通知书上的密码，逐项评分并导出评分文件交回。详见使用手册。</source>
        <translation>The expert&apos;s side: experts open the bundle in the review system (expert edition) with the password from their letter, grade each criterion and return the exported score file. See the user manual.</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="134"/>
        <source>开始</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="154"/>
        <source>下一步：%1</source>
        <translation>Next: %1</translation>
    </message>
    <message>
        <location filename="../../ui/start_panel.py" line="155"/>
        <source>本批次各步骤均已完成。</source>
        <translation>Every step of this session is done.</translation>
    </message>
</context>
<context>
    <name>StartupFiles</name>
    <message>
        <location filename="../../ui/open_files.py" line="141"/>
        <source>打开文件</source>
        <translation>Open Files</translation>
    </message>
    <message>
        <location filename="../../ui/open_files.py" line="141"/>
        <source>找不到以下文件：
%1</source>
        <translation>These files were not found:
%1</translation>
    </message>
    <message>
        <location filename="../../ui/open_files.py" line="147"/>
        <source>此版本没有专家评审工作台，无法打开评审包：
%1

评审包（.nnrb）由评审专家在专家评审工作台中用一次性密码打开。</source>
        <translation>This version has no expert workspace and cannot open the review bundle:
%1

Review bundles (.nnrb) are opened by the reviewing expert in the expert workspace with a one-time password.</translation>
    </message>
    <message>
        <location filename="../../ui/open_files.py" line="150"/>
        <source>打开评审包</source>
        <translation>Open Review Bundle</translation>
    </message>
    <message>
        <location filename="../../ui/open_files.py" line="175"/>
        <source>导入评分文件</source>
        <translation>Import Score Files</translation>
    </message>
    <message>
        <location filename="../../ui/open_files.py" line="175"/>
        <location filename="../../ui/open_files.py" line="186"/>
        <source>请先新建评审批次。</source>
        <translation>Please create a review session first.</translation>
    </message>
    <message>
        <location filename="../../ui/open_files.py" line="186"/>
        <source>导入申报包</source>
        <translation>Import Application Packages</translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <location filename="../../ui/expert/submit_dialog.py" line="32"/>
        <source>提交评分：导出签名评分文件</source>
        <translation>Submit: export the signed score file</translation>
    </message>
    <message>
        <location filename="../../ui/expert/submit_dialog.py" line="38"/>
        <source>%1 — 专家 %2</source>
        <translation>%1 — expert %2</translation>
    </message>
    <message>
        <location filename="../../ui/expert/submit_dialog.py" line="41"/>
        <source>已完成（含回避）%1 / %2 项。本次导出为修订 r%3</source>
        <translation>Complete (incl. recused): %1 / %2. This export is revision r%3</translation>
    </message>
    <message>
        <location filename="../../ui/expert/submit_dialog.py" line="43"/>
        <source>（此前已导出 r%1，评审秘书以最后导入的修订为准）</source>
        <translation> (r%1 was exported before; the secretary keeps the last revision imported)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/submit_dialog.py" line="44"/>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <location filename="../../ui/expert/submit_dialog.py" line="49"/>
        <source>以下 %1 项尚未完成：</source>
        <translation>%1 application(s) not complete:</translation>
    </message>
    <message>
        <location filename="../../ui/expert/submit_dialog.py" line="58"/>
        <source>部分交回：只交回已完成和已回避的 %1 项（文件名标注“部分”，之后可再导出完整的新修订）</source>
        <translation>Partial return: only the %1 complete or recused applications (the file name says “部分”; a complete newer revision can follow)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/submit_dialog.py" line="66"/>
        <source>选择文件夹…</source>
        <translation>Choose folder…</translation>
    </message>
    <message>
        <location filename="../../ui/expert/submit_dialog.py" line="68"/>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <location filename="../../ui/expert/submit_dialog.py" line="78"/>
        <source>签名并导出</source>
        <translation>Sign and export</translation>
    </message>
    <message>
        <location filename="../../ui/expert/submit_dialog.py" line="90"/>
        <source>选择保存评分文件的文件夹（如 U 盘）</source>
        <translation>Choose the folder for the score file (e.g. a USB stick)</translation>
    </message>
    <message>
        <location filename="../../ui/expert/submit_dialog.py" line="106"/>
        <source>已导出修订 r%1（%2/%3 项%4）：
%5
专家签名密钥指纹：%6
请将此文件交回评审秘书。</source>
        <translation>Exported revision r%1 (%2/%3%4):
%5
Expert signing key fingerprint: %6
Please hand this file to the review secretary.</translation>
    </message>
    <message>
        <location filename="../../ui/expert/submit_dialog.py" line="107"/>
        <source>，部分交回</source>
        <translation>, partial return</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <location filename="../../ui/token_dialog.py" line="45"/>
        <location filename="../../ui/token_dialog.py" line="157"/>
        <source>使用 UKey（PKCS#11）签名</source>
        <translation>Sign with a UKey (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="48"/>
        <source>UKey 驱动中的 PKCS#11 库（.dll / .so / .dylib）</source>
        <translation>The PKCS#11 library of the UKey driver (.dll / .so / .dylib)</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="49"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="56"/>
        <source>UKey（令牌）标签；只插入一个 UKey 时可留空</source>
        <translation>UKey (token) label; may be left empty when only one UKey is plugged in</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="58"/>
        <source>读取 UKey</source>
        <translation>Read UKeys</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="64"/>
        <source>UKey 中只有一个签名证书时可留空</source>
        <translation>May be left empty when the UKey holds only one signing certificate</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="67"/>
        <source>不会保存</source>
        <translation>never stored</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="74"/>
        <source>PKCS#11 库</source>
        <translation>PKCS#11 library</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="75"/>
        <source>UKey</source>
        <translation>UKey</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="76"/>
        <source>密钥标签</source>
        <translation>Key label</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="77"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="78"/>
        <source>签名人：%1</source>
        <translation>Signer: %1</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="79"/>
        <source>插入 UKey，填写驱动的 PKCS#11 库，输入 PIN。</source>
        <translation>Plug in the UKey, give the driver&apos;s PKCS#11 library and enter the PIN.</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="84"/>
        <source>签名</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="97"/>
        <source>选择 PKCS#11 库</source>
        <translation>Choose the PKCS#11 library</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="98"/>
        <source>PKCS#11 库 (*.dll *.so *.dylib);;所有文件 (*)</source>
        <translation>PKCS#11 libraries (*.dll *.so *.dylib);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="116"/>
        <source>没有检测到 UKey，请插入后重试</source>
        <translation>No UKey found; plug it in and try again</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="154"/>
        <source>数字签名</source>
        <translation>Digital Signature</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="156"/>
        <source>用本机签名证书</source>
        <translation>With this computer&apos;s signing certificate</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="159"/>
        <source>不签名</source>
        <translation>Don&apos;t sign</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="172"/>
        <source>组长 UKey 签名</source>
        <translation>Leader&apos;s UKey signature</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="178"/>
        <source>组长 %1 本人的 UKey</source>
        <translation>Panel leader %1&apos;s own UKey</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="185"/>
        <source>证书主体：%1
签发机构：%2
证书指纹：%3</source>
        <translation>Certificate subject: %1
Issued by: %2
Certificate fingerprint: %3</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="188"/>
        <source>注意：证书姓名“%1”与组长姓名“%2”不一致</source>
        <translation>Note: the name in the certificate “%1” differs from the panel leader&apos;s name “%2”</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="192"/>
        <source>首次登记组长 %1 的 UKey 证书。请与组长核对以下信息：</source>
        <translation>Registering panel leader %1&apos;s UKey certificate for the first time. Check these details with the leader:</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="193"/>
        <source>登记组长证书</source>
        <translation>Register the leader&apos;s certificate</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="197"/>
        <source>UKey 中的证书与组长 %1 已登记的证书（指纹 %2）不同。</source>
        <translation>The certificate on the UKey differs from the one registered for panel leader %1 (fingerprint %2).</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="198"/>
        <source>重新登记的理由：</source>
        <translation>Reason for registering it again:</translation>
    </message>
    <message>
        <location filename="../../ui/token_dialog.py" line="199"/>
        <source>重新登记组长证书</source>
        <translation>Register the leader&apos;s certificate again</translation>
    </message>
</context>
</TS>
