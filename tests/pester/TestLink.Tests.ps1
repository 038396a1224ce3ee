#Requires -Version 5.1
<#
    Test-Link in real PowerShell (Pester 5), against the module's demo site on 127.0.0.1: nothing here leaves loopback.
    build.ps1 -Task Pester packages the module and sets LINKTOOLS_MODULE_PATH to out/LinkTools/LinkTools.psd1.
#>

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $script:Demo = Start-LinkToolsDemoSite
    $script:Base = $script:Demo.BaseUri.AbsoluteUri
    $script:Partner = $script:Demo.PartnerUri.AbsoluteUri

    # Short timeouts and quick retries keep every check bounded; the demo site answers at once.
    $script:Fast = @{ TimeoutSec = 10; RetryIntervalSec = 0 }

    function DemoUrl([string] $Path) { $script:Base + $Path }
}

AfterAll {
    if ($script:Demo) { $script:Demo.Dispose() }
    Remove-Module LinkTools -Force -ErrorAction SilentlyContinue
}

Describe 'Test-Link results' {
    BeforeAll {
        $script:Results = Test-Link -Uri (DemoUrl 'about.html'), (DemoUrl 'missing-page'), (DemoUrl 'moved'), (DemoUrl 'contact') @Fast
        function ResultFor([string] $Path) { $script:Results | Where-Object Url -EQ (DemoUrl $Path) }
    }

    It 'writes one LinkResult per URL' {
        $Results.Count | Should -Be 4
        $Results | ForEach-Object { $_ | Should -BeOfType 'LinkTools.Model.Checking.LinkResult' }
    }

    It 'reports a working page as Ok' {
        $ok = ResultFor 'about.html'
        $ok.Status.ToString() | Should -Be 'Ok'
        $ok.StatusCode | Should -Be 200
        $ok.IsBroken | Should -BeFalse
    }

    It 'reports a 404 as Broken with FailureKind Http' {
        $missing = ResultFor 'missing-page'
        $missing.Status.ToString() | Should -Be 'Broken'
        $missing.StatusCode | Should -Be 404
        $missing.FailureKind.ToString() | Should -Be 'Http'
        $missing.IsBroken | Should -BeTrue
    }

    It 'reports a redirect as Redirected with its final URL' {
        $moved = ResultFor 'moved'
        $moved.Status.ToString() | Should -Be 'Redirected'
        $moved.FinalUrl | Should -Be (DemoUrl 'about.html')
        $moved.RedirectCount | Should -Be 1
    }

    It 'reports a server error as Broken' {
        (ResultFor 'contact').Status.ToString() | Should -Be 'Broken'
        (ResultFor 'contact').StatusCode | Should -Be 500
    }

    It 'checks a URL given twice only once' {
        $twice = Test-Link (DemoUrl 'about.html'), (DemoUrl 'about.html') @Fast
        @($twice).Count | Should -Be 1
    }

    It 'shows the default table view from the format data' {
        $table = ResultFor 'about.html' | Format-Table | Out-String
        $table | Should -Match 'Status'
        $table | Should -Match 'Reason'
        $table | Should -Not -Match 'RedirectChain'
    }

    It 'shows Status, the whole Url and Reason at 80 columns' {
        $table = ResultFor 'missing-page' | Out-String -Width 80
        $table | Should -Match 'Status'
        $table | Should -Match 'Reason'
        $table | Should -Match 'HTTP 404 Not Found'
        $table | Should -Match ([regex]::Escape($script:Base.Substring(0, 16)))
        $table | Should -Not -Match '\u2026|\.\.\.' -Because 'wrapped, not cut'
        $table -split "`n" | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
    }

    It 'cuts nothing at 200 columns' {
        $long = DemoUrl ('missing-page?topic=' + ('a' * 40)) # about 80 characters: room for it at 200 columns
        $result = Test-Link $long @Fast
        $table = $result | Out-String -Width 200
        $table | Should -Match ([regex]::Escape($result.Url))
        $table | Should -Match ([regex]::Escape($result.Reason))
        $table | Should -Not -Match '\u2026|\.\.\.'
    }
}

