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
    "results.fin.conflict_added": ("{where}：回避检测已过期，重新检测会新增 {name} 的回避（{reason}），请先重新检测回避",
                                   "{where}: the conflict check is out of date; checking again would add a conflict "
                                   "for {name} ({reason}). Run the conflict check again first"),
    "results.fin.conflict_removed": ("{where}：回避检测已过期，{name} 的回避（{reason}）已不再成立，请先重新检测回避",
                                     "{where}: the conflict check is out of date; the conflict of {name} ({reason}) "
                                     "no longer holds. Run the conflict check again first"),
    "results.fin.unchecked": ("申报 {ids}{more} 尚未完成形式审查（未审查），请先运行形式审查",
                              "Applications {ids}{more} have not been through the formal check; run the formal "
                              "check first"),
    "results.fin.and_more": ("等", " and others"),
    "results.word.level": ("等次", "rating"),
    "results.word.recommendation": ("推荐意见", "recommendation"),
    "results.mark.conflict": ("回避", "conflict of interest"),
    "results.mark.formal": ("不予受理", "not accepted"),
})

CATALOG.update({
    # names of the built-in forms (nn_review/forms.py: grade_label, recommendation_name, level_name, criterion_name)
    "forms.grade.A": ("优秀", "Excellent"),
    "forms.grade.B": ("良好", "Good"),
    "forms.grade.C": ("一般", "Fair"),
    "forms.grade.D": ("较差", "Poor"),
    "forms.grade.E": ("差", "Very poor"),
    "forms.rec.support": ("建议支持", "Support"),
    "forms.rec.support_if_revised": ("修改后支持", "Support after revision"),
    "forms.rec.reject": ("不建议支持", "Do not support"),
    "forms.level.excellent": ("优秀", "Excellent"),
    "forms.level.good": ("良好", "Good"),
    "forms.level.qualified": ("合格", "Qualified"),
    "forms.level.rectify": ("整改", "Rectify"),
    "forms.level.revoke": ("撤销", "Revoke"),
    "forms.form-a.c1": ("立项必要性与需求导向", "Need for the project"),
    "forms.form-a.c2": ("技术创新性与先进性", "Innovation and technical level"),
    "forms.form-a.c3": ("技术路线与实施方案可行性", "Feasibility of the approach and plan"),
    "forms.form-a.c4": ("研究基础与团队能力", "Groundwork and team"),
    "forms.form-a.c5": ("考核指标与预期效益", "Targets and expected benefits"),
    "forms.form-a.c6": ("经费预算合理性与自筹配套", "Budget and co-funding"),
    "forms.form-b.c1": ("承担科技计划项目执行情况", "Delivery of S&T programme projects"),
    "forms.form-b.c2": ("财政资金预算绩效", "Performance of public funds"),
    "forms.form-b.c3": ("内部日常管理与运行制度", "Internal management and rules"),
    "forms.form-b.c4": ("成员单位合作情况", "Cooperation among members"),
    "forms.form-b.c5": ("周期内成果（知识产权、标准、成果转化、人才）",
                        "Results of the period (IP, standards, transfer, talent)"),
})

