"""Score-file import and exchange texts (issue 15 items 8 and 12): what happened to a returned
score file, in plain words, and what to do; the technical reason (HMAC, signature, field) is the
detail."""

_EXPORT_AGAIN = ("请专家用评审软件重新导出评分文件后再交回，并且不要修改该文件。",
                 "Ask the expert to export the score file again from the review program and send it back, "
                 "without editing it.")

CATALOG = {
    "scores.refused.scores.hmac": ("评分文件“{file}”在专家导出后被改动过，或不是为本评审包制作的，未导入。",
                                   "The score file \"{file}\" was changed after the expert exported it, or it was "
                                   "not made for this review bundle. It was not imported."),
    "scores.refused.scores.signature": ("评分文件“{file}”的专家签名无效（文件被改动过或已损坏），未导入。",
                                        "The expert's signature on the score file \"{file}\" is not valid (the file "
                                        "was changed or is damaged). It was not imported."),
    "scores.refused.scores.malformed": ("“{file}”不是完整有效的评分文件（内容缺失或格式不对），未导入。",
                                        "\"{file}\" is not a complete, valid score file (something is missing or in "
                                        "the wrong form). It was not imported."),
    "scores.refused.scores.not_score_file": ("“{file}”不是评分文件，未导入。",
                                             "\"{file}\" is not a score file. It was not imported."),
    "scores.refused.scores.unknown_bundle": ("评分文件“{file}”对应的评审包不是从本系统发出的，未导入。",
                                             "The score file \"{file}\" belongs to a review bundle this store did "
                                             "not issue. It was not imported."),
    "scores.refused.scores.wrong_session": ("评分文件“{file}”属于另一个评审批次，未导入。",
                                            "The score file \"{file}\" belongs to another review session. It was "
                                            "not imported."),
    "scores.refused.scores.wrong_expert": ("评分文件“{file}”中的专家与其评审包的专家不符，未导入。",
                                           "The expert named in the score file \"{file}\" is not the expert its "
                                           "bundle was made for. It was not imported."),
    "scores.refused.scores.superseded": ("评分文件“{file}”对应的评审包已被新制作的评审包取代，未导入。",
                                         "The bundle of the score file \"{file}\" has been replaced by a newer "
                                         "bundle. It was not imported."),
    "scores.refused.scores.replay": ("评分文件“{file}”已经导入过，或比已导入的版本旧，未重复导入。",
                                     "The score file \"{file}\" was imported before, or is older than the one "
                                     "imported. It was not imported again."),
    "scores.refused.scores.key_in_use": ("评分文件“{file}”的签名密钥已登记给另一位专家，未导入。",
                                         "The signing key of the score file \"{file}\" is registered to another "
                                         "expert. It was not imported."),
    "scores.refused.scores.key_changed": ("评分文件“{file}”的签名密钥与该专家首次交回时登记的不同，未导入。",
                                          "The score file \"{file}\" is signed with a different key than the one "
                                          "registered when this expert first returned scores. It was not imported."),
    "scores.refused.scores.cert_changed": ("评分文件“{file}”的 PDF 签名证书与该专家此前登记的不同，未导入。",
                                           "The PDF signing certificate in the score file \"{file}\" differs from "
                                           "the one registered for this expert. It was not imported."),
    "scores.refused.scores.cert_in_use": ("评分文件“{file}”的 PDF 签名证书已登记给另一位专家，未导入。",
                                          "The PDF signing certificate in the score file \"{file}\" is registered "
                                          "to another expert. It was not imported."),
    "scores.refused.scores.unknown_application": ("评分文件“{file}”含有其评审包之外的申报，未导入。",
                                                  "The score file \"{file}\" contains an application that is not in "
                                                  "its bundle. It was not imported."),
    "scores.refused.scores.application_changed": ("评分文件“{file}”中有申报在评审包制作后已被替换或移除，未导入。",
                                                  "An application in the score file \"{file}\" was replaced or "
                                                  "removed after the bundle was made. It was not imported."),
    "scores.refused.scores.conflicted": ("评分文件“{file}”给该专家需回避的申报打了分，未导入。",
                                         "The score file \"{file}\" grades an application this expert must not "
                                         "review (a conflict of interest). It was not imported."),
    "scores.refused.scores.invalid_review": ("评分文件“{file}”中的评分不符合评审表的要求，未导入。",
                                             "The grades in the score file \"{file}\" do not meet the review form's "
                                             "rules. It was not imported."),
    "scores.refused.session.locked": ("评审批次已定稿锁定，不能再导入评分文件“{file}”。",
                                      "The session is finalised and locked; the score file \"{file}\" cannot be "
                                      "imported."),
    "scores.refused.session.missing": ("评审批次不存在，评分文件“{file}”未导入。",
                                       "The review session does not exist; \"{file}\" was not imported."),
    "scores.refused.file.missing": ("找不到文件“{file}”（不存在或不是普通文件）。",
                                    "The file \"{file}\" cannot be found (it does not exist or is not a file)."),
    "scores.refused.file.io": ("无法读取“{file}”。", "\"{file}\" cannot be read."),
    "scores.refused.other": ("评分文件“{file}”未导入。", "The score file \"{file}\" was not imported."),
    "scores.failed": ("导入评分文件“{file}”时程序出错，存储未改动。",
                      "The program failed while importing the score file \"{file}\"; nothing was changed."),
    "scores.imported": ("{expert}：修订 {revision}，{n}/{total} 个申报",
                        "{expert}: revision {revision}, {n}/{total} applications"),
    # -- making bundles --
    "bundle.session_locked": ("评审批次“{session}”已定稿锁定，不能再制作评审包。",
                              "The session \"{session}\" is finalised and locked; no more bundles can be made."),
    "bundle.no_assignments_expert": ("专家“{expert}”在本批次中没有分配任何申报，无法制作评审包。",
                                     "The expert \"{expert}\" has no applications assigned in this session, so there "
                                     "is no bundle to make."),
    "bundle.no_assignments_panel": ("评审组“{panel}”还没有分配评审任务，无法制作评审包。",
                                    "The panel \"{panel}\" has no reviews assigned yet, so there is no bundle to make."),
    "bundle.all_conflicted_expert": ("专家“{expert}”分到的 {n} 个申报都需要回避，没有可评审的申报。",
                                     "All {n} applications assigned to the expert \"{expert}\" are conflicts of "
                                     "interest; there is nothing to review."),
    "bundle.all_conflicted_panel": ("评审组“{panel}”的专家对分到的申报都需要回避，没有生成评审包。",
                                    "The experts of the panel \"{panel}\" have conflicts with all their assigned "
                                    "applications; no bundle was made."),
    "bundle.all_excluded_expert": ("专家“{expert}”分到的申报（{applications}）形式审查不予受理，没有其他可评审的申报。",
                                   "The applications assigned to the expert \"{expert}\" ({applications}) were not "
                                   "accepted at the formal check; there is nothing else to review."),
    "bundle.all_excluded_panel": ("评审组“{panel}”没有可放入评审包的申报（形式审查不予受理或需回避）。",
                                  "The panel \"{panel}\" has no application that can go into a bundle (not accepted "
                                  "at the formal check, or conflicts of interest)."),
    "bundle.password_weak": ("评审包密码至少 {n} 个字符（不计空格和横线）。",
                             "A bundle password needs at least {n} characters (spaces and dashes not counted)."),
    "bundle.exists": ("所选文件夹中已有同名的评审包文件，没有覆盖。",
                      "The chosen folder already has a bundle file of that name; it was not overwritten."),
    "bundle.changed": ("制作期间，专家“{expert}”的分配、回避或形式审查结论发生了变化，没有生成评审包。",
                       "While the bundles were made, the assignments, conflicts or formal check decisions of the "
                       "expert \"{expert}\" changed; no bundle was made."),
    "bundle.todo.assign": ("请先在“专家组与回避”页为本组分配评审任务（或调整回避、形式审查结论）。",
                           "Assign reviews on the \"Panels and Conflicts\" page first (or review the conflicts and "
                           "formal check decisions)."),
    "bundle.todo.folder": ("请选择一个空文件夹，或先移走旧的评审包文件。",
                           "Choose an empty folder, or move the old bundle files away first."),
    "bundle.todo.remake": ("请重新制作评审包。", "Please make the bundles again."),
    # -- re-registering an expert's key --
    "repin.bad_fingerprint": ("密钥指纹格式不对，请照专家软件“设置”中显示的指纹完整输入。",
                              "The key fingerprint is not in the right form: type it exactly as the expert's "
                              "program shows it under Settings."),
    "repin.no_reason": ("请写明更换密钥的理由（例如：已电话核实专家更换了电脑）。",
                        "Give the reason for the new key (for example: confirmed by phone that the expert has a new "
                        "computer)."),
    "repin.same": ("专家“{expert}”当前登记的就是这个密钥，无需更换。",
                   "This key is already the one registered for the expert \"{expert}\"; nothing to change."),
    "repin.in_use": ("这个密钥已登记给专家“{expert}”，不能再登记给别人。",
                     "This key is already registered to the expert \"{expert}\" and cannot be registered to "
                     "someone else."),
    "handout.letter_failed": ("任务通知书未能写入 {path}：{error}",
                              "The assignment letter could not be written to {path}: {error}"),
    "returns.status.received": ("已返回", "Returned"),
    "returns.status.partial": ("部分返回", "Partly returned"),
    "returns.status.missing": ("未返回", "Not returned"),
    # -- what to do --
    "scores.todo.export_again": _EXPORT_AGAIN,
    "scores.todo.check_file": ("请确认选择的是专家交回的 .nnscore 文件；如是，请专家重新导出。",
                               "Check that you chose the .nnscore file the expert returned; if so, ask the "
                               "expert to export it again."),
    "scores.todo.other_store": ("请确认文件来自本批次的专家；其他电脑上制作的评审包，其评分须在那台电脑上导入。",
                                "Check that the file comes from an expert of this session; scores for bundles "
                                "made on another computer must be imported there."),
    "scores.todo.other_session": ("请切换到该文件所属的评审批次后再导入。",
                                  "Switch to the session the file belongs to, then import it."),
    "scores.todo.verify_expert": ("请与专家本人电话核实；文件可能被冒名或换到了别的专家名下。",
                                  "Check with the expert in person (by phone); the file may have been submitted "
                                  "under another expert's name."),
    "scores.todo.new_bundle": ("请让专家用新评审包评审并重新交回评分文件。",
                               "Ask the expert to review with the new bundle and send the score file again."),
    "scores.todo.nothing": ("无需处理；如专家有修改，请其导出新的评分文件。",
                            "Nothing to do; if the expert changed something, ask for a newly exported score file."),
    "scores.todo.repin": ("若已与专家本人核实其更换了电脑，请用“更换专家密钥…”重新登记后再导入；否则不要导入。",
                          "If you have checked with the expert in person that they changed computers, register "
                          "the new key with \"Change expert key…\" and import again; otherwise do not import it."),
    "scores.todo.rebundle": ("请重新制作评审包，请专家重新评审后交回。",
                             "Make the bundle again and ask the expert to review and return it again."),
    "scores.todo.conflict": ("该专家对此申报的回避关系未撤销，不能有其评分；请与专家核实。",
                             "The expert's conflict with this application is still in force, so it cannot have "
                             "their grades; check with the expert."),
    "scores.todo.fix_review": ("请专家在评审软件中按提示补全或修改后重新导出。",
                               "Ask the expert to complete or correct the grades in the review program as it "
                               "shows, and export again."),
    "scores.todo.file": ("请检查文件位置和读取权限，或重新复制该文件后再导入。",
                         "Check where the file is and that it can be read, or copy it again, then import it."),
    "scores.todo.support": ("其他文件不受影响；请把此文件和日志交给技术支持。",
                            "Other files are not affected; please give this file and the log to technical support."),
}
