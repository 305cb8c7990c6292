"""Texts of the results (nn_review/results) shown in the GUI, per language."""

CATALOG = {
    # refusals
    "results.err.no_application": ("本批次没有申报项目 {application}", "This session has no application {application}"),
    "results.err.draft_too_long": ("专家组意见最多 {limit} 个字符，实际 {actual} 个",
                                   "The panel opinion may have at most {limit} characters; it has {actual}"),
}

CATALOG.update({
    # finalise refused: one line per thing still to do
    "results.fin.no_panels": ("本批次还没有评审组", "This session has no review panel yet"),
    "results.fin.missing": ("{where}：{names} 尚未交回评分", "{where}: {names} have not returned their scores"),
    "results.fin.invalid": ("{where}：{names} 的评分无法计算（{reason}）",
                            "{where}: the scores of {names} cannot be computed ({reason})"),
    "results.fin.no_scores": ("{where}：没有有效评分", "{where}: no valid scores"),
    "results.fin.no_consensus": ("{where}：尚未录入专家组意见和最终{what}",
                                 "{where}: the panel opinion and the final {what} are not recorded yet"),
    "results.fin.stale": ("{where}：专家组意见录入后评分依据有变化（如补录的回避、新导入的评分）{now}，须由专家组重新确认",
                          "{where}: the scores changed after the panel opinion was recorded (a conflict recorded "
                          "later, newly imported scores){now}; the panel must confirm it again"),
    "results.fin.stale_now": ("，现为：{why}", "; now: {why}"),
    "results.fin.not_counted": ("{name} {mark}，评分不计入（{reason}）", "{name} {mark}, scores not counted ({reason})"),
    "results.fin.conflict_added": ("{where}：回避检测已过期，重新检测会新增 {name} 的回避（{reason}），请先重新检测回避（session conflicts）",
                                   "{where}: the conflict check is out of date; checking again would add a conflict "
                                   "for {name} ({reason}). Run the conflict check again first"),
    "results.fin.conflict_removed": ("{where}：回避检测已过期，{name} 的回避（{reason}）已不再成立，请先重新检测回避（session conflicts）",
                                     "{where}: the conflict check is out of date; the conflict of {name} ({reason}) "
                                     "no longer holds. Run the conflict check again first"),
    "results.fin.unchecked": ("申报 {ids}{more} 尚未完成形式审查（未审查），请先运行形式审查（session checks）",
                              "Applications {ids}{more} have not been through the formal check; run the formal "
                              "check first"),
    "results.fin.and_more": ("等", " and others"),
    "results.word.level": ("等次", "rating"),
    "results.word.recommendation": ("推荐意见", "recommendation"),
    "results.mark.conflict": ("回避", "conflict of interest"),
    "results.mark.formal": ("不予受理", "not accepted"),
})
