; Inno Setup script for LiftDesk (加梯工作台) on Windows. NOT YET TRIED ON WINDOWS (see README).
; 1. On Windows with Python 3.11+:  py -m venv .venv && .venv\Scripts\pip install -e .[build]
; 2. .venv\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\liftdesk.spec
; 3. "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\liftdesk.iss
;    → dist\LiftDesk-setup-<version>.exe
; Installs per user (no admin rights needed on a shared station PC); data stays in %APPDATA%\LiftDesk.

#define AppName "LiftDesk 加梯工作台"
#define AppVersion "0.1.0"
#define AppExe "LiftDesk.exe"

[Setup]
AppId={{6C0F2B8E-2D7A-4C55-9B3E-3F1A8E1D7C42}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=LiftDesk volunteers
DefaultDirName={localappdata}\Programs\LiftDesk
DefaultGroupName=LiftDesk
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=LiftDesk-setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\{#AppExe}

[Languages]
; If your Inno Setup has no Languages\ChineseSimplified.isl, take it from Inno Setup's list of
; translations into that folder, or delete this line (the installer is then English only).
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
; The whole one-folder build made by PyInstaller (packaging\liftdesk.spec).
Source: "..\..\dist\LiftDesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\LiftDesk 加梯工作台"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,LiftDesk}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\LiftDesk 加梯工作台"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,LiftDesk}"; Flags: nowait postinstall skipifsilent
