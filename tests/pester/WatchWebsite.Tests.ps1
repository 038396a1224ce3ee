#Requires -Modules Pester
# Watch-Website and Get-WebsiteUptime in real PowerShell, against the built-in demo site on 127.0.0.1.
# Written without a PowerShell to run it on; run with ./build.ps1 -Task Pester where pwsh exists.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:demo = Start-LinkToolsDemoSite
    $script:base = $script:demo.BaseUri.AbsoluteUri
    $script:work = Join-Path ([IO.Path]::GetTempPath()) ("watch-pester-" + [guid]::NewGuid())
    New-Item -ItemType Directory -Path $script:work | Out-Null
}

AfterAll {
    $script:demo.Dispose()
    Remove-Item -Recurse -Force $script:work -ErrorAction SilentlyContinue
}

Describe 'Watch-Website' {
    It 'reports the initial state of each site once' {
        $changes = Watch-Website -Uri $script:base, ($script:base + 'missing-page') -Once -Retry 0
        $changes | Should -HaveCount 2
        ($changes | Where-Object Url -eq $script:base).To | Should -Be 'Up'
        ($changes | Where-Object Url -like '*missing-page').To | Should -Be 'Down'
        $changes[0].GetType().Name | Should -Be 'SiteStateChange'
    }

    It 'takes sites from Import-Csv by property name, with per-row expectations' {
        $csv = Join-Path $script:work 'sites.csv'
        @(
            [pscustomobject]@{ Name = 'Home'; Url = $script:base; ExpectStatus = '200' }
            [pscustomobject]@{ Name = 'Gone'; Url = $script:base + 'missing-page'; ExpectStatus = '404' }
        ) | Export-Csv -Path $csv -NoTypeInformation
        $changes = Import-Csv $csv | Watch-Website -Once -Retry 0
        $changes | Should -HaveCount 2
        $changes | ForEach-Object { $_.To | Should -Be 'Up' }
        ($changes.Name | Sort-Object) | Should -Be @('Gone', 'Home')
    }

    It 'writes every check with -PassThru, Export-Csv clean' {
        $results = Watch-Website -Uri $script:base -Count 2 -IntervalSec 1 -PassThru
        $checks = @($results | Where-Object { $_ -is [LinkTools.Model.Monitoring.SiteCheckResult] })
        $checks | Should -HaveCount 2
        $checks[0].Attempts | Should -BeGreaterOrEqual 1
        $checks[0].PSObject.Properties.Name | Should -Contain 'ScheduleLagMs'
        $file = Join-Path $script:work 'checks.csv'
        $checks | Export-Csv -Path $file -NoTypeInformation
        (Import-Csv $file).Count | Should -Be 2
    }

    It 'runs -OnStateChange on the pipeline thread with the change as $_' {
        $script:seen = @()
        $null = Watch-Website -Uri ($script:base + 'missing-page') -Once -Retry 0 -OnStateChange { $script:seen += $_.Name }
        $script:seen | Should -HaveCount 1
    }

    It 'fails a check whose -Condition is false' {
        $change = Watch-Website -Uri $script:base -Once -Retry 0 -Condition { $_.StatusCode -eq 299 }
        $change.To | Should -Be 'Down'
        $change.FailureKind | Should -Be 'Condition'
    }

    It 'carries state across -Once runs with -StatePath' {
        $state = Join-Path $script:work 'state.json'
        $first = Watch-Website -Uri ($script:base + 'missing-page') -Once -Retry 0 -StatePath $state -ExpectStatus 404
        $first.Reason | Should -Be 'Initial'
        $second = Watch-Website -Uri ($script:base + 'missing-page') -Once -Retry 0 -StatePath $state -ExpectStatus 404
        $second | Should -BeNullOrEmpty
        Test-Path $state | Should -BeTrue
    }

    It 'keeps a corrupt state file aside with a warning' {
        $state = Join-Path $script:work 'corrupt.json'
        Set-Content -Path $state -Value '{ not json'
        $null = Watch-Website -Uri $script:base -Once -StatePath $state -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Should -Not -BeNullOrEmpty
        (Get-ChildItem -Path $script:work -Filter 'corrupt.json.corrupt-*') | Should -HaveCount 1
    }

    It 'ends with a terminating error under -FailOn Down, after the output' {
        $collected = [System.Collections.Generic.List[object]]::new()
        { Watch-Website -Uri ($script:base + 'missing-page') -Once -Retry 0 -FailOn Down | ForEach-Object { $collected.Add($_) } } |
            Should -Throw -ErrorId 'SiteFailed*'
        $collected | Should -HaveCount 1
    }

    It 'writes an error naming bad input and watches the rest' {
        $changes = Watch-Website -Uri 'not a url', $script:base -Once -ErrorVariable errs -ErrorAction SilentlyContinue
        $changes | Should -HaveCount 1
        $errs | Should -HaveCount 1
        $errs[0].TargetObject | Should -Be 'not a url'
    }
}

