"""The expert window's core texts: what is still missing before an application can be marked
complete (one id per ``forms.validate_review`` code), and the standard grade and recommendation
names of the built-in forms (a form's own names are data and shown as they are)."""

CATALOG = {
    # what is missing (nn_review.expert.texts.problem_msg)
    "expert.missing.grade": ("第 {n} 项“{criterion}”还未评定等级", "Criterion {n} \"{criterion}\" has no grade yet"),
    "expert.missing.grade_invalid": ("第 {n} 项“{criterion}”的等级应为 A–E 之一",
                                     "Criterion {n} \"{criterion}\": the grade must be one of A to E"),
    "expert.missing.points": ("第 {n} 项“{criterion}”：分段评分须填写分值（{band}）",
                              "Criterion {n} \"{criterion}\": enter the points ({band})"),
    "expert.missing.points_invalid": ("第 {n} 项“{criterion}”的分值应为数字",
                                      "Criterion {n} \"{criterion}\": the points must be a number"),
    "expert.missing.points_band": ("第 {n} 项“{criterion}”评为 {grade}，分值应在 {band} 之间",
                                   "Criterion {n} \"{criterion}\" is graded {grade}: the points must be within {band}"),
    "expert.missing.points_not_allowed": ("第 {n} 项“{criterion}”：本批次按固定档位计分，不填分值",
                                          "Criterion {n} \"{criterion}\": this session scores by fixed grades, "
                                          "leave the points empty"),
    "expert.missing.comment": ("第 {n} 项“{criterion}”评为 {grade}，须写明理由",
                               "Criterion {n} \"{criterion}\" is graded {grade}: write the reason"),
    "expert.missing.comment_too_long": ("第 {n} 项“{criterion}”的说明太长（最多 {max} 个字符）",
                                        "Criterion {n} \"{criterion}\": the comment is too long "
                                        "(at most {max} characters)"),
    "expert.missing.opinion_short": ("专家意见至少 {need} 个汉字，现有 {have} 个",
                                     "The opinion needs at least {need} Chinese characters; it has {have}"),
    "expert.missing.opinion_too_long": ("专家意见太长（最多 {max} 个字符），请精简",
                                        "The opinion is too long (at most {max} characters); please shorten it"),
    "expert.missing.recommendation": ("还未选择推荐意见（{choices}）",
                                      "Choose a recommendation ({choices})"),
    "expert.missing.recusal_reason": ("申请回避须写明理由", "A recusal needs a reason"),
    "expert.missing.recusal_too_long": ("回避理由太长（最多 {max} 个字符）",
                                        "The recusal reason is too long (at most {max} characters)"),
    "expert.missing.other": ("评分内容有误：{field}", "Something in the review is not valid: {field}"),
    # the grades and recommendations of the built-in forms (resources/forms/*.json)
    "expert.grade.excellent": ("优秀", "Excellent"),
    "expert.grade.good": ("良好", "Good"),
    "expert.grade.fair": ("一般", "Fair"),
    "expert.grade.poor": ("较差", "Poor"),
    "expert.grade.bad": ("差", "Bad"),
    "expert.grade.label": ("{grade}（{name}）", "{grade} ({name})"),
    "expert.rec.support": ("建议支持", "Support"),
    "expert.rec.support_if_revised": ("修改后支持", "Support after revision"),
    "expert.rec.reject": ("不建议支持", "Do not support"),
}

