"""The panel check (组成员人数、组长、形式审查) in both languages; the Chinese is the CLI's text."""

CATALOG = {
    "panel.too_small": ("评审组“{panel}”仅 {n} 人，少于 {min} 人，不能分配评审任务",
                        "Panel “{panel}” has only {n} members, fewer than {min}: reviews cannot be assigned"),
    "panel.small": ("评审组“{panel}”{n} 人，少于 {advised} 人：汇总时不能去掉最高分和最低分",
                    "Panel “{panel}” has {n} members, fewer than {advised}: the highest and lowest scores "
                    "cannot be dropped when merging"),
    "panel.even": ("评审组“{panel}”为偶数（{n} 人），表决可能出现平票，建议奇数",
                   "Panel “{panel}” has an even number of members ({n}): a vote may tie; an odd number is advised"),
    "panel.no_leader": ("评审组“{panel}”尚未指定组长", "Panel “{panel}” has no leader yet"),
    "panel.no_apps": ("评审组“{panel}”还没有申报项目", "Panel “{panel}” has no applications yet"),
    "panel.all_excluded": ("评审组“{panel}”的申报项目形式审查结论均为不予受理，没有可评审的申报项目",
                           "Every application of panel “{panel}” was excluded at the formal check: "
                           "nothing is left to review"),
    "panel.excluded_kept": ("申报 {id} 形式审查结论为不予受理（{reason}）：保留在评审组中，但不再分配评审任务、不放入评审包",
                            "Application {id} was excluded at the formal check ({reason}): it stays in the panel "
                            "but gets no reviews and goes into no bundle"),
}