Describe 'Get-WebsiteUptime' {
    It 'reports uptime from the history Watch-Website wrote' {
        $history = Join-Path $script:work 'history.csv'
        $null = Watch-Website -Uri $script:base, ($script:base + 'missing-page') -Count 2 -IntervalSec 1 -Retry 0 -HistoryPath $history
        $report = Get-WebsiteUptime -HistoryPath $history
        $report | Should -HaveCount 2
        ($report | Where-Object Url -eq $script:base).UptimePercent | Should -Be 100
        ($report | Where-Object Url -like '*missing-page').UptimePercent | Should -Be 0
    }
}

Describe 'Watch-Website setup' {
    It 'refuses a <Case> -WebhookUrl before any check, naming the parameter' -TestCases @(
        @{ Case = 'relative'; Hook = 'hooks/x/hunter2' }
        @{ Case = 'ftp'; Hook = 'ftp://127.0.0.1/hooks/x/hunter2' }
    ) {
        param($Hook)
        $output = [System.Collections.Generic.List[object]]::new()
        $caught = $null
        try { Watch-Website -Uri $script:base -Once -WebhookUrl $Hook | ForEach-Object { $output.Add($_) } } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'InvalidWebhookUrl,*'
        $caught.Exception.Message | Should -Match '-WebhookUrl'
        # A webhook URL is a secret: the error quotes it only up to its path.
        "$($caught.Exception.Message) $($caught.CategoryInfo)" | Should -Not -Match 'hunter2'
        $output | Should -HaveCount 0
    }

    It 'names sites on one host apart by host and path' {
        $changes = Watch-Website -Uri $script:base, ($script:base + 'missing-page'), ($script:base + 'docs/') -Once -Retry 0
        $authority = $script:demo.BaseUri.Authority
        ($changes | Where-Object Url -eq $script:base).Name | Should -Be $authority
        ($changes | Where-Object Url -like '*missing-page').Name | Should -Be "$authority/missing-page"
        ($changes | Where-Object Url -like '*docs/').Name | Should -Be "$authority/docs/"
    }

    It 'ends before any check on a bad <Parameter>, catchable, naming it' -TestCases @(
        @{ Parameter = 'MaintenanceWindow'; Value = 'someday'; Expected = 'someday' }
        @{ Parameter = 'ExpectStatus'; Value = 'abc'; Expected = 'abc' }
        @{ Parameter = 'ExpectContent'; Value = '(unclosed'; Expected = 'regular expression' }
    ) {
        param($Parameter, $Value, $Expected)
        $history = Join-Path $script:work ("bad-setup-" + [guid]::NewGuid() + '.csv')
        $splat = @{ Uri = $script:base; Once = $true; HistoryPath = $history; $Parameter = $Value }
        $output = [System.Collections.Generic.List[object]]::new()
        $caught = $null
        try { Watch-Website @splat -ErrorAction SilentlyContinue | ForEach-Object { $output.Add($_) } } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $caught.Exception.Message | Should -Match "-$Parameter"
        $caught.Exception.Message | Should -Match ([regex]::Escape($Expected))
        $output | Should -HaveCount 0
        Test-Path $history | Should -BeFalse
    }

    It 'ends before any check when -<Parameter> is a folder, saying it is a folder' -TestCases @(
        @{ Parameter = 'StatePath' }
        @{ Parameter = 'HistoryPath' }
    ) {
        param($Parameter)
        $splat = @{ Uri = $script:base; Once = $true; $Parameter = $script:work }
        $output = [System.Collections.Generic.List[object]]::new()
        $caught = $null
        try { Watch-Website @splat -ErrorAction SilentlyContinue | ForEach-Object { $output.Add($_) } } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.Exception.Message | Should -Match "-$Parameter"
        $caught.Exception.Message | Should -Match 'folder'
        $caught.Exception.Message | Should -Not -Match 'denied'
        $output | Should -HaveCount 0
    }

    It 'refuses <Case>, naming both parameters' -TestCases @(
        @{ Case = '-Once with -Count'; Extra = @{ Once = $true; Count = 2 }; Names = @('-Once', '-Count') }
        @{ Case = '-Once with -Duration'; Extra = @{ Once = $true; Duration = [timespan]'00:01:00' }; Names = @('-Once', '-Duration') }
        @{ Case = '-Credential with -UseDefaultCredentials'; Extra = @{ Once = $true; UseDefaultCredentials = $true; Credential = [pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force)) }; Names = @('-Credential', '-UseDefaultCredentials') }
        @{ Case = '-ProxyCredential without -Proxy'; Extra = @{ Once = $true; ProxyCredential = [pscredential]::new('u', (ConvertTo-SecureString 'p' -AsPlainText -Force)) }; Names = @('-ProxyCredential', '-Proxy') }
    ) {
        param($Extra, $Names)
        $output = [System.Collections.Generic.List[object]]::new()
        $caught = $null
        try { Watch-Website -Uri $script:base @Extra | ForEach-Object { $output.Add($_) } } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.CategoryInfo.Category | Should -Be 'InvalidArgument'
        foreach ($name in $Names) { $caught.Exception.Message | Should -Match ([regex]::Escape($name) + '\b') }
        $output | Should -HaveCount 0
    }

    It 'writes neither -StatePath nor -HistoryPath under -WhatIf, and writes both with -Confirm:$false' {
        $state = Join-Path $script:work 'whatif-state.json'
        $history = Join-Path $script:work 'whatif-history.csv'
        $changes = Watch-Website -Uri $script:base -Once -StatePath $state -HistoryPath $history -WhatIf
        $changes | Should -HaveCount 1
        Test-Path $state | Should -BeFalse
        Test-Path $history | Should -BeFalse
        $null = Watch-Website -Uri $script:base -Once -StatePath $state -HistoryPath $history -Confirm:$false
        Test-Path $state | Should -BeTrue
        Test-Path $history | Should -BeTrue
    }

    It 'reads the state under -WhatIf, so a -Once run still compares with the last run' {
        $state = Join-Path $script:work 'whatif-compare.json'
        $null = Watch-Website -Uri $script:base -Once -StatePath $state
        $before = Get-Content -Raw $state
        Watch-Website -Uri $script:base -Once -StatePath $state -WhatIf | Should -BeNullOrEmpty
        Get-Content -Raw $state | Should -Be $before
    }
}

