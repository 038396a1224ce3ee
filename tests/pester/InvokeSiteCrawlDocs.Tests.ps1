#Requires -Modules Pester
# Pester 5 tests for Invoke-SiteCrawl over a documentation folder (-Path, -LiteralPath, Get-ChildItem piped in), in
# real PowerShell, on the fixture tree in tests/fixtures/docs. Remote links go to the demo site on 127.0.0.1 or to a
# closed loopback port; -Offline requests nothing.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Docs = Join-Path (Join-Path (Join-Path $PSScriptRoot '..') 'fixtures') 'docs'

    # Every broken link of the fixture: file, line and URL (as tests/LinkTools.Tests/Docs/DocsFolderTests.cs lists them).
    $script:KnownBroken = @(
        'README.md:13 guide/faq.md', 'README.md:14 old/page.md', 'README.md:16 guide/setup.md#uninstall',
        'README.md:17 Guide/Setup.md', 'README.md:18 ../outside.md', 'README.md:19 guide/nowhere.md',
        'README.md:29 guide/missing.html', 'README.md:30 images/missing.png', 'README.md:36 images/nowhere.png',
        'guide/setup.md:22 guide/setup.md#duplicate-2', 'site/index.html:8 site/page.html#nope', 'site/index.html:9 site/missing.html'
    ) | Sort-Object

    function Get-RowKey($result) { '{0}:{1} {2}' -f $result.SourceUrl, $result.Line, $result.Url }
}

Describe 'Invoke-SiteCrawl on a documentation folder' {
    It 'finds every broken link of the folder with -Path, with file and line, and nothing else' {
        $results = @(Invoke-SiteCrawl -Path $script:Docs -Offline)
        @($results | ForEach-Object { Get-RowKey $_ } | Sort-Object) | Should -Be $script:KnownBroken
        $results | ForEach-Object { $_.IsBroken | Should -BeTrue }
        ($results | Where-Object Url -eq 'guide/faq.md').FailureKind.ToString() | Should -Be 'MissingFile'
        ($results | Where-Object Url -eq '../outside.md').FailureKind.ToString() | Should -Be 'OutsideRoot'
        ($results | Where-Object Url -eq 'guide/setup.md#uninstall').FailureKind.ToString() | Should -Be 'MissingFragment'
        $results[0].SourceFile | Should -BeLike 'file:///*'
    }

    It 'takes the files Get-ChildItem finds, bound by property name' {
        $results = @(Get-ChildItem $script:Docs -Recurse -Include *.md, *.html | Invoke-SiteCrawl -Offline)
        @($results | ForEach-Object { Get-RowKey $_ } | Sort-Object) | Should -Be $script:KnownBroken
    }

    It 'checks only the files piped in, against -RootPath' {
        $results = @(Get-ChildItem (Join-Path $script:Docs 'site') -Filter *.html | Invoke-SiteCrawl -RootPath $script:Docs -Offline)
        @($results | ForEach-Object { Get-RowKey $_ } | Sort-Object) | Should -Be @('site/index.html:8 site/page.html#nope', 'site/index.html:9 site/missing.html')
    }

    It 'matches names ignoring case with -IgnorePathCase' {
        $results = @(Invoke-SiteCrawl -Path $script:Docs -Offline -IgnorePathCase)
        $results.Count | Should -Be ($script:KnownBroken.Count - 1)
        $results.Url | Should -Not -Contain 'Guide/Setup.md'
    }

    It 'writes the remote links it did not request with -Offline -IncludeSkipped' {
        $skipped = @(Invoke-SiteCrawl -Path $script:Docs -Offline -IncludeSkipped | Where-Object Status -eq 'Skipped')
        ($skipped | Where-Object Url -eq 'http://127.0.0.1:9/unreachable').Reason | Should -Be 'offline'
        ($skipped | Where-Object Url -eq 'http://127.0.0.1:9/unreachable').FailureKind.ToString() | Should -Be 'Offline'
    }

    It 'checks remote links on the engine when online, each once' {
        $site = Start-LinkToolsDemoSite
        try {
            $folder = Join-Path $TestDrive 'online'
            New-Item -ItemType Directory $folder | Out-Null
            foreach ($i in 1..3) {
                Set-Content -Path (Join-Path $folder "page$i.md") -Value "# Page $i", '', "[home]($($site.BaseUri))", "[gone]($($site.BaseUri)missing-page)"
            }

            $results = @(Invoke-SiteCrawl -Path $folder -TimeoutSec 5 -MaximumRetryCount 0)
            $results.Count | Should -Be 3
            $results | ForEach-Object { $_.StatusCode | Should -Be 404; $_.Line | Should -Be 4 }
            @($results.SourceUrl | Sort-Object) | Should -Be @('page1.md', 'page2.md', 'page3.md')
        }
        finally {
            $site.Dispose()
        }
    }

    It 'writes one error naming a path that does not exist, and still checks the others' {
        $missing = Join-Path $script:Docs 'no-such-folder'
        $results = @(Invoke-SiteCrawl -LiteralPath $missing, (Join-Path $script:Docs 'guide') -RootPath $script:Docs -Offline -ErrorVariable problems -ErrorAction SilentlyContinue)
        $problems.Count | Should -Be 1
        "$($problems[0])" | Should -BeLike "*no-such-folder*"
        @($results | ForEach-Object { Get-RowKey $_ }) | Should -Be @('guide/setup.md:22 guide/setup.md#duplicate-2')
    }

    It 'refuses a -RootPath that is not a folder, naming it' {
        { Invoke-SiteCrawl -Path $script:Docs -RootPath (Join-Path $script:Docs 'README.md') -Offline -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*-RootPath*README.md*'
    }
}
