"""Texts of the results (nn_review/results) shown in the GUI, per language."""

CATALOG = {
    # refusals
    "results.err.no_application": ("本批次没有申报项目 {application}", "This session has no application {application}"),
    "results.err.draft_too_long": ("专家组意见最多 {limit} 个字符，实际 {actual} 个",
                                   "The panel opinion may have at most {limit} characters; it has {actual}"),
}
