@{
    RootModule             = 'LinkTools.PowerShell.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '5d3f7f0e-2a8c-4a8e-9a57-6c1b0f3e9d41'
    Author                 = 'LinkTools contributors'
    CompanyName            = 'LinkTools'
    Copyright              = '(c) LinkTools contributors. MIT License.'
    Description            = 'Fast concurrent link checking for PowerShell: check URL lists, crawl sites for broken links and monitor websites, on one shared async engine.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    # netstandard2.0 needs .NET Framework 4.7.1 or later; PowerShell checks this for the Desktop edition at import.
    DotNetFrameworkVersion = '4.7.1'
    FormatsToProcess       = @('LinkTools.format.ps1xml')
    CmdletsToExport        = @('Export-LinkReport', 'Get-WebsiteUptime', 'Invoke-SiteCrawl', 'Test-Link', 'Watch-Website')
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            ProjectUri   = 'https://github.com/linktools/LinkTools'
            LicenseUri   = 'https://github.com/linktools/LinkTools/blob/main/LICENSE'
            Tags         = @('link-checker', 'broken-links', 'http', 'website', 'monitoring', 'crawler', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ReleaseNotes = 'First release, on one shared concurrent fetch engine: Test-Link checks URL lists; Invoke-SiteCrawl crawls a site for broken links, missing fragments and sitemap orphans; Watch-Website monitors sites with alerts by scriptblock, webhook (JSON, Teams, Slack) and email; Get-WebsiteUptime reports uptime from the watch history; Export-LinkReport writes JUnit, Markdown, JSON and HTML reports from any of their results. Help: Get-Help about_LinkTools.'
        }
    }
}
