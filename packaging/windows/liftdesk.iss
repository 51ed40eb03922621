; Inno Setup script for LiftDesk (加梯工作台) on Windows: installs both programs of the one-folder
; build (LiftDesk.exe, the app; liftdesk-cli.exe, the command line) with a Start-menu entry each.
; Written for a stock Inno Setup 6 (no extra files): the Chinese wizard is used when the compiler
; has ChineseSimplified.isl (in Languages\ or Languages\Unofficial\), else Inno Setup's own English.
; NOT YET COMPILED ON WINDOWS (see README): the build on Linux is tested, this script is not.
; 1. On Windows with Python 3.11+:  py -m venv .venv && .venv\Scripts\pip install -e .[build]
; 2. .venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\liftdesk.spec
; 3. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\liftdesk.iss
;    → dist\LiftDesk-setup-<version>.exe
; Installs per user (no admin rights needed on a shared station PC). The databases stay in
; %APPDATA%\LiftDesk and are NOT removed on uninstall: they hold the district's records.
; This file is UTF-8 with a byte-order mark, which Inno Setup 6 needs to read its Chinese text.

#define AppName "LiftDesk 加梯工作台"
#define AppVersion "0.1.0"
#define AppExe "LiftDesk.exe"
#define CliExe "liftdesk-cli.exe"
#define LangDir AddBackslash(CompilerPath) + "Languages\"

[Setup]
AppId={{6C0F2B8E-2D7A-4C55-9B3E-3F1A8E1D7C42}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=LiftDesk volunteers
DefaultDirName={localappdata}\Programs\LiftDesk
DefaultGroupName=LiftDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=LiftDesk-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\{#AppExe}
CloseApplications=yes

[Languages]
#if FileExists(LangDir + "ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(LangDir + "Unofficial\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An update replaces the whole program folder: no library of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The whole one-folder build made by PyInstaller (packaging\liftdesk.spec): both programs.
Source: "..\..\dist\LiftDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\LiftDesk 加梯工作台"; Filename: "{app}\{#AppExe}"
; The command line: a console window in the Documents folder that stays open, showing the commands.
Name: "{group}\LiftDesk 命令行"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#CliExe}"" --help"; WorkingDir: "{userdocs}"; IconFilename: "{app}\{#CliExe}"
Name: "{group}\{cm:UninstallProgram,LiftDesk}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\LiftDesk 加梯工作台"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[UninstallDelete]
; Only what the installer put there (Python may leave compiled files); never the data folder.
Type: filesandordirs; Name: "{app}\_internal"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,LiftDesk}"; Flags: nowait postinstall skipifsilent