Describe 'Test-Link pipeline input' {
    It 'takes URL strings from the pipeline by value' {
        $results = (DemoUrl 'about.html'), (DemoUrl 'missing-page') | Test-Link @Fast
        @($results).Count | Should -Be 2
    }

    It 'takes objects with a <Property> property by property name' -ForEach @(
        @{ Property = 'Uri' }, @{ Property = 'Url' }, @{ Property = 'Href' }, @{ Property = 'Link' }, @{ Property = 'Address' }
    ) {
        $row = [pscustomobject]@{ $Property = (DemoUrl 'about.html'); Owner = 'web team' }
        $result = $row | Test-Link @Fast
        $result.Url | Should -Be (DemoUrl 'about.html')
    }

    It 'takes rows of CSV text with a Url column' {
        $csv = "Url,Owner`n$(DemoUrl 'about.html'),web`n$(DemoUrl 'missing-page'),docs"
        $results = $csv | ConvertFrom-Csv | Test-Link @Fast
        @($results).Count | Should -Be 2
        @($results | Where-Object IsBroken).Count | Should -Be 1
    }

    It 'takes the rows of a file read with Import-Csv' {
        $file = Join-Path $TestDrive 'links.csv'
        [pscustomobject]@{ Url = (DemoUrl 'about.html'); Owner = 'web' }, [pscustomobject]@{ Url = (DemoUrl 'missing-page'); Owner = 'docs' } |
            Export-Csv -Path $file -NoTypeInformation
        $results = Import-Csv -Path $file | Test-Link @Fast
        @($results).Count | Should -Be 2
        ($results | Where-Object IsBroken).Url | Should -Be (DemoUrl 'missing-page')
    }

    It 'accepts the <Alias> alias as a parameter name' -ForEach @(
        @{ Alias = 'Url' }, @{ Alias = 'Href' }, @{ Alias = 'Link' }, @{ Alias = 'Address' }
    ) {
        $arguments = @{ $Alias = (DemoUrl 'about.html') }
        $result = Test-Link @arguments @Fast
        $result.Status.ToString() | Should -Be 'Ok'
    }
}

Describe 'Test-Link -Quiet' {
    It 'returns only $true when nothing is broken' {
        $answer = Test-Link (DemoUrl 'about.html'), (DemoUrl 'moved') -Quiet @Fast
        @($answer).Count | Should -Be 1
        $answer | Should -BeOfType 'System.Boolean'
        $answer | Should -BeTrue
    }

    It 'returns only $false when a link is broken' {
        $answer = Test-Link (DemoUrl 'about.html'), (DemoUrl 'missing-page') -Quiet @Fast
        @($answer).Count | Should -Be 1
        $answer | Should -BeFalse
    }
}

Describe 'Test-Link -Quiet as a gate' {
    # A gate that passes on a typo is the worst defect a gate can have: nothing checked, or an input that could not
    # be read, is $false.
    It 'returns only $false when <Case>' -ForEach @(
        @{ Case = 'the -Path file does not exist'; Run = { Test-Link -Path (Join-Path $TestDrive 'no-such-file.txt') -Quiet @Fast -ErrorAction SilentlyContinue } }
        @{ Case = 'every input is invalid'; Run = { Test-Link 'not a url', 'ftp://127.0.0.1/file' -Quiet @Fast -ErrorAction SilentlyContinue } }
        @{ Case = 'one input of several is invalid'; Run = { Test-Link 'not a url', (DemoUrl 'about.html') -Quiet @Fast -ErrorAction SilentlyContinue } }
        @{ Case = 'the -Path file is empty'; Run = { $f = Join-Path $TestDrive 'empty.txt'; Set-Content $f -Value @(); Test-Link -Path $f -Quiet @Fast -WarningAction SilentlyContinue } }
        @{ Case = 'the -Path file holds only comments'; Run = { $f = Join-Path $TestDrive 'comments.txt'; Set-Content $f -Value '# nothing yet', ''; Test-Link -Path $f -Quiet @Fast -WarningAction SilentlyContinue } }
        @{ Case = 'the pipeline is empty'; Run = { @() | Test-Link -Quiet @Fast -WarningAction SilentlyContinue } }
    ) {
        $answer = & $Run
        @($answer).Count | Should -Be 1
        $answer | Should -BeOfType 'System.Boolean'
        $answer | Should -BeFalse
    }

    It 'warns when nothing was checked' {
        $null = @() | Test-Link @Fast -WarningVariable warnings -WarningAction SilentlyContinue
        "$warnings" | Should -Match 'No URL was checked'
    }
}

