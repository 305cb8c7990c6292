# Build the Windows bundle and installer from a checkout (see README.md beside this file).
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1 [-Python py] [-Iscc "C:\...\ISCC.exe"]
# → dist\nn-review\ (the one-folder bundle) and dist\nn-review-<version>-windows-x64-setup.exe
param(
    [string]$Python = "py",
    [string]$Iscc = ""
)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path ".venv\Scripts\python.exe")) {
    & $Python -3.11 -m venv .venv
    if ($LASTEXITCODE -ne 0) { & $Python -m venv .venv }
}
$py = ".venv\Scripts\python.exe"
& $py -m pip install -q --upgrade pip
# PySide6 is pinned exactly (README, "Qt binding"): wheels of another release go first (6.12
# splits QtPdf/QtWebEngine into wheels of their own that a downgrade would leave behind).
$pin = (Select-String -Path pyproject.toml -Pattern '"PySide6==([0-9.]+)"').Matches[0].Groups[1].Value
$stale = & $py -c "import sys; from importlib import metadata as m; print(' '.join(d.metadata['Name'] for d in m.distributions() if (d.metadata['Name'] or '').lower().replace('-', '_').startswith(('pyside6', 'shiboken6')) and d.version != sys.argv[1]))" $pin
if ($stale) { & $py -m pip uninstall -q -y @($stale.Split(' ')) }
& $py -m pip install -q -e .
& $py -m pip install -q -r installer\requirements.txt

# Translations: .ts -> .qm (the .qm files are build products, not in the repository).
Get-ChildItem resources\translations\*.ts | ForEach-Object {
    & .venv\Scripts\pyside6-lrelease.exe -silent $_.FullName -qm ($_.FullName -replace '\.ts$', '.qm')
    if ($LASTEXITCODE -ne 0) { throw "lrelease failed for $($_.Name)" }
}

& .venv\Scripts\pyinstaller.exe --noconfirm --clean --log-level WARN --distpath dist --workpath build\pyinstaller installer\nn_review.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# Quick check of the bundle, and that the installer script finds everything it references.
& dist\nn-review\nn-review.exe --version
& $py installer\check_iss.py --bundle dist\nn-review
if ($LASTEXITCODE -ne 0) { throw "installer script references files missing from the bundle" }

$version = & $py -c "import nn_review; print(nn_review.__version__)"
if (-not $Iscc) {
    $candidates = @("$env:ProgramFiles (x86)\Inno Setup 6\ISCC.exe", "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
                    "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe")
    $Iscc = $candidates | Where-Object { Test-Path $_ } | Select-Object -First 1
}
if (-not $Iscc) { throw "Inno Setup 6.5+ (ISCC.exe) not found: install it or pass -Iscc" }
& $Iscc "/DAppVersion=$version" installer\windows\nn_review.iss
if ($LASTEXITCODE -ne 0) { throw "ISCC failed" }
Get-ChildItem dist\*-setup.exe
