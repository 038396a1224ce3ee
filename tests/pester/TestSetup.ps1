# Dot-sourced first thing in every test file's BeforeAll: imports the module under test and defines the helpers.
# build.ps1 -Task Pester packages the module and sets LINKTOOLS_MODULE_PATH; without it, the packaged out/LinkTools.

function Get-LinkToolsModulePath {
    if ($env:LINKTOOLS_MODULE_PATH) { return $env:LINKTOOLS_MODULE_PATH }
    # Join-Path takes one child path in Windows PowerShell 5.1.
    Join-Path $PSScriptRoot '../../out/LinkTools/LinkTools.psd1'
}

Import-Module (Get-LinkToolsModulePath) -Force -ErrorAction Stop

# Starts the engine's demo site on 127.0.0.1. The engine lives in the module's own load context (dependencies/),
# which PowerShell 7's type resolution does not search, so [LinkTools.Core.Demo.DemoSite] cannot be named; the type
# is taken from the loaded engine assembly instead.
function Start-LinkToolsDemoSite {
    $engine = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'LinkTools.Core' } | Select-Object -First 1
    if (-not $engine) {
        # Windows PowerShell loads the engine on first use; this is the same file its resolver would load.
        $module = Get-Module LinkTools | Select-Object -First 1
        $engine = [Reflection.Assembly]::LoadFrom((Join-Path (Join-Path $module.ModuleBase 'dependencies') 'LinkTools.Core.dll'))
    }

    $demoSite = $engine.GetType('LinkTools.Core.Demo.DemoSite', $true)
    $demoSite::Start()
}