Describe 'Watch-Website -OnStateChange' {
    It 'says which block failed and why, and the watch goes on' {
        # A first Down is alerted (a first Up is not), so the blocks run.
        $changes = Watch-Website -Uri ($script:base + 'missing-page') -Once -Retry 0 -OnStateChange { 'fine' }, { throw 'boom' } -WarningVariable warnings -WarningAction SilentlyContinue
        $changes | Where-Object { $_ -isnot [string] } | Should -HaveCount 1
        $text = $warnings -join "`n"
        $text | Should -Match 'OnStateChange'
        $text | Should -Match 'block 2'
        $text | Should -Match 'boom'
        $text | Should -Not -Match 'InvokeWithContext'
    }

    It 'passes what a block writes to output on to the pipeline' {
        $output = Watch-Website -Uri ($script:base + 'missing-page') -Once -Retry 0 -OnStateChange { "hook saw $($_.To)" }
        $output | Where-Object { $_ -is [string] } | Should -Be 'hook saw Down'
    }

    It 'passes on what a block writes to the warning and verbose streams' {
        $null = Watch-Website -Uri ($script:base + 'missing-page') -Once -Retry 0 -OnStateChange { Write-Warning 'from the hook'; Write-Verbose 'hook verbose' -Verbose } -WarningVariable warnings -WarningAction SilentlyContinue -Verbose 4>&1 | Tee-Object -Variable streamed
        ($warnings -join "`n") | Should -Match 'from the hook'
        (@($streamed | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n") | Should -Match 'hook verbose'
    }

    It 'passes on a block''s Write-Host whole (colour and the PSHOST tag) and its debug messages' {
        $null = Watch-Website -Uri ($script:base + 'missing-page') -Once -Retry 0 -OnStateChange { Write-Host 'hook says' -ForegroundColor Red; Write-Debug 'hook debug' -Debug } -InformationVariable told -InformationAction SilentlyContinue -Debug 5>&1 | Tee-Object -Variable streamed
        $hostLine = @($told | Where-Object { $_.MessageData -is [System.Management.Automation.HostInformationMessage] -and "$($_.MessageData)" -eq 'hook says' })
        $hostLine | Should -HaveCount 1
        $hostLine[0].MessageData.ForegroundColor | Should -Be ([ConsoleColor]::Red)
        $hostLine[0].Tags | Should -Contain 'PSHOST'
        (@($streamed | Where-Object { $_ -is [System.Management.Automation.DebugRecord] }).Message -join "`n") | Should -Match 'hook debug'
    }
}

Describe 'Watch-Website default view' {
    It 'shows state changes and -PassThru checks in one table at <Width> columns' -TestCases @(
        @{ Width = 80 }
        @{ Width = 200 }
    ) {
        param($Width)
        $output = Watch-Website -Uri ($script:base + 'missing-page'), $script:base -Once -Retry 0 -PassThru
        $output | Should -HaveCount 4
        $text = $output | Out-String -Width $Width
        # One header (one table), and no list-formatted property lines.
        @($text -split "`n" | Where-Object { $_ -match '^-{3,}' }) | Should -HaveCount 1
        $text | Should -Not -Match '(?m)^\w+\s+: '
        $lines = $text -split "`r?`n" | Where-Object { $_.Trim() }
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual $Width }
        $lines[0] | Should -Match '^Time\s+Name\s+State\s+Ms\s+Detail'
        $text | Should -Match 'Down'
        $text | Should -Match 'Initial'
        $text | Should -Match 'Check: HEAD 200'
        if ($Width -ge 200) {
            # Nothing is cut when there is room.
            $text | Should -Not -Match '…'
            $text | Should -Match ([regex]::Escape("$($script:demo.BaseUri.Authority)/missing-page"))
            $text | Should -Match 'HTTP 404 Not Found, expected 100-399'
        }
    }
}

Describe 'Watch-Website in the pipeline' {
    It 'binds Name, ExpectContent, ExpectStatus and MaintenanceWindow from Import-Csv rows' {
        $csv = Join-Path $script:work 'binding.csv'
        @(
            [pscustomobject]@{ Url = $script:base; Name = 'Home'; ExpectContent = 'no such text anywhere'; ExpectStatus = ''; MaintenanceWindow = '' }
            [pscustomobject]@{ Url = $script:base + 'missing-page'; Name = ''; ExpectContent = ''; ExpectStatus = ''; MaintenanceWindow = '00:00 24h UTC' }
            [pscustomobject]@{ Url = $script:base + 'about.html'; Name = 'About'; ExpectContent = ''; ExpectStatus = '404'; MaintenanceWindow = '' }
        ) | Export-Csv -Path $csv -NoTypeInformation
        $checks = Import-Csv $csv | Watch-Website -Once -Retry 0 -PassThru | Where-Object { $_ -is [LinkTools.Model.Monitoring.SiteCheckResult] }
        $checks | Should -HaveCount 3
        $homePage = $checks | Where-Object Name -eq "Home"
        $homePage.State | Should -Be 'Down'
        $homePage.FailureKind | Should -Be 'Content'
        $gone = $checks | Where-Object Url -like '*missing-page'
        $gone.Name | Should -Be "$($script:demo.BaseUri.Authority)/missing-page"
        $gone.InMaintenance | Should -BeTrue
        ($checks | Where-Object Name -eq 'Home').InMaintenance | Should -BeFalse
        ($checks | Where-Object Name -eq 'About').State | Should -Be 'Down'
    }

    It 'writes an error naming the column of a bad CSV row, and watches the other rows' {
        $rows = @(
            [pscustomobject]@{ Url = $script:base; ExpectStatus = 'abc' }
            [pscustomobject]@{ Url = $script:base + 'about.html'; ExpectStatus = '' }
        )
        $changes = $rows | Watch-Website -Once -Retry 0 -ErrorVariable errs -ErrorAction SilentlyContinue
        $changes | Should -HaveCount 1
        $errs | Should -HaveCount 1
        $errs[0].Exception.Message | Should -Match '-ExpectStatus'
        $errs[0].Exception.Message | Should -Match 'abc'
        $errs[0].TargetObject | Should -Be $script:base
    }

    It 'stops at the first bad site under <Case>' -TestCases @(
        @{ Case = '-ErrorAction Stop' }
        @{ Case = "`$ErrorActionPreference = 'Stop'" }
    ) {
        param($Case)
        $output = [System.Collections.Generic.List[object]]::new()
        $caught = $null
        try {
            if ($Case -eq '-ErrorAction Stop') {
                'not a url', $script:base | Watch-Website -Once -ErrorAction Stop | ForEach-Object { $output.Add($_) }
            }
            else {
                & {
                    $ErrorActionPreference = 'Stop'
                    'not a url', $script:base | Watch-Website -Once | ForEach-Object { $output.Add($_) }
                }
            }
        }
        catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike 'InvalidSite,*'
        $output | Should -HaveCount 0
    }

    It 'writes verbose messages only with -Verbose' {
        $quiet = Watch-Website -Uri $script:base, $script:base -Once 4>&1
        @($quiet | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }) | Should -HaveCount 0
        $loud = Watch-Website -Uri $script:base, $script:base -Once -Verbose 4>&1
        (@($loud | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message -join "`n") | Should -Match 'already watched'
    }

    It 'honours -WarningAction' {
        $null = Watch-Website -Uri $script:base -Once -ReminderInterval 00:01:00 -WarningVariable shown -WarningAction SilentlyContinue
        ($shown -join "`n") | Should -Match '-ReminderInterval'
        { Watch-Website -Uri $script:base -Once -ReminderInterval 00:01:00 -WarningAction Stop } | Should -Throw
    }

    It 'passes a block''s information records on, as -InformationAction and -InformationVariable expect' {
        $null = Watch-Website -Uri ($script:base + 'missing-page') -Once -Retry 0 -OnStateChange { Write-Information "told about $($_.To)" } -InformationVariable told -InformationAction SilentlyContinue
        ($told | ForEach-Object { $_.MessageData }) | Should -Be 'told about Down'
    }

    It 'comes back within a second of Stop(), keeping the output so far and saving the state' {
        $state = Join-Path $script:work 'stopped-state.json'
        $modulePath = @(Get-Module LinkTools*)[0].Path
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddArgument($modulePath).AddStatement()
            $null = $ps.AddCommand('Watch-Website').AddParameter('Uri', $script:base).AddParameter('IntervalSec', 10).AddParameter('Count', 5).AddParameter('StatePath', $state)
            $inputItems = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $inputItems.Complete()
            $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
            $handle = $ps.BeginInvoke($inputItems, $output)
            # The first check lands somewhere in the first interval (spread by URL): wait for it, bounded.
            $wait = [Diagnostics.Stopwatch]::StartNew()
            while ($output.Count -eq 0 -and $wait.Elapsed.TotalSeconds -lt 15) { Start-Sleep -Milliseconds 100 }
            $output.Count | Should -Be 1
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            # Stop() can return a moment before the handle is signalled: both must happen within the second.
            $completed = $handle.AsyncWaitHandle.WaitOne([Math]::Max(0, 1000 - $clock.ElapsedMilliseconds))
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 1
            $completed | Should -BeTrue
            $output | Should -HaveCount 1
            $output[0].To | Should -Be 'Up'
            Test-Path $state | Should -BeTrue
            (Get-Content -Raw $state) | Should -Match ([regex]::Escape($script:base))
        }
        finally {
            $ps.Dispose()
        }
    }

    It 'has help for every parameter in Get-Help -Full' {
        $help = Get-Help Watch-Website -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 1
        $documented = @($help.parameters.parameter.name)
        $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
        foreach ($name in (Get-Command Watch-Website).Parameters.Keys | Where-Object { $_ -notin $common }) {
            $documented | Should -Contain $name
        }
        foreach ($parameter in $help.parameters.parameter) {
            ($parameter.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs help"
        }
        ($help | Out-String -Width 200) | Should -Match 'SupportsShouldProcess|-WhatIf'
    }
}

Describe 'Get-WebsiteUptime in the pipeline' {
    BeforeAll {
        $script:history = Join-Path $script:work 'uptime-pipeline.csv'
        $null = Watch-Website -Uri $script:base, ($script:base + 'missing-page') -Count 2 -IntervalSec 1 -Retry 0 -HistoryPath $script:history
    }

    It 'takes history files from Get-ChildItem by property name' {
        $report = Get-ChildItem $script:history | Get-WebsiteUptime
        $report | Should -HaveCount 2
        ($report | Where-Object Url -like '*missing-page').Name | Should -Be "$($script:demo.BaseUri.Authority)/missing-page"
    }

    It 'writes an error naming an unreadable file and reads the others' {
        $report = (Join-Path $script:work 'no-such-history.csv'), $script:history | Get-WebsiteUptime -ErrorVariable errs -ErrorAction SilentlyContinue
        $report | Should -HaveCount 2
        $errs | Should -HaveCount 1
        $errs[0].TargetObject | Should -BeLike '*no-such-history.csv'
    }

    It 'says a folder given as -HistoryPath is a folder' {
        $report = Get-WebsiteUptime -HistoryPath $script:work -ErrorVariable errs -ErrorAction SilentlyContinue
        $report | Should -BeNullOrEmpty
        $errs | Should -HaveCount 1
        $errs[0].Exception.Message | Should -Match 'folder'
        $errs[0].Exception.Message | Should -Not -Match 'denied'
    }

    It 'shows Name, Uptime % and Url at <Width> columns' -TestCases @(
        @{ Width = 80 }
        @{ Width = 200 }
    ) {
        param($Width)
        $text = Get-WebsiteUptime -HistoryPath $script:history | Out-String -Width $Width
        $lines = $text -split "`r?`n" | Where-Object { $_.Trim() }
        $lines[0] | Should -Match '^Name\s+Uptime %\s+Downtime\s+Checks\s+P95 ms\s+Url'
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual $Width }
        $text | Should -Match '100\.000'
        if ($Width -ge 200) {
            $text | Should -Not -Match '\u2026'
            $text | Should -Match ([regex]::Escape($script:base + 'missing-page'))
        }
    }

    It 'has help for every parameter in Get-Help -Full' {
        $help = Get-Help Get-WebsiteUptime -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        foreach ($parameter in $help.parameters.parameter) {
            ($parameter.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs help"
        }
        @($help.parameters.parameter.name) | Should -Contain 'HistoryPath'
        @($help.parameters.parameter.name) | Should -Contain 'Since'
        @($help.parameters.parameter.name) | Should -Contain 'Until'
    }
}
