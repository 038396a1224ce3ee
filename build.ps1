<#
.SYNOPSIS
    Builds, tests and packages LinkTools.
.DESCRIPTION
    Build    dotnet build of the solution.
    Package  out/LinkTools: the module folder for Import-Module and Publish-Module (manifest, the cmdlet and
             model assemblies, the engine and its libraries in dependencies/, format data, about_ help and MAML
             help generated from the code by build/LinkTools.Build), and out/tool: the linktools .NET tool package.
    Test     xunit (dotnet test), then Pester (also after xunit failures); a non-zero exit code when either failed.
    Pester   Packages, imports out/LinkTools and runs tests/pester with Pester 5; ends with
             "Pester: N passed, N failed" and a non-zero exit code when anything failed. Pester 5 comes from the
             installed modules, else from the NuGet package (build/Pester), else from the PowerShell Gallery.
    Native   out/native/<rid>/linktools: the CLI as one self-contained native executable (Native AOT, trimmed; no
             .NET needed where it runs) for -Runtime (default: this machine's). Native AOT compiles for the OS it
             runs on: linux-x64 here, win-x64 on Windows, osx-arm64 on a Mac (with the platform's C linker).
    All      Build, Package, Test.
    Runs on Windows PowerShell 5.1 and PowerShell 7.
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 -Task Test
    Both suites on a machine with only the .NET SDK: PowerShell 7.6 from the local tool manifest, Pester from NuGet.
.EXAMPLE
    ./build.ps1 -Task Native
    out/native/linux-x64/linktools (on Linux x64): copy it to a CI image and run `linktools crawl <url>`.
.EXAMPLE
    ./build.ps1 -Task Package
    Import-Module ./out/LinkTools
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Pester', 'Package', 'Native', 'All')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Pester test files or folders to run instead of all of tests/pester, e.g. tests/pester/TestLink.Tests.ps1.
    [string[]] $PesterPath,

    # The runtime identifier the Native task compiles for, e.g. linux-x64, linux-arm64, win-x64, osx-arm64.
    [string] $Runtime
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$Root = $PSScriptRoot
$OutDir = Join-Path $Root 'out'
$ModuleDir = Join-Path $OutDir 'LinkTools'
$ToolDir = Join-Path $OutDir 'tool'
$ResultsDir = Join-Path $Root 'TestResults'
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

function Invoke-Dotnet {
    # dotnet reports failure through its exit code only; turn that into a terminating error. Its text goes to the
    # host, never into a task's return value.
    & dotnet @args | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-BuildTask {
    Invoke-Dotnet build (Join-Path $Root 'LinkTools.sln') -c $Configuration
}

function Invoke-PackageTask {
    $moduleProject = Join-Path $Root 'src/LinkTools.PowerShell/LinkTools.PowerShell.csproj'
    Invoke-Dotnet build $moduleProject -c $Configuration
    $buildOutput = Join-Path $Root "src/LinkTools.PowerShell/bin/$Configuration/netstandard2.0"
    # '--' quoted: bare, PowerShell would take it as its own end-of-parameters marker and not pass it on.
    Invoke-Dotnet run --project (Join-Path $Root 'build/LinkTools.Build/LinkTools.Build.csproj') -c $Configuration '--' `
        module --repo $Root --build-output $buildOutput --out $ModuleDir

    if (Test-Path $ToolDir) { Remove-Item $ToolDir -Recurse -Force }
    Invoke-Dotnet pack (Join-Path $Root 'src/LinkTools.Cli/LinkTools.Cli.csproj') -c $Configuration -o $ToolDir
    Write-Host "Module: $ModuleDir"
    Write-Host "Tool:   $ToolDir (dotnet tool install --global --add-source $ToolDir linktools)"
}

function Get-CurrentRuntime {
    # .NET 5+ knows its own runtime identifier; Windows PowerShell 5.1 runs on .NET Framework, which does not.
    $info = [System.Runtime.InteropServices.RuntimeInformation]
    if ($info.GetProperty('RuntimeIdentifier')) { return $info::RuntimeIdentifier }
    if ([Environment]::Is64BitOperatingSystem) { 'win-x64' } else { 'win-x86' }
}

function Invoke-NativeTask {
    $rid = if ($Runtime) { $Runtime } else { Get-CurrentRuntime }
    $target = Join-Path $OutDir "native/$rid"
    # The project turns a publish for a runtime into Native AOT (PublishAot); a trimming or AOT warning fails it.
    Invoke-Dotnet publish (Join-Path $Root 'src/LinkTools.Cli/LinkTools.Cli.csproj') -c $Configuration -r $rid -o $target
    Get-ChildItem $target -Filter '*.pdb' | Remove-Item
    Get-ChildItem $target -Filter '*.xml' | Remove-Item
    Write-Host "Native: $target"
}

function Invoke-XunitTask {
    # Returns whether every test passed instead of throwing, so the Test task still runs Pester after a failure.
    & dotnet test (Join-Path $Root 'LinkTools.sln') -c $Configuration `
        --logger 'trx;LogFilePrefix=xunit' --results-directory (Join-Path $ResultsDir 'xunit') | Out-Host
    $LASTEXITCODE -eq 0
}

function Get-NuGetPester {
    # Pester from the NuGet registry (build/Pester restores it): the module files sit under tools/ in the package.
    # This works where the PowerShell Gallery cannot be reached; returns $null where NuGet cannot either.
    & dotnet restore (Join-Path $Root 'build/Pester/Pester.csproj') --verbosity quiet | Out-Host
    if ($LASTEXITCODE -ne 0) { return $null }
    $packages = & dotnet nuget locals global-packages --list --force-english-output
    $folder = ($packages -replace '^global-packages:\s*', '').Trim()
    $manifest = Join-Path $folder 'pester/5.7.1/tools/Pester.psd1'
    if (Test-Path $manifest) { $manifest } else { $null }
}

function Import-Pester5 {
    $available = Get-Module Pester -ListAvailable | Where-Object { $_.Version -ge [version]'5.0.0' }
    if ($available) {
        Import-Module Pester -MinimumVersion 5.0.0 -Force
        return
    }
    $nuget = Get-NuGetPester
    if ($nuget) {
        Write-Host "Pester 5 is not installed; using the NuGet package: $nuget"
        Import-Module $nuget -Force
        return
    }
    Write-Host 'Pester 5 is not installed; installing it from the PowerShell Gallery for the current user.'
    if ($PSVersionTable.PSEdition -ne 'Core') {
        # Windows PowerShell 5.1 defaults to TLS 1.0 and may lack the NuGet provider the gallery needs.
        [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
        if (-not (Get-PackageProvider -ListAvailable -Name NuGet -ErrorAction SilentlyContinue)) {
            Install-PackageProvider -Name NuGet -MinimumVersion 2.8.5.201 -Scope CurrentUser -Force | Out-Null
        }
    }
    Install-Module Pester -MinimumVersion 5.0.0 -Scope CurrentUser -Force -SkipPublisherCheck
    Import-Module Pester -MinimumVersion 5.0.0 -Force
}

function Invoke-PesterTask {
    Invoke-PackageTask
    Import-Pester5

    # The tests import the module from here, so they exercise exactly what Publish-Module would ship.
    $env:LINKTOOLS_MODULE_PATH = Join-Path $ModuleDir 'LinkTools.psd1'
    $edition = $PSVersionTable.PSEdition
    $config = New-PesterConfiguration
    $config.Run.Path = if ($PesterPath) { $PesterPath } else { Join-Path $Root 'tests/pester' }
    $config.Run.PassThru = $true
    $config.Output.Verbosity = 'Detailed'
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = Join-Path $ResultsDir "pester/pester-$edition.xml"
    $config.TestResult.TestSuiteName = "LinkTools Pester ($edition $($PSVersionTable.PSVersion))"
    $null = New-Item -ItemType Directory -Force -Path (Join-Path $ResultsDir 'pester')

    $result = Invoke-Pester -Configuration $config
    # A failing BeforeAll fails its block or file without failing a test; count those too.
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Write-Host "Pester: $($result.PassedCount) passed, $failed failed"
    $failed -eq 0
}

$steps = if ($Task -contains 'All') { @('Build', 'Package', 'Test') } else { $Task }
$passed = $true
foreach ($step in $steps) {
    Write-Host "==> $step ($Configuration)"
    switch ($step) {
        'Build'   { Invoke-BuildTask }
        'Package' { Invoke-PackageTask }
        'Native'  { Invoke-NativeTask }
        'Test'    {
            $xunit = Invoke-XunitTask
            $pester = Invoke-PesterTask
            $passed = $passed -and $xunit -and $pester
        }
        'Pester'  { $passed = (Invoke-PesterTask) -and $passed }
    }
}
if (-not $passed) { exit 1 }
