# Dot-sourced by the test files after Import-Module LinkTools: starts the engine's demo site on 127.0.0.1.
# The engine lives in the module's own load context (dependencies/), which PowerShell 7's type resolution does not
# search, so [LinkTools.Core.Demo.DemoSite] cannot be named; the type is taken from the loaded engine assembly instead.
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
