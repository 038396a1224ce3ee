#Requires -Version 5.1
<#
    Export-LinkReport in real PowerShell (Pester 5), over Test-Link results from the demo site on 127.0.0.1.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Demo = Start-LinkToolsDemoSite
    $script:Results = Test-Link -Uri @(
        ($script:Demo.BaseUri.AbsoluteUri + 'about.html'),
        ($script:Demo.BaseUri.AbsoluteUri + 'missing-page'),
        ($script:Demo.BaseUri.AbsoluteUri + 'moved')
    ) -TimeoutSec 10 -RetryIntervalSec 0
}

AfterAll {
    if ($script:Demo) { $script:Demo.Dispose() }
    Remove-Module LinkTools -Force -ErrorAction SilentlyContinue
}

Describe 'Export-LinkReport' {
    It 'writes JUnit XML with the broken link as a failure' {
        $path = Join-Path $TestDrive 'links.junit.xml'
        $Results | Export-LinkReport -Format JUnit -Path $path
        [xml] $junit = Get-Content -Path $path -Raw
        $junit.testsuites.tests | Should -Be '3'
        $junit.testsuites.failures | Should -Be '1'
        @($junit.SelectNodes('//testcase[failure]')).Count | Should -Be 1
    }

    It 'writes Markdown with a summary' {
        $path = Join-Path $TestDrive 'links.md'
        $Results | Export-LinkReport -Format Markdown -Path $path
        Get-Content -Path $path -Raw | Should -Match '\*\*1 broken\*\* of 3 checked'
    }

    It 'writes JSON that ConvertFrom-Json reads' {
        $path = Join-Path $TestDrive 'links.json'
        $Results | Export-LinkReport -Format Json -Path $path
        $report = Get-Content -Path $path -Raw | ConvertFrom-Json
        $report.total | Should -Be 3
        $report.failed | Should -Be 1
    }

    It 'writes one HTML file and returns it with -PassThru' {
        $path = Join-Path $TestDrive 'links.html'
        $file = $Results | Export-LinkReport -Format Html -Path $path -PassThru
        $file | Should -BeOfType 'System.IO.FileInfo'
        $file.FullName | Should -Be (Get-Item $path).FullName
        Get-Content -Path $path -Raw | Should -Match 'report-data'
    }

    It 'reports rows read back with Import-Csv' {
        $csv = Join-Path $TestDrive 'results.csv'
        $Results | Export-Csv -Path $csv -NoTypeInformation
        $path = Join-Path $TestDrive 'from-csv.json'
        Import-Csv -Path $csv | Export-LinkReport -Format Json -Path $path
        (Get-Content -Path $path -Raw | ConvertFrom-Json).failed | Should -Be 1
    }

    It 'writes a non-terminating UnsupportedReportInput error for other objects and reports the rest' {
        $path = Join-Path $TestDrive 'mixed.json'
        @($Results) + @(Get-Date) | Export-LinkReport -Format Json -Path $path -ErrorVariable failures -ErrorAction SilentlyContinue
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'UnsupportedReportInput,*'
        (Get-Content -Path $path -Raw | ConvertFrom-Json).total | Should -Be 3
    }

    It 'writes JUnit from Invoke-SiteCrawl -Demo -IncludeAll, one suite per page' {
        $path = Join-Path $TestDrive 'crawl.junit.xml'
        $crawl = @(Invoke-SiteCrawl -Demo -IncludeAll -TimeoutSec 10 -RetryIntervalSec 0)
        $crawl | Export-LinkReport -Format JUnit -Path $path -ErrorVariable failures
        $failures.Count | Should -Be 0
        [xml] $junit = Get-Content -Path $path -Raw
        $broken = @($crawl | Where-Object IsBroken).Count
        $broken | Should -BeGreaterThan 0
        $junit.testsuites.tests | Should -Be ([string] $crawl.Count)
        $junit.testsuites.failures | Should -Be ([string] $broken)
        $about = @($junit.SelectNodes('//testsuite') | Where-Object { $_.name -like '*/about.html' })
        $about.Count | Should -Be 1
        @($about[0].SelectNodes('testcase/failure')) | ForEach-Object { $_.InnerText | Should -Match 'Found on: .*/about\.html' }
    }

    It 'writes Markdown that escapes only where Markdown needs it, and shows URLs as code' {
        $path = Join-Path $TestDrive 'plain.md'
        $Results | Export-LinkReport -Format Markdown -Path $path
        $markdown = Get-Content -Path $path -Raw
        $markdown | Should -Match ('`' + [regex]::Escape($script:Demo.BaseUri.AbsoluteUri + 'missing-page') + '`')
        $markdown | Should -Not -Match '\\-'
    }

    It 'still escapes web text that would add markup or break the table' {
        $path = Join-Path $TestDrive 'hostile.md'
        [pscustomobject]@{ Url = 'http://127.0.0.1/a_b-(c)|d'; Status = 'Broken'; Reason = 'x | y <b>z</b> on 2026-12-02 _under_ [l](http://evil)' } |
            Export-LinkReport -Format Markdown -Path $path
        $markdown = Get-Content -Path $path -Raw
        $markdown | Should -Match '2026-12-02'
        $markdown | Should -Match 'x \\\| y'
        $markdown | Should -Match '`http://127\.0\.0\.1/a_b-\(c\)%7Cd`'
        $markdown | Should -Not -Match '<b>'
        $markdown | Should -Not -Match '\]\(http://evil\)'
        $markdown | Should -Match '\\_under\\_'
    }

    It 'writes the format its extension names when -Format is not given: <File>' -ForEach @(
        @{ File = 'inferred.html'; Expect = 'report-data' }
        @{ File = 'inferred.xml'; Expect = '<testsuites' }
        @{ File = 'inferred.md'; Expect = '\*\*1 broken\*\*' }
        @{ File = 'inferred.json'; Expect = '"total"' }
    ) {
        $path = Join-Path $TestDrive $File
        $Results | Export-LinkReport $path
        Get-Content -Path $path -Raw | Should -Match $Expect
    }

    It 'stops, naming -Format, when the extension names no format' {
        $path = Join-Path $TestDrive 'report.txt'
        { $Results | Export-LinkReport -Path $path -ErrorAction Stop } | Should -Throw -ExpectedMessage '*-Format*report.txt*'
        Test-Path $path | Should -BeFalse
    }

    It 'writes nothing with -WhatIf' {
        $path = Join-Path $TestDrive 'whatif.json'
        $Results | Export-LinkReport -Format Json -Path $path -WhatIf
        Test-Path $path | Should -BeFalse
        (Get-Command Export-LinkReport).Parameters.Keys | Should -Contain 'Confirm'
    }

    It 'keeps an existing file with -NoClobber' {
        $path = Join-Path $TestDrive 'kept.json'
        Set-Content -Path $path -Value 'old'
        { $Results | Export-LinkReport -Format Json -Path $path -NoClobber -ErrorAction Stop } | Should -Throw -ExpectedMessage '*kept.json*' -ErrorId 'NoClobber,*'
        Get-Content -Path $path -Raw | Should -Match '^old'
    }

    It 'replaces a read-only file only with -Force' {
        $path = Join-Path $TestDrive 'readonly.json'
        Set-Content -Path $path -Value 'old'
        (Get-Item $path).IsReadOnly = $true
        { $Results | Export-LinkReport -Format Json -Path $path -ErrorAction Stop } | Should -Throw -ExpectedMessage '*-Force*'
        Get-Content -Path $path -Raw | Should -Match '^old'
        $Results | Export-LinkReport -Format Json -Path $path -Force
        (Get-Content -Path $path -Raw | ConvertFrom-Json).total | Should -Be 3
    }

    It 'takes -LiteralPath as it is, wildcard characters and all' {
        $path = Join-Path $TestDrive 'links[1].json'
        $Results | Export-LinkReport -Format Json -LiteralPath $path
        (Get-Content -LiteralPath $path -Raw | ConvertFrom-Json).total | Should -Be 3
    }

    It 'resolves a wildcard -Path to the one file it matches' {
        $existing = Join-Path $TestDrive 'nightly-2026.json'
        Set-Content -Path $existing -Value 'old'
        $Results | Export-LinkReport -Format Json -Path (Join-Path $TestDrive 'nightly-*.json')
        (Get-Content -Path $existing -Raw | ConvertFrom-Json).total | Should -Be 3
    }
}

