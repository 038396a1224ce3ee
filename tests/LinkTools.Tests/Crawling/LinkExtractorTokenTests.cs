using System;
using System.Linq;
using LinkTools.Core.Crawling;
using Xunit;

namespace LinkTools.Tests.Crawling;

/// <summary>
/// Pages are read as a stream of tags, without a DOM: these pin the places where a tree builder and a plain tag stream
/// could disagree (text modes, templates, the base element, link text), to what a browser's parser does.
/// </summary>
public class LinkExtractorTokenTests
{
    private static readonly Uri Page = new("http://127.0.0.1/dir/page.html");

    private static PageLinks Extract(string html) => LinkExtractor.Extract(html, Page);

    private static string[] Urls(PageLinks page) => page.Links.Select(l => l.Target!.AbsoluteUri).ToArray();

    [Fact]
    public void MarkupInsideTextElementsIsText()
    {
        var page = Extract("<title><a href=/t>x</a></title><textarea><a href=/ta></textarea><script>var s='<a href=/s>';</script>" +
                           "<style>a{background:url(/st.png)}<a href=/in-style></style><xmp><a href=/x></xmp><noembed><a href=/ne></noembed><a href=/real>real</a>" +
                           "<plaintext><a href=/after-plaintext>");

        // A style sheet's url() is a link (it loads an image), its markup is not.
        Assert.Equal(new[] { "http://127.0.0.1/st.png", "http://127.0.0.1/real" }, Urls(page));
    }

    [Fact]
    public void SelfClosingSyntaxDoesNotEndAScriptButDoesInSvg()
    {
        var page = Extract("<script src=/a.js /><a href=/swallowed>x</a></script>" +
                           "<svg><title/><style/><a href=/in-svg><text>svg link</text></a></svg><title/><a href=/in-title></title><a href=/last>l</a>");

        Assert.Equal(new[] { "http://127.0.0.1/a.js", "http://127.0.0.1/in-svg", "http://127.0.0.1/last" }, Urls(page));
        Assert.Equal("svg link", page.Links.Single(l => l.Target!.AbsolutePath == "/in-svg").Text);
    }

