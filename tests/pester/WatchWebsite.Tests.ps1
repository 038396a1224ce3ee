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
        $checks = @($results | Where-Object { $_ -is [LinkTools.Core.Monitoring.SiteCheckResult] })
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