Describe 'Export-LinkReport from rows read back with Import-Csv' {
    BeforeAll {
        $script:Work = Join-Path $TestDrive 'rows'
        New-Item -ItemType Directory -Path $script:Work | Out-Null
        $script:History = Join-Path $script:Work 'history.csv'
        $script:Changes = @(Watch-Website -Uri $script:Demo.BaseUri.AbsoluteUri, ($script:Demo.BaseUri.AbsoluteUri + 'missing-page') -Count 2 -IntervalSec 1 -Retry 0 -HistoryPath $script:History -PassThru)
    }

    It 'reports Watch-Website history rows, a Down check as a failure' {
        $path = Join-Path $script:Work 'history.junit.xml'
        $rows = @(Import-Csv -Path $script:History)
        $rows | Export-LinkReport -Format JUnit -Path $path -ErrorVariable failures
        $failures.Count | Should -Be 0
        [xml] $junit = Get-Content -Path $path -Raw
        $junit.testsuites.tests | Should -Be ([string] $rows.Count)
        $junit.testsuites.failures | Should -Be ([string] @($rows | Where-Object State -EQ 'Down').Count)
        @($rows | Where-Object State -EQ 'Down').Count | Should -BeGreaterThan 0
    }

    It 'reports <Kind> rows round-tripped through Export-Csv' -ForEach @(
        @{ Kind = 'SiteCheckResult' }, @{ Kind = 'SiteStateChange' }, @{ Kind = 'SiteUptime' }
    ) {
        $objects = if ($Kind -eq 'SiteUptime') { @(Get-WebsiteUptime -HistoryPath $script:History) } else { @($script:Changes | Where-Object { $_.GetType().Name -eq $Kind }) }
        $objects.Count | Should -BeGreaterThan 0
        $csv = Join-Path $script:Work "$Kind.csv"
        $objects | Export-Csv -Path $csv -NoTypeInformation
        $direct = Join-Path $script:Work "$Kind-direct.json"
        $viaCsv = Join-Path $script:Work "$Kind-csv.json"
        $objects | Export-LinkReport -Format Json -Path $direct
        Import-Csv -Path $csv | Export-LinkReport -Format Json -Path $viaCsv -ErrorVariable failures
        $failures.Count | Should -Be 0
        $a = Get-Content -Path $direct -Raw | ConvertFrom-Json
        $b = Get-Content -Path $viaCsv -Raw | ConvertFrom-Json
        $b.total | Should -Be $a.total
        $b.failed | Should -Be $a.failed
        ($b.rows.status -join ',') | Should -Be ($a.rows.status -join ',')
    }

    It 'writes nothing and fails when no row can be reported' {
        $path = Join-Path $script:Work 'nothing.xml'
        { 'a', 'b' | Export-LinkReport -Format JUnit -Path $path -ErrorAction Stop } | Should -Throw
        { [pscustomobject]@{ Name = 'x' } | Export-LinkReport -Format JUnit -Path $path -ErrorAction SilentlyContinue } | Should -Throw -ErrorId 'NothingToReport,*'
        Test-Path $path | Should -BeFalse
    }
}

Describe 'Export-LinkReport parameters' {
    It 'completes -Format with the report formats' {
        $formats = (Get-Command Export-LinkReport).Parameters['Format'].ParameterType.GetEnumNames()
        $formats | Should -Be @('JUnit', 'Markdown', 'Json', 'Html')
        $line = 'Export-LinkReport -Format '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Sort-Object | Should -Be @('Html', 'Json', 'JUnit', 'Markdown')
    }

    It 'completes its parameter names' {
        $line = 'Export-LinkReport -NoC'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain '-NoClobber'
        $line = 'Export-LinkReport -Lit'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain '-LiteralPath'
    }
}
