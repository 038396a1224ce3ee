#Requires -Version 5.1
<#
    CI annotations, baselines and suppressions in real PowerShell (Pester 5), against the demo site on 127.0.0.1.
    The agent variables are set for this file only and restored afterwards.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Demo = Start-LinkToolsDemoSite
    $script:Base = $script:Demo.BaseUri.AbsoluteUri
    $script:Fast = @{ TimeoutSec = 10; RetryIntervalSec = 0 }
    $script:Saved = @{ TF_BUILD = $env:TF_BUILD; GITHUB_ACTIONS = $env:GITHUB_ACTIONS; GITHUB_STEP_SUMMARY = $env:GITHUB_STEP_SUMMARY }
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ("linktools-pester-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $script:Work | Out-Null

    function DemoUrl([string] $Path) { $script:Base + $Path }
    function ClearAgent { $env:TF_BUILD = $null; $env:GITHUB_ACTIONS = $null; $env:GITHUB_STEP_SUMMARY = $null }
}

AfterAll {
    foreach ($name in $script:Saved.Keys) { Set-Item "env:$name" -Value $script:Saved[$name] -ErrorAction SilentlyContinue }
    if ($script:Demo) { $script:Demo.Dispose() }
    Remove-Item $script:Work -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module LinkTools -Force -ErrorAction SilentlyContinue
}

Describe 'CI annotations' {
    AfterEach { ClearAgent }

    It 'logs each broken link for Azure DevOps on the host stream, not in the pipeline' {
        ClearAgent; $env:TF_BUILD = 'True'
        $all = Test-Link (DemoUrl 'about.html'), (DemoUrl 'missing-page') @Fast 6>&1
        $results = $all | Where-Object { $_ -is [LinkTools.Model.Checking.LinkResult] }
        $annotations = $all | Where-Object { $_ -is [System.Management.Automation.InformationRecord] -and $_.Tags -contains 'CiAnnotation' }
        $results.Count | Should -Be 2
        $annotations.Tags | Should -Contain 'PSHOST'
        ($annotations | ForEach-Object { "$($_.MessageData)" }) -like '##vso`[task.logissue type=error;sourcepath=*missing-page*' | Should -Not -BeNullOrEmpty
    }

    It 'logs each broken link under -Quiet too, beside the one $false' {
        ClearAgent; $env:TF_BUILD = 'True'
        $all = Test-Link (DemoUrl 'about.html'), (DemoUrl 'missing-page') @Fast -Quiet 6>&1
        $all | Where-Object { $_ -is [bool] } | Should -Be $false
        $annotations = @($all | Where-Object { $_ -is [System.Management.Automation.InformationRecord] -and $_.Tags -contains 'CiAnnotation' })
        $annotations.Tags | Should -Contain 'PSHOST'
        ($annotations | ForEach-Object { "$($_.MessageData)" }) -like '##vso`[task.logissue type=error;sourcepath=*missing-page*' | Should -HaveCount 1
    }

    It 'logs a site confirmed Down by Watch-Website the same way, on the host stream' {
        ClearAgent; $env:GITHUB_ACTIONS = 'true'
        $all = Watch-Website -Uri (DemoUrl 'missing-page') -Name 'Shop' -Once -Retry 0 6>&1
        @($all | Where-Object { $_.GetType().Name -eq 'SiteStateChange' }).To.ToString() | Should -Be 'Down'
        $annotations = @($all | Where-Object { $_ -is [System.Management.Automation.InformationRecord] -and $_.Tags -contains 'CiAnnotation' })
        $annotations | Should -HaveCount 1
        $annotations[0].Tags | Should -Contain 'PSHOST'
        "$($annotations[0].MessageData)" | Should -Match '^::error file=.*,title=Shop is Down::'
    }

    It 'keeps annotations out of Export-Csv' {
        ClearAgent; $env:TF_BUILD = 'True'
        $csv = Join-Path $script:Work 'links.csv'
        Test-Link (DemoUrl 'missing-page') @Fast -InformationAction Ignore | Export-Csv $csv -NoTypeInformation
        (Get-Content $csv -Raw) | Should -Not -Match '##vso'
    }

    It 'writes nothing extra outside CI' {
        ClearAgent
        $all = Test-Link (DemoUrl 'missing-page') @Fast 6>&1
        $all | Where-Object { $_ -is [System.Management.Automation.InformationRecord] } | Should -BeNullOrEmpty
    }

    It 'appends a Markdown report to the GitHub step summary with -CiSummary' {
        ClearAgent; $env:GITHUB_ACTIONS = 'true'
        $env:GITHUB_STEP_SUMMARY = Join-Path $script:Work 'summary.md'
        $report = Join-Path $script:Work 'links.md'
        Test-Link (DemoUrl 'missing-page') @Fast 6>$null | Export-LinkReport -Format Markdown -Path $report -CiSummary
        Get-Content $env:GITHUB_STEP_SUMMARY -Raw | Should -Match 'missing-page'
    }
}

