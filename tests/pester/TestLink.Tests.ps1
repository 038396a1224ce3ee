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
        $Results | ForEach-Object { $_ | Should -BeOfType 'LinkTools.Core.Checking.LinkResult' }
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
        $model = [LinkTools.Core.Checking.LinkResult].Assembly
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