CATALOG.update({
    # the results grid and the drill-down
    "results.cell.excluded": ("{mark}（不计入）", "{mark} (not counted)"),
    "results.cell.recused": ("回避", "Recused"),
    "results.cell.missing": ("未交回", "Not returned"),
    "results.cell.invalid": ("无效", "Invalid"),
    "results.reason.formal": ("不予受理（形式审查）：{reason}", "Not accepted at the formal check: {reason}"),
    "results.reason.recused": ("专家声明回避", "The expert declared a conflict of interest"),
    "results.method.mean": ("算术平均", "Mean of all scores"),
    "results.method.trimmed": ("去掉一个最高分和一个最低分后平均", "Mean without the highest and the lowest score"),
    "results.method.none": ("无有效评分", "No valid scores"),
    "results.votes": ("{name} {n}", "{name} {n}"),
    "results.concl.excluded": ("不予受理（形式审查）", "Not accepted (formal check)"),
    "results.concl.pending": ("{name}（待确认）", "{name} (to be confirmed)"),
    "results.concl.stale": ("{name}（评分有变，待重新确认）", "{name} (scores changed: to be confirmed again)"),
    "results.formal.accepted": ("通过", "Passed"),
    "results.formal.accepted_because": ("通过（{reason}）", "Passed ({reason})"),
    "results.formal.excluded": ("不予受理：{reason}", "Not accepted: {reason}"),
    "results.formal.no_reason": ("（未写明理由）", "(no reason given)"),
    "results.formal.machine": ("机器审查：{verdict}（秘书未确认）", "Automatic check: {verdict} (not yet confirmed by the secretary)"),
    "results.verdict.pass": ("通过", "passed"),
    "results.verdict.fail": ("不通过", "failed"),
    "results.verdict.attention": ("待核实", "to be verified"),
    "results.verdict.unchecked": ("未审查", "not checked"),
    "results.rule.mean": ("项目得分取全部有效专家总分的算术平均（回避专家不计入）",
                          "The project score is the mean of all valid expert totals (recused experts do not count)"),
    "results.rule.trimmed": ("有效评分满 {n} 份时，去掉一个最高分和一个最低分后取算术平均；不足 {n} 份时取算术平均（回避专家不计入，不按 0 分计）",
                             "With {n} or more valid scores, the highest and the lowest are dropped and the rest "
                             "averaged; with fewer, all are averaged (recused experts do not count, not even as 0)"),
})

CATALOG.update({
    # divergence flags
    "results.flag.kind.total": ("总分偏离", "Total far off"),
    "results.flag.kind.grades": ("等级分歧", "Grades far apart"),
    "results.flag.kind.split": ("推荐意见分歧", "Split recommendation"),
    "results.flag.higher": ("高出", "above"),
    "results.flag.lower": ("低于", "below"),
    "results.flag.total": ("{name} 的总分 {total} {word}其他 {others} 位专家的平均分 {mean} 共 {diff} 分（超过 {limit} 分）",
                           "{name}'s total {total} is {diff} points {word} the mean {mean} of the other {others} "
                           "experts (more than {limit})"),
    "results.flag.grades": ("“{criterion}”：{high} 评 {gh}，{low} 评 {gl}，相差 {steps} 档",
                            "\"{criterion}\": {high} gave {gh}, {low} gave {gl}, {steps} grades apart"),
    "results.votes_n": ("{name} {n} 票", "{name}: {n} votes"),
    "results.flag.split": ("{parts}，没有一种意见达到三分之二（{votes} 票中至少需 {needed} 票）",
                           "{parts}: no recommendation has two thirds ({needed} of {votes} votes needed)"),
    "results.flag.resolved": ("已经专家组讨论并形成意见（{who}）", "Discussed by the panel, opinion recorded ({who})"),
    "results.flag.panel": ("专家组", "the panel"),
})

