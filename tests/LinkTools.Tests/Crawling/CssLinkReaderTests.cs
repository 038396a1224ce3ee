using System.Linq;
using LinkTools.Core.Crawling;
using Xunit;

namespace LinkTools.Tests.Crawling;

/// <summary>The url() and @import reader against the CSS Syntax tokenizer's rules for comments, strings and escapes.</summary>
public class CssLinkReaderTests
{
    private static string[] Urls(string css) => CssLinkReader.Read(css).Select(l => l.Url).ToArray();

    [Theory]
    [InlineData("a{b:url(x.png)}", "x.png")]
    [InlineData("a{b:url(  x.png  )}", "x.png")]
    [InlineData("a{b:url( \"x.png\" )}", "x.png")]
    [InlineData("a{b:url('x.png')}", "x.png")]
    [InlineData("a{b:url(\"x\\\"y.png\")}", "x\"y.png")]          // an escaped quote
    [InlineData("a{b:url(\"line\\\ncontinued.png\")}", "linecontinued.png")] // an escaped newline continues a string
    [InlineData("a{b:url(\\78.png)}", "x.png")]                     // a hex escape
    [InlineData("a{b:url(\\000078 .png)}", "x.png")]                // six digits and the whitespace that ends them
    [InlineData("a{b:u\\72l(x.png)}", "x.png")]                     // an escape in the function name
    [InlineData("a{b:url(x.png", "x.png")]                          // cut off by the end of the sheet
    public void OneUrl(string css, string expected) => Assert.Equal(new[] { expected }, Urls(css));

    [Theory]
    [InlineData("/* url(x.png) */")]
    [InlineData("a{content:\"url(x.png)\"}")]
    [InlineData("a{b:url(x y.png)}")]                // whitespace inside: a bad url
    [InlineData("a{b:url(x\"y.png)}")]              // a quote inside: a bad url
    [InlineData("a{b:url(x(y.png)}")]
    [InlineData("a{b:url(\"unterminated\n.png\")}")] // a raw newline ends a string as a bad string
    [InlineData("a{b:myurl(x.png)}")]
    [InlineData("a{b:url(#filter)}")]
    [InlineData("a{b:url()}")]
    [InlineData("a{content:'a' \"b\"}")]
    public void NoUrl(string css) => Assert.Empty(Urls(css));

    [Fact]
    public void ImportsAreMarkedAndOnlyTheirStringIsAUrl()
    {
        var links = CssLinkReader.Read("@import 'a.css' screen; @IMPORT url(b.css); @media print { x { y: 'not.css' } } @charset \"utf-8\";");

        Assert.Equal(new[] { ("a.css", true), ("b.css", true) }, links.Select(l => (l.Url, l.IsImport)).ToArray());
    }

    [Fact]
    public void ABadUrlEndsAtItsParenthesisAndReadingGoesOn()
    {
        Assert.Equal(new[] { "ok.png" }, Urls("a{b:url(bad url\\) still bad) ; c:url(ok.png)}"));
    }

    [Fact]
    public void ImageSetStringsAreUrls()
    {
        Assert.Equal(new[] { "a.png", "b.png", "c.png" }, Urls("a{b:image-set('a.png' 1x, url(b.png) 2x); c:-webkit-image-set(\"c.png\" 1x); d:attr('no.png')}"));
    }
}
