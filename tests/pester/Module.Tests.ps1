#Requires -Version 5.1
<#
    What a PowerShell user meets across the module (Pester 5, real PowerShell): help, tab completion, streams,
    progress, stopping, streaming and loading. Servers are the demo site and a listener on 127.0.0.1 that never answers.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Demo = Start-LinkToolsDemoSite
    $script:Base = $script:Demo.BaseUri.AbsoluteUri
    $script:Fast = @{ TimeoutSec = 10; RetryIntervalSec = 0 }
    $script:ModulePath = Get-LinkToolsModulePath
    $script:Cmdlets = 'Test-Link', 'Invoke-SiteCrawl', 'Export-LinkReport', 'Watch-Website', 'Get-WebsiteUptime'

    # Accepts connections (the kernel completes the handshake) and never answers: a hanging server.
    $script:Hang = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $script:Hang.Start(512)
    $script:HangBase = 'http://127.0.0.1:{0}/' -f $script:Hang.LocalEndpoint.Port

    # A [powershell] with the module imported; the caller adds the command.
    function New-ModuleShell {
        $shell = [powershell]::Create()
        $null = $shell.AddCommand('Import-Module').AddArgument($script:ModulePath).Invoke()
        $shell.Commands.Clear()
        $shell
    }

    # Starts the shell's command, waits (at most 15 s) for its first output, then stops it: how long Stop() took,
    # whether the command had ended by then, and the output kept. The input has ended, so the command runs on its
    # parameters instead of waiting for pipeline input.
    function Stop-AfterFirstOutput($shell) {
        $closed = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $closed.Complete()
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $handle = $shell.BeginInvoke($closed, $output)
        $deadline = [DateTime]::UtcNow.AddSeconds(15)
        while ($output.Count -lt 1 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $shell.Stop()
        [pscustomobject]@{ Seconds = $clock.Elapsed.TotalSeconds; Completed = $handle.IsCompleted; Output = @($output) }
    }
}

AfterAll {
    if ($script:Hang) { $script:Hang.Stop() }
    if ($script:Demo) { $script:Demo.Dispose() }
}

