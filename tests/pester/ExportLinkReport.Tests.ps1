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

    It 'completes -Format with the report formats' {
        $formats = (Get-Command Export-LinkReport).Parameters['Format'].ParameterType.GetEnumNames()
        $formats | Should -Be @('JUnit', 'Markdown', 'Json', 'Html')
    }
}