CATALOG.update({
    # agreement of the experts (Kendall's W, severity) in plain words; the figures as detail
    "results.kw.sentence": ("专家评分一致性：{level}。{meaning}", "Agreement among the experts: {level}. {meaning}"),
    "results.kw.level.good": ("好", "good"),
    "results.kw.level.fair": ("较好", "fairly good"),
    "results.kw.level.moderate": ("一般", "moderate"),
    "results.kw.level.poor": ("差", "poor"),
    "results.kw.meaning.good": ("各位专家给项目排出的先后顺序基本相同。",
                                "The experts ranked the applications in almost the same order."),
    "results.kw.meaning.fair": ("各位专家给项目排出的先后顺序大体一致。",
                                "The experts ranked the applications in much the same order."),
    "results.kw.meaning.moderate": ("各位专家给项目排出的先后顺序只部分一致，建议讨论分歧较大的项目。",
                                    "The experts' rankings agree only in part; discuss the applications they "
                                    "disagree on."),
    "results.kw.meaning.poor": ("各位专家给项目排出的先后顺序很不一致，建议专家组讨论后再形成意见。",
                                "The experts ranked the applications very differently; the panel should discuss "
                                "before deciding."),
    "results.kw.chance": ("（项目较少或分数接近，这种一致也可能只是偶然。）",
                          "(Few applications or close scores: this agreement may be chance.)"),
    "results.kw.left_out": ("计算时未包括评分项目较少的专家：{names}。",
                            "Left out of the calculation (scored fewer applications): {names}."),
    "results.kw.unknown": ("专家评分一致性：暂无法判断（{why}）。", "Agreement among the experts: cannot tell yet ({why})."),
    "results.kw.few_experts": ("评分的专家不足 2 位", "fewer than 2 experts have scored"),
    "results.kw.few_common": ("专家们共同评分的项目不足 2 个", "fewer than 2 applications were scored by the same experts"),
    "results.kw.unknown_detail": ("肯德尔和谐系数 W 需要至少 2 位专家对至少 2 个相同项目都打了分。",
                                  "Kendall's W needs at least 2 experts who scored at least 2 of the same applications."),
    "results.kw.ties": ("，已做同分校正", ", corrected for ties"),
    "results.kw.detail": ("肯德尔和谐系数 W = {w}（{m} 位专家 × {n} 个项目{ties}），χ² = {chi2}，自由度 {df}，p = {p}。"
                          "W 在 0 到 1 之间：1 表示排序完全相同，0 表示毫无一致；0.7 以上为好，0.5 以上较好，0.3 以上一般，"
                          "更低为差。p < 0.05 表示这种一致不是偶然的。",
                          "Kendall's W = {w} ({m} experts x {n} applications{ties}), chi-square = {chi2}, "
                          "df = {df}, p = {p}. W runs from 0 (no agreement) to 1 (the same ranking): 0.7 and above "
                          "is good, 0.5 fairly good, 0.3 moderate, lower poor. p < 0.05: the agreement is not chance."),
    "results.sev.none": ("{name}：没有可比较的评分（需有至少两位专家评分的项目），无法计算宽严度。",
                         "{name}: nothing to compare (no application scored by two or more experts)."),
    "results.sev.even": ("与专家组得分基本一致", "in line with the panel's scores"),
    "results.sev.strict": ("平均比专家组得分低 {d} 分，评分偏严", "on average {d} points below the panel's score: strict"),
    "results.sev.lenient": ("平均比专家组得分高 {d} 分，评分偏宽", "on average {d} points above the panel's score: lenient"),
    "results.sev.text": ("{name} 在其评分的 {n} 个项目上给出的总分{tendency}；平均绝对偏差 {mad} 分。负数表示偏严、正数表示偏宽。",
                         "On the {n} applications {name} scored, the totals were {tendency}; mean absolute "
                         "deviation {mad} points. Negative means strict, positive lenient."),
})

CATALOG.update({
    # the consensus refused (the Chinese of the CLI says the same with the command to run)
    "results.err.locked": ("评审批次“{session}”已定稿，不能再修改。如确需修改，请先写明理由重新开启。",
                           "The session \"{session}\" is finalised and can no longer be changed. To change it, "
                           "reopen it first and give the reason."),
    "results.err.opinion": ("专家组意见不能为空（至少 5 个汉字）。", "The panel opinion is empty: write at least 5 Chinese characters."),
    "results.err.no_scores": ("申报 {application} 还没有有效评分，不能形成专家组意见。",
                              "Application {application} has no valid scores yet: no panel opinion can be recorded."),
    "results.err.level_differs": ("最终等次“{final}”与按得分 {score} 计算的等次“{computed}”不同",
                                  "the final rating \"{final}\" differs from \"{computed}\" computed from the score {score}"),
    "results.err.rec_differs": ("最终推荐意见“{final}”与专家多数意见“{computed}”（{counts}）不同",
                                "the final recommendation \"{final}\" differs from the experts' majority \"{computed}\" "
                                "({counts})"),
    "results.err.reason": ("{why}，必须写明理由（将打印在评审意见表上）。",
                           "Give the reason: {why}. It is printed on the opinion sheet."),
    "results.err.no_leader": ("评审组“{panel}”尚未指定组长：专家组意见由组长确认（或秘书代组长录入）。请先在“专家组与回避”页指定组长。",
                              "The panel \"{panel}\" has no leader yet: the leader confirms the panel opinion (or the "
                              "secretary enters it on the leader's behalf). Choose the leader on the panels page first."),
})