    [Fact]
    public void TemplateContentIsSkippedWithItsIdsEvenWhenNested()
    {
        var page = Extract("<template id=outer-ok><a href=/t1 id=in1><template><img src=/t2></template><a href=/t3></template><a href=/after id=after>x</a>");

        Assert.Equal(new[] { "http://127.0.0.1/after" }, Urls(page));
        Assert.Equal(new[] { "after", "outer-ok" }, page.Anchors.OrderBy(a => a, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void TheFirstBaseAppliesToLinksBeforeItToo()
    {
        var page = Extract("<a href=early>e</a><base href=\"http://127.0.0.2/root/\"><base href=\"http://127.0.0.3/\"><img src=late.png>");

        Assert.Equal(new[] { "http://127.0.0.2/root/early", "http://127.0.0.2/root/late.png" }, Urls(page));
    }

    [Fact]
    public void LinkTextComesFromTheWholeAnchorAndFallsBackToAltAndTitle()
    {
        var page = Extract("<a href=/one>  Read <b>the</b>\n <i>manual</i> </a>" +
                           "<a href=/two title=Two></a>" +
                           "<a href=/three><img src=/i.png><img src=/logo.png alt=Logo></a>" +
                           "<a href=/four>unclosed<a href=/five>next</a>" +
                           "<area href=/six alt=Six><img src=/seven.png title=Seven>");

        var text = page.Links.ToDictionary(l => l.Target!.AbsolutePath, l => l.Text);
        Assert.Equal("Read the manual", text["/one"]);
        Assert.Equal("Two", text["/two"]);
        Assert.Equal("Logo", text["/three"]);
        Assert.Equal("unclosed", text["/four"]);
        Assert.Equal("next", text["/five"]);
        Assert.Equal("Six", text["/six"]);
        Assert.Equal("Seven", text["/seven.png"]);
        Assert.Equal("", text["/i.png"]);
    }

    [Fact]
    public void AttributesAreReadAsBrowsersReadThem()
    {
        var page = Extract("<A HREF=\"/a?x=1&amp;y=2\" href=/ignored-repeat ID=Upper NAME=named>x</A>\n\n<IMG SRC=\" /spaced.png \">");

        Assert.Equal(new[] { "http://127.0.0.1/a?x=1&y=2", "http://127.0.0.1/spaced.png" }, Urls(page));
        Assert.Equal(new[] { "a", "img" }, page.Links.Select(l => l.Element).ToArray());
        Assert.Equal(new[] { 1, 3 }, page.Links.Select(l => l.Line).ToArray());
        Assert.Equal(new[] { "Upper", "named" }, page.Anchors.OrderBy(a => a, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void CommentsAndUnterminatedCommentsHideLinks()
    {
        var page = Extract("<a href=/before>b</a><!-- <a href=/in-comment> --><a href=/between>c</a><!-- <a href=/swallowed>");

        Assert.Equal(new[] { "http://127.0.0.1/before", "http://127.0.0.1/between" }, Urls(page));
    }

    [Fact]
    public void CdataSectionsAreTextOnlyInSvgAndMathMl()
    {
        var page = Extract("<svg><![CDATA[ 1 > 0 <a href=/in-svg-cdata>c</a> ]]></svg><math><![CDATA[ <a href=/in-math-cdata> ]]></math>" +
                           "<p><![CDATA[ 1 > 0 <a href=/html>h</a> ]]><a href=/after>a</a>");

        Assert.Equal(new[] { "http://127.0.0.1/html", "http://127.0.0.1/after" }, Urls(page));
    }

    [Fact]
    public void TextElementsAreTextAgainWhereSvgAndMathMlHoldHtml()
    {
        var page = Extract("<svg><foreignObject><script>var s='<a href=\"/fo-script\">';</script><textarea><a href=/fo-textarea></textarea></foreignObject>" +
                           "<desc><style><a href=/desc-style></style></desc><title><b>t</b><title><a href=/svg-title-title></title></title></svg>" +
                           "<math><mi><title><a href=/mi-title></title></mi><annotation-xml encoding=\"text/html\"><xmp><a href=/ax-xmp></xmp></annotation-xml></math>" +
                           "<svg><p>out of svg</p><script><a href=/after-p></script>" +
                           "<svg></p><style><a href=/after-end-p></style><math><font color=red><title><a href=/after-font></title>" +
                           "<svg><font><title/><a href=/svg-font>f</a><foreignObject/><style/><a href=/svg-style>s</a></svg><a href=/after>a</a>");

        Assert.Equal(new[] { "http://127.0.0.1/svg-font", "http://127.0.0.1/svg-style", "http://127.0.0.1/after" }, Urls(page));
    }

    [Fact]
    public void ImageIsAnImgOutsideSvg()
    {
        var page = Extract("<image src=/image.png alt=Im><a href=/x><IMAGE src=/y.png alt=Inner></a><svg><image href=/svg.png src=/svg-src.png></image></svg>");

        // In SVG an <image> loads its href (not src).
        Assert.Equal(new[] { "http://127.0.0.1/image.png", "http://127.0.0.1/x", "http://127.0.0.1/y.png", "http://127.0.0.1/svg.png" }, Urls(page));
        Assert.Equal(new[] { "img", "a", "img", "image" }, page.Links.Select(l => l.Element).ToArray());
        Assert.Equal(new[] { "Im", "Inner", "Inner", "" }, page.Links.Select(l => l.Text).ToArray());
    }

    [Fact]
    public void TemplateTextIsNotLinkText()
    {
        var page = Extract("<a href=/t><template>hidden <a href=/in-template>in</a></template>Visible</a>");

        Assert.Equal("Visible", page.Links.Single().Text);
    }
    [Fact]
    public void AnSvgLeftOpenEndsWithTheHtmlElementAroundIt()
    {
        var page = Extract("<div><svg><g></div><script>var s='<a href=\"/after-div\">';</script>" +
                           "<a href=/1><svg><g>x</a><style><a href=/after-a></style>" +
                           "<svg><path></g><style><a href=/svg-style-after-stray-end></style></svg>");

        Assert.Equal(new[] { "http://127.0.0.1/1", "http://127.0.0.1/svg-style-after-stray-end" }, Urls(page));
    }
    [Fact]
    public void SvgLinksMayUseXlinkHref()
    {
        var page = Extract("<svg><a xlink:href=/xlink><text>x</text></a><a XLINK:HREF=/upper>u</a><a href=/plain xlink:href=/old>p</a></svg>" +
                           "<a xlink:href=/not-in-html>h</a>");

        Assert.Equal(new[] { "http://127.0.0.1/xlink", "http://127.0.0.1/upper", "http://127.0.0.1/plain" }, Urls(page));
        Assert.Equal(new[] { "xlink:href", "xlink:href", "href" }, page.Links.Select(l => l.Attribute).ToArray());
    }

    [Fact]
    public void IndentationDoesNotCrowdOutTheTextOfACardLink()
    {
        string indent = string.Concat(Enumerable.Range(0, 30).Select(i => "\n" + new string(' ', 4 * i) + "<div class=\"level\">"));
        string closing = string.Concat(Enumerable.Range(0, 30).Select(_ => "</div>\n      "));
        var page = Extract("<a href=/notes>" + indent + "\n            <h3>Release notes for version 2</h3><p>What changed</p>" + closing + "</a>");

        // As a browser's textContent joins them: no space between the heading and the paragraph.
        Assert.Equal("Release notes for version 2What changed", page.Links.Single().Text);
    }

    [Fact]
    public void AnAnchorLeftOpenEndsWithTheElementAroundIt()
    {
        var page = Extract("<table><tr><td><a href=/dl>Download</td><td>12 MB, updated daily</td></tr>" +
                           "<tr><td><a href=/cell>cell<td>next cell</table>" +
                           "<p><a href=/para>link</p><p>next paragraph text</p>" +
                           "<ul><li><a href=/item>item<li>next item</ul>" +
                           "<svg><a href=/icon /></svg><p>Lots of text after</p>" +
                           "<a href=/card><div><h3>Card</h3><table><tr><td>inside</td></tr></table></div></a>");

        var text = page.Links.ToDictionary(l => l.Target!.AbsolutePath, l => l.Text);
        Assert.Equal("Download", text["/dl"]);
        Assert.Equal("cell", text["/cell"]);
        Assert.Equal("link", text["/para"]);
        Assert.Equal("item", text["/item"]);
        Assert.Equal("", text["/icon"]);
        Assert.Equal("Cardinside", text["/card"]);
    }
}