Describe 'Baselines and suppressions' {
    BeforeAll { ClearAgent }

    It 'marks results New, StillBroken and Fixed against a previous Export-Csv run' {
        $baseline = Join-Path $script:Work 'baseline.csv'
        [pscustomobject]@{ Url = (DemoUrl 'missing-page'); Status = 'Broken' },
        [pscustomobject]@{ Url = (DemoUrl 'about.html'); Status = 'Broken' } | Export-Csv $baseline -NoTypeInformation
        $results = Test-Link (DemoUrl 'missing-page'), (DemoUrl 'about.html'), (DemoUrl 'contact') @Fast -Baseline $baseline
        ($results | Where-Object Url -EQ (DemoUrl 'missing-page')).BaselineState.ToString() | Should -Be 'StillBroken'
        ($results | Where-Object Url -EQ (DemoUrl 'about.html')).BaselineState.ToString() | Should -Be 'Fixed'
        ($results | Where-Object Url -EQ (DemoUrl 'contact')).BaselineState.ToString() | Should -Be 'New'
        Test-Link (DemoUrl 'missing-page') @Fast -Baseline $baseline -Quiet | Should -BeTrue
    }

    It 'hides suppressed broken links until they expire, and warns about expired ones' {
        $file = Join-Path $script:Work 'suppress.txt'
        $future = (Get-Date).ToUniversalTime().AddDays(30).ToString('yyyy-MM-dd')
        $past = (Get-Date).ToUniversalTime().AddDays(-3).ToString('yyyy-MM-dd')
        Set-Content $file "$(DemoUrl 'missing*') | known | $future`n$(DemoUrl 'contact') | was due | $past"
        $results = Test-Link (DemoUrl 'missing-page'), (DemoUrl 'contact') @Fast -SuppressionPath $file -WarningVariable warnings -WarningAction SilentlyContinue
        $results.Url | Should -Be (DemoUrl 'contact')
        "$warnings" | Should -Match 'expired'
    }

    It 'stops with an error naming a bad suppression file' {
        $bad = Join-Path $script:Work 'bad.txt'
        Set-Content $bad 'https://127.0.0.1/ | reason | someday'
        { Test-Link (DemoUrl 'about.html') @Fast -SuppressionPath $bad -ErrorAction Stop } | Should -Throw -ExpectedMessage "*bad.txt*"
    }

    It 'marks report rows against a baseline in Export-LinkReport' {
        $baseline = Join-Path $script:Work 'report-baseline.csv'
        [pscustomobject]@{ Url = (DemoUrl 'missing-page'); Status = 'Broken' } | Export-Csv $baseline -NoTypeInformation
        $json = Join-Path $script:Work 'report.json'
        Test-Link (DemoUrl 'missing-page'), (DemoUrl 'contact') @Fast | Export-LinkReport -Format Json -Path $json -Baseline $baseline
        $rows = (Get-Content $json -Raw | ConvertFrom-Json).rows
        ($rows | Where-Object url -EQ (DemoUrl 'contact')).baselineState | Should -Be 'New'
        ($rows | Where-Object url -EQ (DemoUrl 'missing-page')).baselineState | Should -Be 'StillBroken'
    }
}
