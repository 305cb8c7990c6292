; Inno Setup 6 script of the nn-review Windows installer (南宁市科技计划项目评审系统).
; Build it on Windows after the PyInstaller bundle: see README.md beside this file.
;   iscc /DAppVersion=0.1.0 installer\windows\nn_review.iss
; This file is UTF-8 with a byte-order mark, which Inno Setup needs for the Chinese text.

#if Ver < EncodeVer(6, 5, 0)
  #error Inno Setup 6.5 or newer is needed (it ships Languages\ChineseSimplified.isl)
#endif

#ifndef AppVersion
  #define AppVersion "0.0.0-dev"
#endif
; The one-folder bundle made by installer/nn_review.spec (relative to this file).
#ifndef BundleDir
  #define BundleDir "..\..\dist\nn-review"
#endif
#ifndef ZhMessages
  #define ZhMessages "compiler:Languages\ChineseSimplified.isl"
#endif
#define AppExe "nn-review.exe"
#define Res "_internal\resources"

[Setup]
; Never change AppId: it ties updates and the uninstaller to earlier installations.
AppId={{6B1E0C52-7F3A-4D8E-9A51-2C4F8E0B9D17}
AppName={cm:AppName}
AppVersion={#AppVersion}
AppVerName={cm:AppName} {#AppVersion}
AppPublisher={cm:Publisher}
VersionInfoVersion={#Copy(AppVersion, 1, Pos("-", AppVersion + "-") - 1)}
VersionInfoProductName=nn-review
; Per-user installation without administrator rights is the default; the wizard (or
; /ALLUSERS, /CURRENTUSER on the command line) offers installing for all users instead.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
DefaultDirName={autopf}\nn-review
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
ChangesAssociations=yes
SetupIconFile={#BundleDir}\{#Res}\icons\nn-review.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={cm:AppName}
WizardStyle=modern
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
Compression=lzma2/max
SolidCompression=yes
OutputDir=..\..\dist
OutputBaseFilename=nn-review-{#AppVersion}-windows-x64-setup
CloseApplications=yes

[Languages]
Name: "zh_CN"; MessagesFile: "{#ZhMessages}"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
zh_CN.AppName=南宁市科技计划项目评审系统
en.AppName=Nanning S&T Review
zh_CN.Publisher=南宁市科学技术局
en.Publisher=Nanning Science and Technology Bureau
zh_CN.DemoShortcut=南宁市科技计划项目评审系统（演示数据）
en.DemoShortcut=Nanning S&T Review (demo data)
zh_CN.AssocGroup=文件关联：
en.AssocGroup=File types:
zh_CN.AssocTask=用本程序打开申报包（.nnpkg）、评审包（.nnrb）和评分文件（.nnscore）
en.AssocTask=Open application packages (.nnpkg), review bundles (.nnrb) and score files (.nnscore) with this program
zh_CN.TypePackage=南宁市科技计划项目申报包
en.TypePackage=Nanning S&T plan application package
zh_CN.TypeBundle=专家评审包（加密）
en.TypeBundle=Encrypted expert review bundle
zh_CN.TypeScores=专家评分文件（已签名）
en.TypeScores=Signed expert score file
zh_CN.RemoveData=是否同时删除本机上的评审数据（评审批次、申报材料、专家库、评分记录和设置）？%n%n数据位置：%1%n%n选择“否”将保留这些数据，重新安装后可以继续使用。
en.RemoveData=Also delete the review data on this computer (sessions, application documents, roster, scores and settings)?%n%nData folder: %1%n%nChoose "No" to keep it; a later installation will use it again.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"
Name: "associate"; Description: "{cm:AssocTask}"; GroupDescription: "{cm:AssocGroup}"

[InstallDelete]
; An update replaces the whole runtime folder, so no file of an older version is left behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExe}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#Res}\icons\nn-review.ico"
Name: "{autoprograms}\{cm:DemoShortcut}"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; IconFilename: "{app}\{#Res}\icons\nn-review.ico"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\{#Res}\icons\nn-review.ico"; Tasks: desktopicon

[Registry]
; HKA is HKEY_CURRENT_USER for a per-user installation and HKEY_LOCAL_MACHINE for all users.
Root: HKA; Subkey: "Software\Classes\.nnpkg\OpenWithProgids"; ValueType: string; ValueName: "nnreview.nnpkg"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.nnpkg"; ValueType: string; ValueName: ""; ValueData: "nnreview.nnpkg"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\nnreview.nnpkg"; ValueType: string; ValueName: ""; ValueData: "{cm:TypePackage}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\nnreview.nnpkg\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#Res}\icons\nnpkg.ico,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\nnreview.nnpkg\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate

Root: HKA; Subkey: "Software\Classes\.nnrb\OpenWithProgids"; ValueType: string; ValueName: "nnreview.nnrb"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.nnrb"; ValueType: string; ValueName: ""; ValueData: "nnreview.nnrb"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\nnreview.nnrb"; ValueType: string; ValueName: ""; ValueData: "{cm:TypeBundle}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\nnreview.nnrb\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#Res}\icons\nnrb.ico,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\nnreview.nnrb\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate

Root: HKA; Subkey: "Software\Classes\.nnscore\OpenWithProgids"; ValueType: string; ValueName: "nnreview.nnscore"; ValueData: ""; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\.nnscore"; ValueType: string; ValueName: ""; ValueData: "nnreview.nnscore"; Flags: uninsdeletevalue; Tasks: associate
Root: HKA; Subkey: "Software\Classes\nnreview.nnscore"; ValueType: string; ValueName: ""; ValueData: "{cm:TypeScores}"; Flags: uninsdeletekey; Tasks: associate
Root: HKA; Subkey: "Software\Classes\nnreview.nnscore\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#Res}\icons\nnscore.ico,0"; Tasks: associate
Root: HKA; Subkey: "Software\Classes\nnreview.nnscore\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: associate

Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".nnpkg"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".nnrb"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".nnscore"; ValueData: ""

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
Type: filesandordirs; Name: "{app}\_internal"

[Code]
// The uninstaller removes the program only. The user's review data (the store in
// %LOCALAPPDATA%\nn-review and the settings in HKCU\Software\nn-review) stays unless the user
// says so when asked, or the uninstaller is run with /DELETEUSERDATA=1.
// Keys kept in the Windows Credential Manager by the app are never touched here.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
  Remove: Boolean;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  DataDir := ExpandConstant('{localappdata}\nn-review');
  if not DirExists(DataDir) then
    exit;
  Remove := ExpandConstant('{param:DELETEUSERDATA|0}') = '1';
  if (not Remove) and (not UninstallSilent) then
    Remove := MsgBox(FmtMessage(CustomMessage('RemoveData'), [DataDir]), mbConfirmation,
                     MB_YESNO or MB_DEFBUTTON2) = IDYES;
  if Remove then
  begin
    DelTree(DataDir, True, True, True);
    RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\nn-review');
  end;
end;