Describe 'Test-Link -Headers' {
    It 'refuses <Case> before any request, naming the header' -ForEach @(
        @{ Case = 'a value with CR LF'; Headers = @{ 'X-Inj' = "a`r`nInjected: 1" }; Name = 'X-Inj' }
        @{ Case = 'a value with a bare LF'; Headers = @{ 'X-Inj' = "a`nInjected: 1" }; Name = 'X-Inj' }
        @{ Case = 'a name with a space'; Headers = @{ 'X Bad' = '1' }; Name = 'X Bad' }
        @{ Case = 'a name with a colon'; Headers = @{ 'X-Bad:' = '1' }; Name = 'X-Bad:' }
        @{ Case = 'Content-Length'; Headers = @{ 'Content-Length' = '5' }; Name = 'Content-Length' }
        @{ Case = 'Host'; Headers = @{ 'host' = '127.0.0.2' }; Name = 'host' }
        @{ Case = 'Transfer-Encoding'; Headers = @{ 'Transfer-Encoding' = 'chunked' }; Name = 'Transfer-Encoding' }
        @{ Case = 'Connection'; Headers = @{ 'Connection' = 'close' }; Name = 'Connection' }
    ) {
        $collected = [System.Collections.Generic.List[object]]::new()
        $failure = $null
        try { Test-Link (DemoUrl 'about.html') -Headers $Headers @Fast -ErrorAction Stop | ForEach-Object { $collected.Add($_) } }
        catch { $failure = $_ }
        $collected.Count | Should -Be 0
        $failure | Should -Not -BeNullOrEmpty
        $failure.FullyQualifiedErrorId | Should -BeLike 'InvalidArgument,*'
        $failure.Exception.Message | Should -BeLike "*-Headers*'$Name'*"
    }

    It 'sends ordinary headers and checks the link' {
        $result = Test-Link (DemoUrl 'about.html') -Headers @{ 'X-Api-Key' = 'k 1'; Accept = 'text/html' } @Fast
        $result.Status.ToString() | Should -Be 'Ok'
    }
}

Describe 'Test-Link conflicting parameters' {
    BeforeAll {
        $script:Secret = [pscredential]::new('user', (ConvertTo-SecureString 'not-a-secret' -AsPlainText -Force))
    }

    It 'refuses -Credential with -UseDefaultCredentials, naming both' {
        { Test-Link (DemoUrl 'about.html') -Credential $Secret -UseDefaultCredentials @Fast -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*-Credential*-UseDefaultCredentials*' -ErrorId 'ParameterConflict,*'
    }

    It 'refuses -ProxyCredential without -Proxy, naming both' {
        { Test-Link (DemoUrl 'about.html') -ProxyCredential $Secret @Fast -ErrorAction Stop } |
            Should -Throw -ExpectedMessage '*-ProxyCredential*-Proxy*' -ErrorId 'ParameterConflict,*'
    }
}

Describe 'Test-Link bad input' {
    It 'writes a non-terminating InvalidUrl error naming <Bad> and still checks the others' -ForEach @(
        @{ Bad = 'not a url' }, @{ Bad = 'www.example.com' }, @{ Bad = 'ftp://files.example.com/a' }, @{ Bad = '' }
    ) {
        $results = Test-Link $Bad, (DemoUrl 'about.html') -ErrorVariable failures -ErrorAction SilentlyContinue @Fast
        @($results).Count | Should -Be 1
        $results.Url | Should -Be (DemoUrl 'about.html')
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidUrl,*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'InvalidArgument'
        $failures[0].TargetObject | Should -Be $Bad
    }

    It 'keeps going after a bad input with the default error action' {
        $results = Test-Link 'nope', (DemoUrl 'about.html') -ErrorAction SilentlyContinue @Fast
        @($results).Count | Should -Be 1
    }

    It 'stops at the bad input with -ErrorAction Stop' {
        { Test-Link 'nope' -ErrorAction Stop @Fast } | Should -Throw
    }

    It 'redacts user info in the URL of a result' {
        $withSecret = $script:Base -replace '^http://', 'http://admin:s3cret@'
        $result = Test-Link ($withSecret + 'about.html') @Fast
        $result.Url | Should -Not -Match 's3cret'
    }
}

Describe 'Test-Link -Path' {
    BeforeAll {
        $script:UrlFile = Join-Path $TestDrive 'urls.txt'
        Set-Content -Path $script:UrlFile -Value @('# URLs to check', '', (DemoUrl 'about.html'), '  ', (DemoUrl 'missing-page'))
    }

    It 'checks one URL a line, skipping blank lines and # comments' {
        $results = Test-Link -Path $UrlFile @Fast
        @($results).Count | Should -Be 2
    }

    It 'skips blank lines and # comments piped from Get-Content, as -Path does' {
        $results = Get-Content -Path $UrlFile | Test-Link @Fast -ErrorVariable failures
        @($results).Count | Should -Be 2
        $failures.Count | Should -Be 0
    }

    It 'names the row of a CSV whose Url cell is empty, and checks the other rows' {
        $csv = "Url,Owner`n$(DemoUrl 'about.html'),web`n,docs"
        $results = $csv | ConvertFrom-Csv | Test-Link @Fast -ErrorVariable failures -ErrorAction SilentlyContinue
        @($results).Count | Should -Be 1
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidUrl,*'
        $failures[0].Exception.Message | Should -Match 'row 2'
        $failures[0].TargetObject.Owner | Should -Be 'docs'
    }

    It 'reports an unreadable file as a non-terminating error and reads the other files' {
        $missing = Join-Path $TestDrive 'no-such-file.txt'
        $results = Test-Link -Path $missing, $UrlFile -ErrorVariable failures -ErrorAction SilentlyContinue @Fast
        @($results).Count | Should -Be 2
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'UrlFileUnreadable,*'
        $failures[0].CategoryInfo.Category.ToString() | Should -Be 'ReadError'
    }
}

Describe 'Test-Link and Export-Csv' {
    It 'round-trips every property through Export-Csv and Import-Csv, and the CSV can be checked again' {
        $csvPath = Join-Path $TestDrive 'results.csv'
        $results = Test-Link (DemoUrl 'about.html'), (DemoUrl 'missing-page'), (DemoUrl 'moved') @Fast
        $results | Export-Csv -Path $csvPath -NoTypeInformation

        $back = Import-Csv -Path $csvPath
        @($back).Count | Should -Be 3
        $columns = $back[0].PSObject.Properties.Name
        foreach ($property in 'Url', 'FinalUrl', 'Status', 'IsBroken', 'StatusCode', 'FailureKind', 'Reason', 'ElapsedMs', 'RedirectChain', 'CheckedAt') {
            $columns | Should -Contain $property
        }
        ($back | Where-Object Url -EQ (DemoUrl 'missing-page')).Status | Should -Be 'Broken'

        $again = $back | Test-Link @Fast
        @($again).Count | Should -Be 3
    }
}

Describe 'Test-Link -Demo' {
    It 'checks the built-in demo site and finds its broken links' {
        $results = Test-Link -Demo @Fast
        @($results).Count | Should -BeGreaterThan 5
        @($results | Where-Object IsBroken).Count | Should -BeGreaterThan 0
        @($results | Where-Object { $_.Status.ToString() -eq 'Ok' }).Count | Should -BeGreaterThan 0
    }
}

Describe 'LinkTools module' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path (Get-LinkToolsModulePath) -ErrorAction Stop } | Should -Not -Throw
    }

    It 'exports Test-Link' {
        (Get-Command -Module LinkTools).Name | Should -Contain 'Test-Link'
    }

    It 'runs the engine from dependencies/ in its own load context' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        Test-Link -Uri $script:Base | Out-Null
        $engine = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'LinkTools.Core' })
        $engine.Count | Should -Be 1
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($engine[0]).Name | Should -Be 'LinkTools'
        $engine[0].Location | Should -BeLike '*dependencies*LinkTools.Core.dll'
        $model = [LinkTools.Model.Checking.LinkResult].Assembly
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($model).Name | Should -Be 'Default'
    }

    It 'has help with a synopsis, a description for every parameter and examples' {
        $help = Get-Help Test-Link -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 4
        foreach ($parameter in $help.parameters.parameter) {
            ($parameter.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs help"
        }
    }

    It 'has the about_LinkTools topic' {
        # Get-Help finds about_ topics of modules on PSModulePath; out/ holds the packaged LinkTools folder.
        $saved = $env:PSModulePath
        try {
            $modulesRoot = Split-Path (Split-Path (Get-Module LinkTools).Path)
            $env:PSModulePath = $modulesRoot + [IO.Path]::PathSeparator + $saved
            (Get-Help about_LinkTools | Out-String) | Should -Match 'VERDICTS'
        }
        finally {
            $env:PSModulePath = $saved
        }
    }
}

