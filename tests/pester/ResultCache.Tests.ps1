#Requires -Modules Pester
# Pester 5 tests for -CachePath and -MaxCacheAge (Test-Link, Invoke-SiteCrawl) in real PowerShell, against the
# built-in demo site on 127.0.0.1: what a second run reports from the cache, and what it always asks again.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Demo = Start-LinkToolsDemoSite
    $script:Base = $script:Demo.BaseUri.AbsoluteUri
    $script:Fast = @{ TimeoutSec = 10; RetryIntervalSec = 0 }
}

AfterAll {
    if ($script:Demo) { $script:Demo.Dispose() }
}

Describe 'Test-Link -CachePath' {
    It 'reports a link that worked from the cache on the next run (FromCache, no attempts), and checks a broken one again' {
        $cache = Join-Path $TestDrive 'links.cache.json'
        $urls = @(($script:Base + 'about.html'), ($script:Base + 'missing-page'))

        $first = @(Test-Link -Uri $urls -CachePath $cache @script:Fast)
        $second = @(Test-Link -Uri $urls -CachePath $cache @script:Fast)

        Test-Path $cache | Should -BeTrue
        @($first | Where-Object FromCache) | Should -HaveCount 0
        $ok = $second | Where-Object { $_.Url -like '*about.html' }
        $ok.FromCache | Should -BeTrue
        $ok.Attempts | Should -Be 0
        $ok.Status.ToString() | Should -Be 'Ok'
        $broken = $second | Where-Object { $_.Url -like '*missing-page' }
        $broken.FromCache | Should -BeFalse
        $broken.Attempts | Should -BeGreaterThan 0
        $broken.IsBroken | Should -BeTrue
    }

    It 'checks again what is older than -MaxCacheAge' {
        $cache = Join-Path $TestDrive 'aged.cache.json'
        $url = $script:Base + 'about.html'
        $null = Test-Link -Uri $url -CachePath $cache @script:Fast
        Start-Sleep -Milliseconds 50

        (Test-Link -Uri $url -CachePath $cache -MaxCacheAge ([timespan]::FromMilliseconds(10)) @script:Fast).FromCache | Should -BeFalse
        (Test-Link -Uri $url -CachePath $cache -MaxCacheAge '1.00:00:00' @script:Fast).FromCache | Should -BeTrue
    }

    It 'moves an unusable cache file aside with a warning naming it, and checks everything' {
        $cache = Join-Path $TestDrive 'corrupt.cache.json'
        Set-Content -Path $cache -Value 'not a cache'

        $result = Test-Link -Uri ($script:Base + 'about.html') -CachePath $cache -WarningVariable warnings -WarningAction SilentlyContinue @script:Fast

        $result.FromCache | Should -BeFalse
        "$warnings" | Should -BeLike "*$cache*was not used because*"
        @(Get-ChildItem -Path $TestDrive -Filter 'corrupt.cache.json.corrupt-*') | Should -HaveCount 1
    }

    It 'refuses a -MaxCacheAge out of range with an error naming the parameter' {
        { Test-Link -Uri ($script:Base + 'about.html') -CachePath (Join-Path $TestDrive 'x.json') -MaxCacheAge '-1.00:00:00' -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*-MaxCacheAge*'
    }
}

Describe 'Invoke-SiteCrawl -CachePath' {
    It 'fetches every page again but reads the links it only checks from the cache; broken links stay broken' {
        $cache = Join-Path $TestDrive 'crawl.cache.json'

        $first = @(Invoke-SiteCrawl -Uri $script:Base -IncludeAll -CachePath $cache @script:Fast)
        $second = @(Invoke-SiteCrawl -Uri $script:Base -IncludeAll -CachePath $cache @script:Fast)

        @($first | Where-Object FromCache) | Should -HaveCount 0
        @($second | Where-Object FromCache).Count | Should -BeGreaterThan 0
        # Pages of the site (crawled) are never from the cache; the stylesheet and images they use are.
        @($second | Where-Object { $_.FromCache -and $_.Url -like '*.html' -and $_.Url -like "$script:Base*" -and $_.Element -eq 'a' }) | Should -HaveCount 0
        @($second | Where-Object { $_.IsBroken -and $_.FromCache }) | Should -HaveCount 0
        @($second | Where-Object IsBroken).Count | Should -Be @($first | Where-Object IsBroken).Count
    }

    It 'asks for the pages again conditionally on the next crawl: answered 304, their links come from the cache and the rows are the same' {
        $cache = Join-Path $TestDrive 'revalidate.cache.json'
        $demo = Start-LinkToolsDemoSite
        try {
            $base = $demo.BaseUri.AbsoluteUri
            $first = @(Invoke-SiteCrawl -Uri $base -IncludeAll -CachePath $cache @script:Fast)
            $afterFirst = $demo.NotModified
            $second = @(Invoke-SiteCrawl -Uri $base -IncludeAll -CachePath $cache @script:Fast)

            $afterFirst | Should -Be 0
            $demo.NotModified | Should -BeGreaterThan 2
            $unchanged = @($second | Where-Object StatusCode -eq 304)
            $unchanged.Count | Should -BeGreaterThan 0
            $unchanged | ForEach-Object { $_.Reason | Should -BeLike '*links were read from the cache*' }
            # The links of the unchanged pages were not parsed again, yet every row (and every broken one) is the same.
            $rows = { param($r) @($r | ForEach-Object { "$($_.SourceUrl) $($_.Url) $($_.Status) $($_.FailureKind) $($_.Line)" } | Sort-Object) -join "`n" }
            & $rows $second | Should -Be (& $rows $first)
        }
        finally {
            $demo.Dispose()
        }
    }
}
