"""Signing keys, passphrases and the keyring in plain words (issue 15 items 8 and 12): no
environment variable names, commands or file paths in the main text; they are the detail."""

CATALOG = {
    "keys.notice.passphrase": ("评审秘书的签名密钥没有存放在系统钥匙串中，而是用您设置的口令加密保存在本存储的密钥文件夹里；"
                               "口令不保存，每次运行需输入一次。",
                               "The secretary's signing keys are not kept in the system keyring: they are saved in "
                               "the store's key folder, encrypted with the passphrase you chose. The passphrase is "
                               "not saved; you enter it once each time the program runs."),
    "keys.todo.backup": ("请用“文件 → 备份密钥…”备份密钥，并记住口令；口令遗失则无法再用这些密钥签名。",
                         "Back up the keys with \"File → Back up keys…\" and keep the passphrase safe: without it "
                         "these keys can no longer sign."),
    "keys.prompt.new": ("请设置评审秘书密钥口令（至少 8 个字符；口令不会保存，遗失则无法再用这些密钥签名）",
                        "Choose a passphrase for the secretary's keys (at least 8 characters; it is not saved, and "
                        "without it the keys can no longer sign)"),
    "keys.prompt.enter": ("请输入评审秘书密钥口令", "Enter the passphrase of the secretary's keys"),
    "keys.error.wrong_passphrase": ("口令不对，无法解开密钥（口令区分大小写）。", "Wrong passphrase: the key cannot be unlocked (passphrases are case-sensitive)."),
    "keys.error.short_passphrase": ("口令至少 {n} 个字符。", "The passphrase must have at least {n} characters."),
    "keys.error.mismatch": ("两次输入的口令不一致。", "The two passphrases you typed are not the same."),
    "keys.error.cancelled": ("已取消：没有输入口令。", "Cancelled: no passphrase was entered."),
    "keys.error.damaged": ("密钥文件已损坏，无法读取。", "The key file is damaged and cannot be read."),
    "keys.error.permissions": ("密钥文件的权限过宽，其他用户也能读取。", "The key file can be read by other users of this computer."),
    "keys.error.keyring": ("系统钥匙串暂时无法使用，读不到评审秘书的密钥。", "The system keyring cannot be used right now, so the secretary's key cannot be read."),
    "keys.error.no_keys": ("本存储还没有评审秘书的密钥，无需备份。", "This store has no secretary keys yet; there is nothing to back up."),
    "keys.error.not_backup": ("所选文件不是评审秘书密钥的备份文件。", "The chosen file is not a backup of the secretary's keys."),
    "keys.error.backup_damaged": ("密钥备份文件已损坏。", "The key backup file is damaged."),
    "keys.todo.restore": ("请从密钥备份恢复（“文件 → 从备份恢复密钥…”），或请技术支持协助。",
                          "Restore the keys from a backup (\"File → Restore keys from backup…\") or ask technical support."),
    "keys.todo.permissions": ("请让技术支持把该文件设为仅本用户可读后重试。",
                              "Ask technical support to make the file readable by your user only, then try again."),
    "keys.todo.retry": ("请重试。", "Please try again."),
    "keys.todo.keyring": ("请确认已登录桌面会话并解锁系统钥匙串后重试。",
                          "Make sure you are logged in to the desktop and the system keyring is unlocked, then try again."),
}
