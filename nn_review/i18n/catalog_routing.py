"""Routes of guide items (issue 21): panel (专家评审) or rule (按规则核定), and the refusal to put a
rule-route application into a panel, in both languages."""

CATALOG = {
    "routing.route.panel": ("专家评审", "Panel review"),
    "routing.route.rule": ("按规则核定", "Set by rule"),
    "routing.item": ("项目{item} {title}", "Item {item} {title}"),
    "routing.item_direction": ("项目{item} 方向{direction} {title}", "Item {item} direction {direction} {title}"),
    "routing.no_review_group": ("{item} 不需再行评审：{ids}", "{item} needs no panel review: {ids}"),
    "routing.and": ("{a}；{b}", "{a}; {b}"),
    "routing.no_review": ("{groups}。这些申报的资助金额按指南规则核定（形式审查 → 核定金额 → 秘书审核），不经专家评审",
                          "{groups}. The amount of these applications follows from the guide's rule (formal "
                          "check, then the computed amount, then the secretary's review), without an expert panel"),
    "routing.no_review_todo": ("；确需由评审组“{panel}”评审的，请确认后再加入（命令行加 --allow-no-review）",
                               "; if panel “{panel}” must review them all the same, confirm and add them again "
                               "(command line: --allow-no-review)"),
    "routing.no_review_with_todo": ("{what}；确需由评审组“{panel}”评审的，请确认后再加入",
                                    "{what}; if panel “{panel}” must review them all the same, confirm and add "
                                    "them again"),
    "routing.in_panel": ("评审组“{panel}”含不需再行评审的申报（已确认加入）：{groups}",
                         "Panel “{panel}” holds applications that need no panel review (added after "
                         "confirmation): {groups}"),
    # the detail pane's 资助规则 section
    "routing.rule_of": ("{item}的资助规则", "The funding rule of {item}"),
    "routing.no_rule": ("指南未规定资助规则：专家评审，按申请资助金额", "The guide sets no funding rule: panel review, "
                        "at the requested amount"),
}
