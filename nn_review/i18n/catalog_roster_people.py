"""Messages of issue 20 items 1–2: one person, one expert (roster/identity.py, roster/merge.py,
the draw) and phone numbers (roster/phones.py)."""

CATALOG = {
    # phones
    "roster.err.phone_form": ("“{value}”不是有效的手机或座机号码", "\"{value}\" is not a valid mobile or landline number"),
    "roster.exp.phone_form": ("11位手机号码（1开头，第二位3–9，如 13812345678）或带区号的座机号码（如 0771-5551234、"
                              "0771 5551234、(0771)5551234），可加 +86 或 0086，可留空",
                              "an 11-digit mainland mobile number (1, then 3–9, e.g. 13812345678) or a landline with "
                              "its area code (e.g. 0771-5551234, 0771 5551234, (0771)5551234), optionally after +86 "
                              "or 0086; may be left empty"),
    # who is the same person
    "person.same.phone": ("姓名与手机相同", "same name and phone"),
    "person.same.email": ("姓名与电子邮箱相同", "same name and e-mail"),
    "person.same.unit": ("姓名与工作单位相同，且有一方未填手机", "same name and organization, one without a phone"),
    "person.same.linked": ("经另一条目关联为同一人", "linked as one person through another entry"),
    "person.row": ("第{row}行", "row {row}"),
    "person.expert": ("专家库中的 {rkey} {name}", "{rkey} {name} in the roster"),
    "person.err.same": ("“{name}”与{other}是同一人（{why}）", "\"{name}\" is the same person as {other} ({why})"),
    "person.exp.same": ("每人只占一行：删除重复的行，或把两行合成一行；若要更新库中已有的专家，专家编号请填写该专家的编号"
                        "（或留空）；确是两个人时请核对手机与电子邮箱",
                        "one row per person: delete the repeated row or combine the two; to update an expert already "
                        "in the roster, give that expert's ID (or leave it empty); if they really are two people, "
                        "check the phone and e-mail"),
    "person.err.twin": ("专家编号 {rkey} 改为“{name}”后将与专家库中的 {other} 是同一人（{why}）",
                        "expert {rkey} changed to \"{name}\" would be the same person as {other} in the roster ({why})"),
    "person.exp.twin": ("若是同一人，请先合并两位专家（roster merge 或“专家库”页面）；确是两个人时请核对手机与电子邮箱",
                        "if they are one person, merge the two experts first (roster merge or the Roster page); if "
                        "they really are two people, check the phone and e-mail"),
    "person.edit_twin": ("修改后 {rkey} 将与专家库中的 {other} 是同一人（{why}）",
                         "after this change {rkey} would be the same person as {other} in the roster ({why})"),
    "person.duplicate": ("{akey} 与 {bkey}（{name}）疑似同一人：{why}（{value}）",
                         "{akey} and {bkey} ({name}) look like one person: {why} ({value})"),
    "person.add_same": ("“{name}”已在专家库中：{rkey}（{why}）", "\"{name}\" is already in the roster as {rkey} ({why})"),
    "person.add_same.todo": ("修改该专家的信息，而不是新增；确是两个人时请核对手机与电子邮箱",
                             "edit that expert instead of adding one; if they really are two people, check the phone "
                             "and e-mail"),
    # merge
    "merge.same": ("保留与合并的是同一位专家 {rkey}", "the expert to keep and the one to merge are the same ({rkey})"),
    "merge.missing": ("专家库中没有专家 {ref}", "there is no expert {ref} in the roster"),
    "merge.both_reviewed": ("{keep} 与 {drop} 在评审批次“{session}”中都有评分或评审包，合并会把两份评审混为一人；"
                            "请先核实是否同一人、撤下其中一份后再合并",
                            "{keep} and {drop} both have scores or review bundles in session \"{session}\": merging "
                            "would make two reviews one person's; check who is who and withdraw one first"),
    "merge.drop_reviewed": ("{drop} 在评审批次“{session}”中已有评分、评审包或评分文件：评审包与评分文件中写有该专家的内部编号，"
                            "合并后无法再导入或核验；请保留 {drop}，停用 {keep}（或保留两者）",
                            "{drop} already has scores, review bundles or score files in session \"{session}\": they "
                            "carry that expert's internal number and could no longer be imported or verified after a "
                            "merge; keep {drop} and deactivate {keep} instead (or keep both)"),
    "merge.locked": ("{drop} 是已定稿批次“{session}”评审组“{panel}”的成员：定稿的批次不能再修改",
                     "{drop} is a member of panel \"{panel}\" of the finalized session \"{session}\", which can no "
                     "longer change"),
    "merge.keys": ("{keep} 与 {drop} 已登记了不同的专家密钥（指纹 {kfp} / {dfp}）：不能确定是同一人，未合并",
                   "{keep} and {drop} have different expert keys pinned ({kfp} / {dfp}): they may not be one person; "
                   "nothing merged"),
    "merge.cert": ("{drop} 已登记了组长签名证书：请保留 {drop}，停用 {keep}",
                   "{drop} has a leader signing certificate pinned: keep {drop} and deactivate {keep} instead"),
    "merge.done": ("已将 {drop} 合并到 {keep}：评审组成员 {members}，分配 {assignments}，回避 {conflicts}",
                   "{drop} merged into {keep}: panel memberships {members}, assignments {assignments}, conflicts "
                   "{conflicts}"),
    # draw
    "draw.same_person": ("与 {rkey} {name} 疑似同一人（{why}），每人只参加一次抽取；请在专家库中合并",
                         "looks like the same person as {rkey} {name} ({why}); one person is drawn once at most; "
                         "merge them in the roster"),
}
