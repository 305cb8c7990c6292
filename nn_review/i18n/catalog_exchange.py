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