Describe 'Help' {
    It 'has a HelpUri for Get-Help -Online on <_>' -ForEach @('Test-Link', 'Invoke-SiteCrawl', 'Export-LinkReport', 'Watch-Website', 'Get-WebsiteUptime') {
        (Get-Command $_).HelpUri | Should -Match '^https://'
    }

    It 'describes every parameter of <_> with a PowerShell type name' -ForEach @('Test-Link', 'Invoke-SiteCrawl', 'Export-LinkReport', 'Watch-Website', 'Get-WebsiteUptime') {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.parameters.parameter).Count | Should -BeGreaterThan 0
        foreach ($parameter in $help.parameters.parameter) {
            ($parameter.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs help"
            "$($parameter.type.name)" | Should -Not -Match '`' -Because "-$($parameter.name) shows its type as PowerShell does"
        }
    }

    It 'does not call -Format of Export-LinkReport required, and says where its default comes from' {
        $format = (Get-Help Export-LinkReport -Full).parameters.parameter | Where-Object name -EQ 'Format'
        $format.required | Should -Be 'false'
        $format.defaultValue | Should -Match 'extension'
    }

    It 'says what -Count 0 of Watch-Website means' {
        $count = (Get-Help Watch-Website -Full).parameters.parameter | Where-Object name -EQ 'Count'
        $count.defaultValue | Should -Match 'forever'
    }

    It 'states a described setting''s bounds and default in its help, written from its description' {
        $threshold = Get-Help Watch-Website -Parameter FailureThreshold
        ($threshold.description | Out-String) | Should -Match '1 to 100 \(default 2\)'
        ($(Get-Help Invoke-SiteCrawl -Parameter MaxPageBytes).description | Out-String) | Should -Match 'from 1 KB to 1 GB \(default 10 MB\)'
    }

    It 'refuses a value out of a described setting''s bounds while binding, naming the parameter, the bounds and the value' {
        { Test-Link -Uri $script:Base -ThrottleLimit 0 -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*-ThrottleLimit must be between 1 and 1024; got 0.*'
        { Invoke-SiteCrawl -Uri $script:Base -DelaySec 600.5 -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*-DelaySec must be between 0 and 600; got 600.5.*'
        { Test-Link -Uri $script:Base -AcceptStatusCode 200, 1000 -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*-AcceptStatusCode must be between 100 and 999; got 1000.*'
    }

    It 'has no Test-Link example that writes the annotations Test-Link already writes' {
        foreach ($example in (Get-Help Test-Link -Examples).examples.example) {
            "$($example.code)" | Should -Not -Match 'task\.logissue'
        }
    }
}

Describe 'Tab completion' {
    It 'completes parameter names of <_>' -ForEach @('Test-Link', 'Invoke-SiteCrawl') {
        $line = "$_ -Throttle"
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain '-ThrottleLimit'
    }

    It 'completes the values of -Method' {
        $line = 'Test-Link -Method '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be @('Auto', 'Get', 'Head')
    }
}

Describe 'Streams' {
    It 'writes verbose messages with -Verbose' {
        $verbose = Invoke-SiteCrawl -Demo -Depth 0 -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        @($verbose).Count | Should -BeGreaterThan 0
    }

    It 'stops at bad input under $ErrorActionPreference = Stop, as the Azure DevOps task sets it' {
        $caught = & {
            $ErrorActionPreference = 'Stop'
            try { Test-Link 'not a url' @Fast } catch { $_ }
        }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'InvalidUrl,*'
    }

    It 'silences warnings with -WarningAction SilentlyContinue and still collects them' {
        $file = Join-Path $TestDrive 'suppress.txt'
        Set-Content $file "$($script:Base)contact | was due | 2000-01-01"
        $all = Test-Link ($script:Base + 'contact') @Fast -SuppressionPath $file -WarningAction SilentlyContinue -WarningVariable warnings 3>&1
        @($all | Where-Object { $_ -is [System.Management.Automation.WarningRecord] }).Count | Should -Be 0
        "$warnings" | Should -Match 'expired'
    }

    It 'shows the crawl summary with -InformationAction Continue' {
        $all = Invoke-SiteCrawl -Demo -Depth 0 -InformationAction Continue 6>&1
        @($all | Where-Object { $_ -is [System.Management.Automation.InformationRecord] -and $_.Tags -contains 'Summary' }).Count | Should -Be 1
    }

    It 'fills -OutVariable with the results it writes' {
        $results = Test-Link ($script:Base + 'about.html'), ($script:Base + 'missing-page') @Fast -OutVariable kept
        @($kept).Count | Should -Be 2
        @($results).Count | Should -Be 2
    }
}

Describe 'Progress, stopping and streaming' {
    It 'writes progress records while it checks' {
        $shell = New-ModuleShell
        try {
            $null = $shell.AddCommand('Test-Link').AddParameter('Demo').Invoke()
            $progress = @($shell.Streams.Progress)
            $progress.Count | Should -BeGreaterThan 0
            $progress[0].Activity | Should -Be 'Test-Link'
            ($progress | Where-Object RecordType -EQ 'Completed') | Should -Not -BeNullOrEmpty
        }
        finally { $shell.Dispose() }
    }

    It 'stops a Test-Link of hanging URLs within a second and keeps what was found' {
        $shell = New-ModuleShell
        try {
            $urls = @($script:Base + 'about.html') + (1..5 | ForEach-Object { $script:HangBase + "hang/$_" })
            $null = $shell.AddCommand('Test-Link').AddParameter('Uri', $urls).AddParameter('TimeoutSec', 60).AddParameter('RetryIntervalSec', 0)
            $run = Stop-AfterFirstOutput $shell
            $run.Seconds | Should -BeLessThan 1
            $run.Completed | Should -BeTrue
            $run.Output.Count | Should -Be 1
            $run.Output[0].Url | Should -Be ($script:Base + 'about.html')
        }
        finally { $shell.Dispose() }
    }

    It 'stops a crawl within a second and keeps what was found' {
        $shell = New-ModuleShell
        try {
            $null = $shell.AddCommand('Invoke-SiteCrawl').AddParameter('Demo').AddParameter('IncludeAll').AddParameter('DelaySec', 1)
            $run = Stop-AfterFirstOutput $shell
            $run.Seconds | Should -BeLessThan 1
            $run.Completed | Should -BeTrue
            $run.Output.Count | Should -BeGreaterThan 0
        }
        finally { $shell.Dispose() }
    }

    It 'writes the first result before the input ends, and Select-Object -First 1 ends the run' {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $first = & {
            $script:Base + 'about.html'
            # The hanging URLs come only after the first result can have been written.
            1..3 | ForEach-Object { Start-Sleep -Milliseconds 300; $script:HangBase + "late/$_" }
        } | Test-Link -TimeoutSec 60 -RetryIntervalSec 0 | Select-Object -First 1
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 10
        $first.Url | Should -Be ($script:Base + 'about.html')
    }
}

Describe 'Loading' {
    It 'imports twice in one session and still works' {
        Import-Module $script:ModulePath
        Import-Module $script:ModulePath -Force
        @(Get-Module LinkTools).Count | Should -Be 1
        (Test-Link ($script:Base + 'about.html') @Fast).Status.ToString() | Should -Be 'Ok'
    }

    It 'works again after Remove-Module and Import-Module' {
        Remove-Module LinkTools -Force
        Import-Module $script:ModulePath -ErrorAction Stop
        (Test-Link ($script:Base + 'about.html') @Fast).Status.ToString() | Should -Be 'Ok'
        @(Invoke-SiteCrawl -Demo -Depth 0).Count | Should -BeGreaterThan 0
    }

    It 'crawls beside another module that loaded a different AngleSharp first' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        $packages = (& dotnet nuget locals global-packages --list --force-english-output) -replace '^global-packages:\s*', ''
        $other = Join-Path $packages.Trim() 'anglesharp/0.17.1/lib/netstandard2.0/AngleSharp.dll'
        if (-not (Test-Path $other)) { Set-ItResult -Skipped -Because 'AngleSharp 0.17.1 is not in the NuGet cache'; return }
        # A fresh process, so the other AngleSharp is in the default context before LinkTools is imported.
        $script = @"
Add-Type -Path '$other'
`$null = [AngleSharp.Html.Parser.HtmlParser]::new().ParseDocument('<p>another module</p>')
Import-Module '$($script:ModulePath)' -ErrorAction Stop
`$found = @(Invoke-SiteCrawl -Demo -TimeoutSec 10 -RetryIntervalSec 0)
`$versions = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'AngleSharp' } | ForEach-Object { `$_.GetName().Version.ToString(2) }
'{0};{1}' -f `$found.Count, ((`$versions | Sort-Object) -join ',')
"@
        # PowerShell from the local tool manifest runs as 'dotnet pwsh.dll'.
        $exe = (Get-Process -Id $PID).Path
        $prefix = @(if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
        $answer = & $exe @prefix -NoProfile -NonInteractive -Command $script
        $LASTEXITCODE | Should -Be 0
        $count, $versions = "$answer".Trim() -split ';'
        [int] $count | Should -Be 11
        $versions | Should -Match '0\.17'
        $versions | Should -Match '1\.'
    }
}
