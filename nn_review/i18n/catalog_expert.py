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
