"""The hand-out's folders (issue 20 item 3: passwords never travel with their bundles) and the
score file's canonical form (item 4)."""

_APART = ("任务通知书载有评审包密码，不能和评审包放在同一文件夹里。",
          "The assignment letters carry the bundle passwords, so they must not be in the bundles' folder.")

CATALOG = {
    "handout.letters_same": ("任务通知书文件夹与评审包文件夹相同（{bundles}）。" + _APART[0],
                             "The letters' folder is the bundles' folder ({bundles}). " + _APART[1]),
    "handout.letters_inside": ("任务通知书文件夹（{letters}）在评审包文件夹（{bundles}）之内。" + _APART[0],
                               "The letters' folder ({letters}) is inside the bundles' folder ({bundles}). "
                               + _APART[1]),
    "handout.bundles_inside": ("评审包文件夹（{bundles}）在任务通知书文件夹（{letters}）之内。" + _APART[0],
                               "The bundles' folder ({bundles}) is inside the letters' folder ({letters}). "
                               + _APART[1]),
    "handout.todo.other_folder": ("请为任务通知书另选一个文件夹（例如本机“文档”中的文件夹），或只打印 / 保存为 PDF。",
                                  "Choose another folder for the letters (for example one in Documents on this "
                                  "computer), or only print them / save them as PDF."),
    "handout.same_removable": ("评审包和任务通知书将写入同一个可移动磁盘（{drive}）。任务通知书载有密码："
                               "拿到这个 U 盘的人同时拿到评审包和密码。请把任务通知书存到本机或只打印。",
                               "The bundles and the assignment letters would be written onto the same removable "
                               "drive ({drive}). The letters carry the passwords: whoever gets this USB stick gets "
                               "the bundles and their passwords. Keep the letters on this computer or only print "
                               "them."),
    "handout.letter_not_made": ("未能生成专家“{name}”的任务通知书：{error}（密码见密码清单）",
                                "The assignment letter for \"{name}\" could not be made: {error} (the password is "
                                "on the password list)"),
    # -- score files (issue 20 item 4) --
    "scores.refused.scores.not_canonical": ("“{file}”的排版与专家端导出的原文件不同（例如在编辑器中重新排版或另存过），未导入。",
                                            "The layout of \"{file}\" differs from the file the expert's program "
                                            "exported (it was reformatted or re-saved in an editor, for example). "
                                            "It was not imported."),
    "scores.todo.original_file": ("请导入专家交回的原文件（不要在编辑器中打开后保存）；没有原文件时请专家重新导出。",
                                  "Import the file exactly as the expert sent it (do not save it from an editor); "
                                  "if the original is lost, ask the expert to export it again."),
}
