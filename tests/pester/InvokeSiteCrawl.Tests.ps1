#Requires -Modules Pester
# Pester 5 tests for Invoke-SiteCrawl in real PowerShell. Everything runs against the built-in demo site, which the
# cmdlet serves on 127.0.0.1 for the length of each call (-Demo): no network is needed.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')

    # The demo site's known broken links (as in tests/LinkTools.Tests/Crawling/DemoSiteCrawlTests.cs): path of the
    # page that holds the link, and the end of the link.
    $script:KnownBroken = @(
        '/ -> /missing-page', '/ -> /images/logo@3x.png', '/ -> /print.css',
        '/about.html -> /contact', '/about.html -> /docs/guide.html#uninstall', '/about.html -> /loop-a', '/about.html -> /gone',
        '/docs/guide.html -> /images/diagram.png', '/docs/api/ -> /docs/api/v1/deprecated.html',
        '/blog/ -> /blog/2024/old-post.html', '/blog/2024/hello.html -> /media/intro-poster.jpg'
    ) | Sort-Object

    function Get-PairKey($result) {
        $link = [uri]$result.Url
        '{0} -> {1}{2}' -f ([uri]$result.SourceUrl).AbsolutePath, $link.AbsolutePath, $link.Fragment
    }
}

Describe 'Invoke-SiteCrawl' {
    It 'is exported with its documented output types' {
        $command = Get-Command Invoke-SiteCrawl
        $command.OutputType.Type.Name | Should -Contain 'CrawlResult'
        $command.OutputType.Type.Name | Should -Contain 'OrphanPage'
    }

    It 'finds exactly the demo site''s broken links, and only those by default' {
        $results = @(Invoke-SiteCrawl -Demo)
        $results | ForEach-Object { $_.IsBroken | Should -BeTrue }
        @($results | ForEach-Object { Get-PairKey $_ } | Sort-Object) | Should -Be $script:KnownBroken
    }

    It 'says where each broken link is and why' {
        $results = @(Invoke-SiteCrawl -Demo)
        $fragment = $results | Where-Object { $_.Url -like '*#uninstall' }
        $fragment.FailureKind.ToString() | Should -Be 'MissingFragment'
        $fragment.Element | Should -Be 'a'
        $fragment.Attribute | Should -Be 'href'
        $fragment.Line | Should -BeGreaterThan 0
        $srcset = $results | Where-Object { $_.Url -like '*logo@3x.png' }
        $srcset.Attribute | Should -Be 'srcset'
        $srcset.StatusCode | Should -Be 404
    }

    It 'emits every link with -IncludeAll' {
        $all = @(Invoke-SiteCrawl -Demo -IncludeAll)
        $all.Count | Should -BeGreaterThan $script:KnownBroken.Count
        @($all | Where-Object IsBroken).Count | Should -Be $script:KnownBroken.Count
        @($all | Where-Object { $_.Status.ToString() -eq 'Ok' }).Count | Should -BeGreaterThan 0
    }

    It 'makes "Where-Object IsBroken | Export-Csv" the one-liner it should be' {
        $csv = Join-Path $TestDrive 'broken.csv'
        Invoke-SiteCrawl -Demo -IncludeAll | Where-Object IsBroken | Export-Csv $csv -NoTypeInformation
        $rows = @(Import-Csv $csv)
        $rows.Count | Should -Be $script:KnownBroken.Count
        $rows[0].PSObject.Properties.Name | Should -Be @('SourceUrl', 'Url', 'FinalUrl', 'Status', 'IsBroken', 'StatusCode', 'FailureKind', 'Reason', 'Element', 'Attribute', 'LinkText', 'Line', 'Depth', 'ElapsedMs', 'FromCache', 'SourceFile')
    }

    It 'writes the summary to the information stream, tagged Summary, not to the output' {
        $results = @(Invoke-SiteCrawl -Demo -InformationVariable info)
        $summary = @($info | Where-Object { $_.Tags -contains 'Summary' })
        $summary.Count | Should -Be 1
        $summary[0].MessageData | Should -Match 'pages crawled'
        $summary[0].MessageData | Should -Match 'requests/s'
        $results | ForEach-Object { $_.GetType().Name | Should -Be 'CrawlResult' }
    }

    It 'reports skipped links only when asked' {
        @(Invoke-SiteCrawl -Demo | Where-Object { $_.Status.ToString() -eq 'Skipped' }).Count | Should -Be 0
        $skipped = @(Invoke-SiteCrawl -Demo -IncludeSkipped | Where-Object { $_.Status.ToString() -eq 'Skipped' })
        @($skipped | Where-Object { $_.Url -like 'mailto:*' }).Count | Should -Be 1
        ($skipped | Where-Object { $_.Url -like '*/private/admin' }).Reason | Should -Match 'robots.txt'
    }

    It 'reports orphan pages from the sitemap when asked' {
        $orphans = @(Invoke-SiteCrawl -Demo -DiscoverSitemap -ReportOrphans | Where-Object { $_.GetType().Name -eq 'OrphanPage' })
        $notLinked = @($orphans | Where-Object { $_.Kind.ToString() -eq 'NotLinked' })
        $notLinked.Count | Should -Be 1
        ([uri]$notLinked[0].Url).AbsolutePath | Should -Be '/docs/legacy.html'
    }

    It 'limits the crawl with -Depth' {
        $shallow = @(Invoke-SiteCrawl -Demo -Depth 0 -InformationVariable info)
        ($info | Where-Object { $_.Tags -contains 'Summary' }).MessageData | Should -Match '^1 pages crawled'
        $shallow | ForEach-Object { ([uri]$_.SourceUrl).AbsolutePath | Should -Be '/' }
    }

    It 'writes a non-terminating error naming a bad start URL and goes on' {
        $results = @('not a url', 'ftp://example.invalid/' | Invoke-SiteCrawl -ErrorAction SilentlyContinue -ErrorVariable problems)
        $results.Count | Should -Be 0
        $problems.Count | Should -Be 2
        $problems[0].FullyQualifiedErrorId | Should -Match '^InvalidUrl'
        $problems[0].TargetObject | Should -Be 'not a url'
    }

    It 'takes start URLs from the pipeline by value and by property name (<Property>)' -ForEach @(
        @{ Property = 'Uri' }, @{ Property = 'Url' }, @{ Property = 'StartUrl' }, @{ Property = 'Site' }
    ) {
        $demo = Start-LinkToolsDemoSite
        try {
            $byName = @([pscustomobject]@{ $Property = $demo.BaseUri.AbsoluteUri } | Invoke-SiteCrawl -Depth 0 -TimeoutSec 10 -RetryIntervalSec 0)
            $byValue = @($demo.BaseUri.AbsoluteUri | Invoke-SiteCrawl -Depth 0 -TimeoutSec 10 -RetryIntervalSec 0)
            $byName.Count | Should -BeGreaterThan 0
            $byName.Count | Should -Be $byValue.Count
            $byName | ForEach-Object { ([uri]$_.SourceUrl).AbsolutePath | Should -Be '/' }
        }
        finally { $demo.Dispose() }
    }

    It 'rejects an -Include pattern that is not a regular expression' {
        # -ErrorId matches the whole FullyQualifiedErrorId ('InvalidPattern,LinkTools...'), as -like does.
        { Invoke-SiteCrawl -Demo -Include '(' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPattern,*'
    }

    It 'refuses -Credential with -UseDefaultCredentials, naming both' {
        $secret = [pscredential]::new('user', (ConvertTo-SecureString 'not-a-secret' -AsPlainText -Force))
        { Invoke-SiteCrawl -Demo -Credential $secret -UseDefaultCredentials -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*-Credential*-UseDefaultCredentials*' -ErrorId 'ParameterConflict,*'
    }

    It 'refuses -ProxyCredential without -Proxy, naming both' {
        $secret = [pscredential]::new('user', (ConvertTo-SecureString 'not-a-secret' -AsPlainText -Force))
        { Invoke-SiteCrawl -Demo -ProxyCredential $secret -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*-ProxyCredential*-Proxy*' -ErrorId 'ParameterConflict,*'
    }

    It 'shows Status, Url, Found on, Line and Reason at 80 columns, wrapped rather than cut' {
        $result = @(Invoke-SiteCrawl -Demo) | Where-Object { $_.Url -like '*/docs/api/v1/deprecated.html' }
        $table = $result | Out-String -Width 80
        foreach ($label in 'Status', 'Url', 'Found on', 'Line', 'Reason') { $table | Should -Match $label }
        $table | Should -Match 'HTTP 404'
        $table | Should -Not -Match '\u2026|\.\.\.'
        $table -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
    }

    It 'cuts nothing at 200 columns' {
        $result = @(Invoke-SiteCrawl -Demo) | Where-Object { $_.Url -like '*/docs/api/v1/deprecated.html' }
        $table = $result | Out-String -Width 200
        $table | Should -Match ([regex]::Escape($result.Url))
        $table | Should -Match ([regex]::Escape($result.SourceUrl))
        $table | Should -Match ([regex]::Escape($result.Reason))
    }

    It 'stops promptly when the pipeline is stopped' {
        $modulePath = @(Get-Module LinkTools*)[0].Path
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddCommand('Import-Module').AddArgument($modulePath).AddStatement()
            $null = $ps.AddCommand('Invoke-SiteCrawl').AddParameter('Demo').AddParameter('DelaySec', 2)
            $handle = $ps.BeginInvoke()
            Start-Sleep -Milliseconds 500
            $clock = [Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Elapsed.TotalSeconds | Should -BeLessThan 5
            $handle.IsCompleted | Should -BeTrue
        }
        finally {
            $ps.Dispose()
        }
    }
}

Describe 'Invoke-SiteCrawl -CheckExternalFragments' {
    BeforeAll {
        # Two small HTTP servers on 127.0.0.1 (two ports: two origins), each answering from a table of paths in its own
        # runspace, so the crawl on this thread can reach them. Every request gets one response and the connection is
        # closed; a listener stopped in AfterAll ends its loop.
        function Start-PageServer([hashtable]$Pages) {
            $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $listener.Start()
            $shell = [powershell]::Create()
            $null = $shell.AddScript({
                param($listener, $pages)
                while ($true) {
                    try { $client = $listener.AcceptTcpClient() } catch { return }
                    try {
                        $stream = $client.GetStream()
                        $reader = [System.IO.StreamReader]::new($stream, [Text.Encoding]::ASCII)
                        $request = $reader.ReadLine() -split ' '
                        while ($reader.ReadLine()) { }
                        $path = $request[1]
                        $body = if ($pages.ContainsKey($path)) { $pages[$path] } else { $null }
                        $head = if ($null -eq $body) { "HTTP/1.1 404 Not Found`r`n" } else { "HTTP/1.1 200 OK`r`n" }
                        $bytes = [Text.Encoding]::UTF8.GetBytes([string]$body)
                        $head += "Content-Type: text/html; charset=utf-8`r`nContent-Length: $($bytes.Length)`r`nConnection: close`r`n`r`n"
                        $headBytes = [Text.Encoding]::ASCII.GetBytes($head)
                        $stream.Write($headBytes, 0, $headBytes.Length)
                        if ($request[0] -ne 'HEAD') { $stream.Write($bytes, 0, $bytes.Length) }
                        $stream.Flush()
                    }
                    catch { }
                    finally { $client.Dispose() }
                }
            }).AddArgument($listener).AddArgument($Pages)
            $null = $shell.BeginInvoke()
            [pscustomobject]@{ Listener = $listener; Shell = $shell; Base = 'http://127.0.0.1:{0}' -f $listener.LocalEndpoint.Port }
        }

        $script:External = Start-PageServer @{ '/guide' = '<h1 id="install">Install</h1><p>Guide.</p>' }
        $ext = $script:External.Base
        $script:Site = Start-PageServer @{
            '/' = "<a href=""$ext/guide#install"">there</a> <a href=""$ext/guide#uninstall"">not there</a> <a href=""$ext/guide#:~:text=Guide"">text</a>"
        }
    }

    AfterAll {
        foreach ($server in $script:Site, $script:External) {
            if ($server) { $server.Listener.Stop(); $server.Shell.Dispose() }
        }
    }

    It 'leaves fragments on pages outside the crawl unchecked by default' {
        $results = @(Invoke-SiteCrawl "$($script:Site.Base)/" -IgnoreRobotsTxt -IncludeAll -TimeoutSec 10 -MaximumRetryCount 0 | Where-Object Element -eq 'a')
        $results.Count | Should -Be 3
        $results | ForEach-Object { $_.Status.ToString() | Should -Be 'Ok' }
    }

    It 'reads an external page once for its ids and reports the fragment it lacks, as written' {
        $results = @(Invoke-SiteCrawl "$($script:Site.Base)/" -CheckExternalFragments -IgnoreRobotsTxt -IncludeAll -TimeoutSec 10 -MaximumRetryCount 0 | Where-Object Element -eq 'a')
        $results.Count | Should -Be 3
        $broken = @($results | Where-Object IsBroken)
        $broken.Count | Should -Be 1
        $broken[0].Url | Should -BeLike '*/guide#uninstall'
        $broken[0].FailureKind.ToString() | Should -Be 'MissingFragment'
        $broken[0].Reason | Should -BeLike "*'uninstall'*"
    }
}
