"""From ranking to funding (issue 21; docs/funding.md): amounts by the guide's rules, the funding
line within each budget, routing of items that need no panel, 公示, objections and 立项.

Modules: ``amounts`` (a rule's amount for one application), ``routing`` (panel or rule route),
``exclusive`` (不能重复享受 across a session), ``plan`` (the plan as plain data), ``edits`` (the
secretary's and panel's decisions: budgets, template figures, 核定, 核减/调整, 秘书审核),
``publicity`` (公示, 异议, 立项), ``sheets`` (拟资助项目汇总表, 公示名单: PDF and xlsx)."""
