"""Texts of the funding plan and its decisions (nn_review/funding/plan.py, edits.py), per language."""

CATALOG = {
    # refusals of the decisions (budgets, template figures, 核定, 核减/调整, 秘书审核)
    "funding.edit.err.session": ("没有评审批次 {session}", "There is no review session {session}"),
    "funding.edit.err.locked": ("评审批次“{session}”的拟资助名单已{state}，预算、参数和金额均已锁定；此后的变更只能通过异议处理",
                                "The proposed list of session \"{session}\" is {state}: budgets, figures and amounts "
                                "are locked; changes now come only from objections"),
    "funding.edit.state.published": ("公示", "published"),
    "funding.edit.state.frozen": ("立项冻结", "frozen"),
    "funding.edit.err.float": ("{what}须以文本或 Decimal 给出（如 \"12.5\"），不接受浮点数 {value}",
                               "{what} must be given as text or a Decimal (e.g. \"12.5\"), not the float {value}"),
    "funding.edit.err.number": ("{what}“{value}”不是有效的数字", "{what} \"{value}\" is not a valid number"),
    "funding.edit.err.negative": ("{what}不能为负数，实际为 {value}", "{what} cannot be negative; it is {value}"),
    "funding.edit.err.places": ("{what}最多两位小数（万元），实际为 {value}",
                                "{what} has at most two decimals (10k yuan); it is {value}"),
    "funding.edit.what.amount": ("金额", "The amount"),
    "funding.edit.what.budget": ("预算控制数", "The budget"),
    "funding.edit.what.param": ("参数值", "The figure"),
    "funding.edit.err.reason": ("请写明理由（至少 2 个汉字或 4 个字符）",
                                "Give a reason (at least 2 Chinese characters or 4 characters)"),
    "funding.edit.err.scope": ("资金范围“{scope}”无效：应为 item:项目编号 或 plan:计划类别（{known}）",
                               "Invalid scope \"{scope}\": use item:<item number> or plan:<plan type> ({known})"),
    "funding.edit.err.no_item": ("指南中没有项目 {item}", "The guide has no item {item}"),
    "funding.edit.err.no_direction": ("指南项目 {item} 没有方向 {direction}", "Guide item {item} has no direction {direction}"),
    "funding.edit.err.no_budget": ("“{scope}”没有已录入的预算，无需清除", "\"{scope}\" has no budget to clear"),
    "funding.edit.err.application": ("本批次没有申报项目 {application}", "This session has no application {application}"),
    "funding.edit.err.by": ("录入人应为 leader（组长）或 secretary（秘书代组长），实际为 {by}",
                            "Entered by must be leader or secretary (on the leader's behalf); it is {by}"),
    "funding.edit.err.over_requested": ("申报 {application} 的金额 {amount} 万元超过申请金额 {requested} 万元",
                                        "The amount {amount} of application {application} exceeds the requested "
                                        "{requested} (10k yuan)"),
    "funding.edit.err.over_cap": ("申报 {application} 的金额 {amount} 万元超过资助上限 {cap} 万元",
                                  "The amount {amount} of application {application} exceeds the ceiling {cap} "
                                  "(10k yuan)"),
    "funding.edit.err.rule_route": ("申报 {application} 按规则核定金额（无需评审），不能由专家组核定；请由秘书审核（confirm）",
                                    "Application {application} is funded by the guide's rule (no panel): the panel "
                                    "cannot set its amount; the secretary confirms it instead"),
    "funding.edit.err.panel_route": ("申报 {application} 经专家组评审，没有按规则计算的金额可供秘书审核",
                                     "Application {application} is reviewed by a panel: there is no rule-computed "
                                     "amount to confirm"),
    "funding.edit.err.excluded": ("申报 {application} 形式审查不予受理，不安排资金",
                                  "Application {application} was excluded at the formal check: it is not funded"),
    "funding.edit.err.not_ok": ("申报 {application} 按规则没有可审核的金额（{status}）",
                                "Application {application} has no rule-computed amount to confirm ({status})"),
    "funding.edit.err.no_rule": ("指南项目 {item} 没有资助规则，无需填写参数",
                                 "Guide item {item} has no funding rule: it takes no figures"),
    "funding.edit.err.which_direction": ("指南项目 {item} 的资助规则按方向规定，请指定方向（{directions}）",
                                         "The funding rules of guide item {item} are per direction: name the "
                                         "direction ({directions})"),
    "funding.edit.err.no_params": ("指南项目 {item} 的资助规则没有需要填写的参数",
                                   "The funding rule of guide item {item} takes no figures"),
    "funding.edit.err.no_param": ("指南项目 {item} 的资助规则没有参数“{param}”（可填：{known}）",
                                  "The funding rule of guide item {item} has no figure \"{param}\" (known: {known})"),
    "funding.edit.err.below": ("参数“{label}”不能小于 {low}{unit}，实际为 {value}",
                               "Figure \"{label}\" cannot be below {low}{unit}; it is {value}"),
    "funding.edit.err.above": ("参数“{label}”不能大于 {high}{unit}，实际为 {value}",
                               "Figure \"{label}\" cannot be above {high}{unit}; it is {value}"),
    "funding.edit.err.nothing": ("申报 {application} 没有可撤销的{what}",
                                 "Application {application} has no {what} to withdraw"),
    "funding.edit.status.not_eligible": ("按规则不符合条件", "not eligible under the rule"),
    "funding.edit.status.not_declared": ("申报材料缺少规则所需的数据", "the package lacks a figure the rule needs"),
    "funding.edit.status.needs_params": ("规则参数尚未填写", "the rule's figures are not entered yet"),
    "funding.edit.what.approved": ("核定金额", "approved amount"),
    "funding.edit.what.adjusted": ("核减/调整", "adjustment"),
    "funding.edit.none": ("无", "none"),
    # fix-plan: amounts and the bounds of an adjustment
    "funding.edit.err.too_large": ("{what}“{value}”过大：整数部分最多 {digits} 位",
                                   "{what} \"{value}\" is too large: at most {digits} integer digits"),
    "funding.edit.err.param_places": ("{what}最多四位小数，实际为 {value}",
                                      "{what} has at most four decimals; it is {value}"),
    "funding.edit.err.over_rule": ("申报 {application} 按规则应得 {rule} 万元，秘书调整只能核减，不能调高为 {amount} 万元",
                                   "Application {application} is entitled to {rule} (10k yuan) by the rule: the "
                                   "secretary may only reduce it, not raise it to {amount}"),
    "funding.edit.err.adjust_over_bound": ("申报 {application} 的核减/调整 {adjusted} 万元超过现行上限 {bound} 万元"
                                           "（上限或通知参数已变更），请先重新调整再审核",
                                           "The adjustment {adjusted} of application {application} exceeds the "
                                           "current bound {bound} (10k yuan; the ceiling or a figure changed): "
                                           "adjust it again before confirming"),
}