CATALOG.update({
    # sheets countersigned by the leader, brought back (results/accept.py)
    "results.sheet.summary": ("评审结果汇总表", "panel summary sheet"),
    "results.sheet.opinion": ("项目评审意见表", "opinion sheet"),
    "results.sheet.personal": ("专家个人评分表", "personal score sheet"),
    "results.acc.accepted": ("{what} {ref}（{panel}）：组长 {leader} 的签署已核验并入档",
                             "{what} {ref} ({panel}): the signature of the leader {leader} is verified; filed"),
    "results.acc.missing": ("{name} 不存在或不是文件", "{name} does not exist or is not a file"),
    "results.acc.too_big": ("{name} 过大，不是评审结果表", "{name} is too large to be a result sheet"),
    "results.acc.io": ("无法读取 {name}", "Cannot read {name}"),
    "results.acc.not_pdf": ("{name} 不是可读的 PDF 结果表", "{name} is not a readable PDF result sheet"),
    "results.acc.unsigned": ("{name} 没有任何数字签名：请让组长在本人电脑上签署。",
                             "{name} has no digital signature: ask the leader to sign it on the leader's own computer."),
    "results.acc.not_leader": ("{name} 的最后一个签名不是组长签名位置：该文件还没有组长签署。",
                               "{name} is not signed by the leader yet (its last signature is not in the leader's place)."),
    "results.acc.leader_invalid": ("{name} 的组长签名无效（签名后文件被改动或签名已损坏）。",
                                   "The leader's signature on {name} is not valid (changed after signing, or damaged)."),
    "results.acc.changed_after": ("{name} 在组长签名之后又被改动，拒绝导入。",
                                  "{name} was changed after the leader signed it: refused."),
    "results.acc.earlier_invalid": ("{name} 中较早的签名已失效，拒绝导入。",
                                    "An earlier signature on {name} no longer holds: refused."),
    "results.acc.not_issued": ("{name} 与本系统发出的任何结果表都不一致（发出后被改动，或不是本系统打印的），拒绝导入。",
                               "{name} matches no result sheet this system issued (changed after it was issued, or "
                               "not printed here): refused."),
    "results.acc.wrong_session": ("{name} 是评审批次“{other}”的结果表，不属于当前批次“{session}”。",
                                  "{name} is a sheet of the session \"{other}\", not of the current session \"{session}\"."),
    "results.acc.content_changed": ("{name} 在组长签署时改动了结果表的内容（不只是签名），拒绝导入。",
                                    "The content of {name} was changed when the leader signed (more than the "
                                    "signature): refused."),
    "results.acc.old_version": ("{name} 是第 {old} 版，当前为第 {now} 版：请把第 {now} 版发给组长签署。",
                                "{name} is version {old}; the current one is version {now}: send version {now} to the "
                                "leader to sign."),
    "results.acc.reprinted": ("{name} 是较早打印的结果表，此后（{when}）已重新打印了内容不同的表：请把新打印的发给组长签署。",
                              "{name} was printed earlier; a sheet with different content was printed since ({when}): "
                              "send the new one to the leader to sign."),
    "results.acc.personal": ("{name} 是专家个人评分表，不需要组长签署。", "{name} is a personal score sheet: the leader does not sign it."),
    "results.acc.no_panel": ("{name} 所属的评审组已不存在。", "The panel of {name} no longer exists."),
    "results.acc.no_leader": ("评审组“{panel}”尚未指定组长，不能接收组长签署件。",
                              "The panel \"{panel}\" has no leader yet: a countersigned sheet cannot be accepted."),
    "results.acc.unpinned": ("{name}：签名人 {signer} 的证书未登记为组长 {leader} 的证书。组长的证书随其评分文件登记；组长更换电脑后请先重新登记证书。",
                             "{name}: the certificate of the signer {signer} is not registered as that of the leader "
                             "{leader}. The leader's certificate is registered with the leader's score file; after the "
                             "leader changes computers, register the certificate again first."),
    "results.acc.already": ("{name}：该结果表的组长签署件已入档，未重复导入。",
                            "{name}: the leader's signed copy of this sheet is already filed; not filed twice."),
})

CATALOG.update({
    "results.err.reopen_reason": ("重新开启已定稿的批次必须写明理由（记入审计，并使此后打印的评审表版本号加一）。",
                                  "Reopening a finalised session needs a reason (it is audited, and sheets printed "
                                  "afterwards carry the next version number)."),
})