Describe 'Test-Link and hosts spelt in Unicode' {
    BeforeAll {
        # Built from code points so the file stays ASCII for Windows PowerShell 5.1.
        function Spell([int[]] $CodePoints) { -join [char[]]$CodePoints }
        $script:Port = $script:Demo.BaseUri.Port
        # 127.0.0.1 in fullwidth digits and full stops, and with ideographic full stops.
        $script:Fullwidth = Spell 0xFF11, 0xFF12, 0xFF17, 0xFF0E, 0xFF10, 0xFF0E, 0xFF10, 0xFF0E, 0xFF11
        $script:Ideographic = Spell 0x31, 0x32, 0x37, 0x3002, 0x30, 0x3002, 0x30, 0x3002, 0x31
    }

    It 'checks the host UTS 46 maps it to, as the CLI does, and reports it in ASCII' {
        $result = Test-Link -Uri "http://$($script:Fullwidth):$($script:Port)/about.html" @Fast
        $result.Url | Should -Be (DemoUrl 'about.html')
        $result.Status.ToString() | Should -Be 'Ok'
    }

    It 'refuses a loopback address spelt with ideographic full stops under -ExcludePrivateAddresses' {
        $result = Test-Link -Uri "http://$($script:Ideographic):$($script:Port)/about.html" -ExcludePrivateAddresses @Fast
        $result.Status.ToString() | Should -Be 'Skipped'
        $result.FailureKind.ToString() | Should -Be 'PrivateAddress'
    }
}