# refusals of the expert workspace (WorkspaceError.msg; the Chinese ``message`` stays for the CLI)
CATALOG.update({
    "expert.err.passphrase_new": ("首次使用：本机没有可用的系统钥匙串，请设置工作区口令",
                                  "First use: this computer has no system keyring; please set a workspace passphrase"),
    "expert.err.passphrase_enter": ("请输入专家工作区口令", "Enter the passphrase of your expert workspace"),
    "expert.err.passphrase_wrong": ("口令错误，无法打开专家工作区（口令区分大小写）。请重新输入。",
                                    "Wrong passphrase: the workspace cannot be opened (the passphrase is "
                                    "case-sensitive). Please try again."),
    "expert.err.untrusted": ("{file} 的签发密钥与此前核对过的评审秘书密钥不同。若任务书上印的指纹确为此包的指纹，"
                             "请在“秘书密钥指纹”一栏输入后再打开；否则请勿使用，并联系评审秘书。",
                             "{file} was issued with a key other than the secretary's key you checked before. "
                             "If the fingerprint printed on your assignment letter is this bundle's, enter it under "
                             "\"Secretary key fingerprint\" and open again; otherwise do not use it and contact the "
                             "review secretary."),
    "expert.err.held": ("评审包 {file} 已在工作区中，无需重复打开。", "The review bundle {file} is already open here."),
    "expert.err.held_removed": ("评审包 {file} 已在工作区中，其材料已在导出后删除。",
                                "The review bundle {file} is already here; its documents were removed after export."),
    "expert.err.removed_edit": ("此评审包的材料已在导出后删除，不能再修改评分。",
                                "This bundle's documents were removed after export: scores can no longer be changed."),
    "expert.err.removed_export": ("此评审包的材料已在导出后删除，不能再导出。",
                                  "This bundle's documents were removed after export: it cannot be exported again."),
    "expert.err.points_not_allowed": ("本批次按固定档位计分，不用填写分值。",
                                      "This session scores by fixed grades: no points are entered."),
    "expert.err.points": ("“{criterion}”的分值无效：请填写 0–100 之间、最多一位小数的分值。",
                          "The points for \"{criterion}\" are not valid: enter a value from 0 to 100 with at "
                          "most one decimal."),
    "expert.err.recusal_reason": ("申请回避须写明理由（如：与申报单位存在利害关系）。",
                                  "A recusal needs a reason (for example: a conflict of interest with the applicant)."),
    "expert.err.incomplete": ("还有 {n} 项申报未完成，不能全部交回。可以先完成它们，或选择“部分交回”。",
                              "{n} application(s) are not finished yet, so not all can be returned. Finish them "
                              "first, or choose \"partial return\"."),
    "expert.err.nothing": ("还没有任何已完成或已回避的申报，没有可交回的评分。",
                           "No application is complete or recused yet: there are no scores to return."),
    "expert.err.folder": ("无法使用文件夹 {folder}：请检查 U 盘是否插好、是否可写，或换一个文件夹。",
                          "The folder {folder} cannot be used: check that the USB stick is plugged in and "
                          "writable, or choose another folder."),
    "expert.err.not_exportable": ("评分文件没有通过格式检查，不能导出。请将技术细节告知评审秘书。",
                                  "The score file did not pass its format check and cannot be exported. Please "
                                  "tell the review secretary the technical details."),
    "expert.err.write": ("无法写入评分文件 {file}：请检查 U 盘是否可写、空间是否足够，然后再导出一次。",
                         "The score file {file} could not be written: check that the USB stick is writable and "
                         "has space, then export again."),
    "expert.err.not_exported": ("此评审包还没有导出过评分文件：删除材料后评审结果将无法恢复，请先导出。",
                                "No score file has been exported from this bundle yet: after removing the documents "
                                "the scores could not be recovered. Export first."),
    "expert.err.unexported_changes": ("最近一次导出（r{revision}）之后评分又有修改：请先重新导出，再删除材料。",
                                      "The scores changed after the last export (r{revision}): export again first, "
                                      "then remove the documents."),
    "expert.err.no_record": ("此评审包的材料已删除，且没有已签名的评分记录。",
                             "This bundle's documents were removed and there is no signed score record."),
    "expert.err.cs_not_sheet": ("{file} 不是本系统生成的评审结果表，不能签署。",
                                "{file} is not a result sheet made by this system: it cannot be signed."),
    "expert.err.cs_signed": ("{file} 已有组长签名（{signer}），不能重复签署。",
                             "{file} already has a leader's signature ({signer}): it cannot be signed twice."),
    "expert.err.cs_unsigned": ("{file} 还没有评审秘书的签名：请评审秘书先签名再发给组长。",
                               "{file} has no signature of the review secretary yet: ask the secretary to sign it "
                               "first, then send it to the leader."),
    "expert.err.cs_invalid": ("{file} 的签名无效，文件可能在签名后被改动：请向评审秘书重新索取。",
                              "The signature of {file} is not valid; the file may have been changed after "
                              "signing. Ask the review secretary for it again."),
    "expert.err.cs_no_identity": ("本机还没有评审包：组长须先在本机打开自己的评审包，才有签名证书。",
                                  "No review bundle on this computer yet: the leader must first open their own "
                                  "bundle here to have a signing certificate."),
})
