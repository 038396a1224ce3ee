#Requires -Version 5.1
<#
    What a PowerShell user sees of the request path: the per-host cap warning, -HostHeaders refused when malformed,
    Watch-Website's -AcceptStatusCode, -MaximumRetryCount and -RetryIntervalSec, and every command's summary of its
    retries. Against the demo site on 127.0.0.1.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Demo = Start-LinkToolsDemoSite
    $script:Base = $script:Demo.BaseUri.AbsoluteUri
    function DemoUrl([string] $Path) { $script:Base + $Path }
}

AfterAll {
    if ($script:Demo) { $script:Demo.Dispose() }
    Remove-Module LinkTools -Force -ErrorAction SilentlyContinue
}

Describe 'The per-host cap' {
    It 'warns once, naming -MaxConcurrencyPerHost, when it and not -ThrottleLimit set the pace' {
        $urls = 1..60 | ForEach-Object { DemoUrl "about.html?n=$_" }
        $results = Test-Link -Uri $urls -ThrottleLimit 50 -MaxConcurrencyPerHost 1 -TimeoutSec 10 -WarningVariable warnings -WarningAction SilentlyContinue
        $results | Should -HaveCount 60
        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -Match '-MaxConcurrencyPerHost \(1\), not -ThrottleLimit \(50\)'
    }

    It 'stays silent when -ThrottleLimit is the bound' {
        $urls = 1..60 | ForEach-Object { DemoUrl "about.html?n=$_" }
        $null = Test-Link -Uri $urls -ThrottleLimit 10 -MaxConcurrencyPerHost 10 -TimeoutSec 10 -WarningVariable warnings
        $warnings | Should -BeNullOrEmpty
    }
}

Describe '-HostHeaders' {
    It 'accepts a hashtable of headers per host' {
        $result = Test-Link -Uri (DemoUrl 'about.html') -HostHeaders @{ '127.0.0.1' = @{ 'X-Token' = 'abc' } } -TimeoutSec 10
        $result.Status.ToString() | Should -Be 'Ok'
    }

    It 'refuses a key that is not a host, naming the parameter and the key' {
        { Test-Link -Uri (DemoUrl 'about.html') -HostHeaders @{ 'https://api.example/path' = @{ 'X-Token' = 'abc' } } -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*-HostHeaders*'https://api.example/path' is not a host*"
    }

    It 'refuses a value that is not a hashtable of headers' {
        { Test-Link -Uri (DemoUrl 'about.html') -HostHeaders @{ 'api.example' = 'Bearer abc' } -ErrorAction Stop } |
            Should -Throw -ExpectedMessage "*-HostHeaders*must be a hashtable of headers*"
    }
}

Describe 'Watch-Website engine parameters' {
    It 'counts a status in -AcceptStatusCode as Up' {
        $check = Watch-Website -Uri (DemoUrl 'missing-page') -Once -PassThru -Retry 0 -AcceptStatusCode 404 |
            Where-Object { $_.GetType().Name -eq 'SiteCheckResult' }
        $check.State.ToString() | Should -Be 'Up'
        $check.StatusCode | Should -Be 404
    }

    It 'pauses -RetryIntervalSec between -Retry attempts' {
        $clock = [Diagnostics.Stopwatch]::StartNew()
        $check = Watch-Website -Uri (DemoUrl 'missing-page') -Once -PassThru -Retry 1 -RetryIntervalSec 0 |
            Where-Object { $_.GetType().Name -eq 'SiteCheckResult' }
        $clock.Stop()
        $check.Attempts | Should -Be 2
        # The watch's own default is 2 s; 0 was asked for.
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 1.5
    }

    It 'shows the watch defaults for the engine retries in help' {
        $help = Get-Help Watch-Website -Parameter MaximumRetryCount
        $help.defaultValue | Should -Be '0'
        (Get-Help Watch-Website -Parameter RetryIntervalSec).defaultValue | Should -Be '2'
    }
}

Describe 'The summary of retries' {
    # The demo's /contact answers 500, which the request path retries; /missing-page answers 404, which it does not.
    It 'is a Summary information record from Test-Link that names the retries and the time waited on them' {
        $result = Test-Link (DemoUrl 'contact') -RetryIntervalSec 0 -InformationVariable info -InformationAction SilentlyContinue
        $result.Status.ToString() | Should -Be 'Broken'
        $summary = @($info | Where-Object { $_.Tags -contains 'Summary' })
        $summary | Should -HaveCount 1
        "$($summary[0].MessageData)" | Should -Match '^1 URLs checked, 1 broken; \d+ requests \(\d+ retr(y|ies), .+ waited on them\)$'
    }

    It 'is the same record from Test-Link -Quiet, beside the one $false' {
        $answer = Test-Link (DemoUrl 'contact') -RetryIntervalSec 0 -Quiet -InformationVariable info -InformationAction SilentlyContinue
        $answer | Should -BeFalse
        "$(@($info | Where-Object { $_.Tags -contains 'Summary' })[0].MessageData)" | Should -Match 'retr(y|ies), .+ waited on them'
    }

    It 'stays off the information stream when nothing was retried, and on the verbose stream' {
        $verbose = Test-Link (DemoUrl 'missing-page') -TimeoutSec 10 -InformationVariable info -InformationAction SilentlyContinue -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        $info | Should -BeNullOrEmpty
        ($verbose | ForEach-Object Message) -match '^1 URLs checked, 1 broken; \d+ requests$' | Should -HaveCount 1
    }

    It 'is a Summary information record from Watch-Website when its checks were retried' {
        $null = Watch-Website -Uri (DemoUrl 'contact') -Once -Retry 0 -MaximumRetryCount 1 -RetryIntervalSec 0 -InformationVariable info -InformationAction SilentlyContinue
        $summary = @($info | Where-Object { $_.Tags -contains 'Summary' })
        $summary | Should -HaveCount 1
        "$($summary[0].MessageData)" | Should -Match '^1 sites watched, 1 checks, 1 down; \d+ requests \(1 retry, .+ waited on them\)$'
    }

    It 'names the retries in the crawl''s Summary record' {
        $null = Invoke-SiteCrawl -Demo -RetryIntervalSec 0 -InformationVariable info
        "$(@($info | Where-Object { $_.Tags -contains 'Summary' })[0].MessageData)" | Should -Match 'retr(y|ies), .+ waited on them'
    }
}
