using System;
using System.Linq;
using LinkTools.Core.Crawling;
using Xunit;

namespace LinkTools.Tests.Crawling;

/// <summary>Every resource a browser loads from a page is a link; what a browser never loads is not.</summary>
public class LinkSourceTests
{
    private static readonly Uri Page = new("http://127.0.0.1/dir/page.html");

    private static (string Url, string Element, string Attribute)[] Links(string html) =>
        LinkExtractor.Extract(html, Page).Links.Select(l => (l.Target!.AbsoluteUri, l.Element, l.Attribute)).ToArray();

    private static string U(string path) => "http://127.0.0.1" + path;

    [Fact]
    public void ResourcesBrowsersLoadAreRead()
    {
        var links = Links("""
            <frameset><frame src="/frame.html"></frameset>
            <video src=/v.mp4 poster=/poster.jpg><track src="/subs.vtt" kind=subtitles></video>
            <embed src=/movie.swf><object data="/doc.pdf"></object>
            <input type=IMAGE src=/button.png><input type=text src=/not-an-image-input.png>
            <link rel=icon href=/favicon.ico><link rel=manifest href=/app.webmanifest><link rel=apple-touch-icon href=/touch.png>
            <link rel=preload as=image href=/hero.png imagesrcset="/hero-2x.png 2x"><link rel=modulepreload href=/mod.js>
            <picture><source srcset="/a.webp 1x, /b.webp 2x"><img src=/fallback.png></picture>
            <audio><source src=/sound.ogg srcset="/ignored-by-audio-but-read.ogg"></audio>
            <svg><image href="/svg-image.png"></image><image xlink:href="/old-svg-image.png"/></svg>
            <body background="/paper.gif"><table background=/t.gif><tr><td background=/td.gif>x</td></tr></table>
            """);

        Assert.Equal(new[]
        {
            (U("/frame.html"), "frame", "src"),
            (U("/v.mp4"), "video", "src"), (U("/poster.jpg"), "video", "poster"), (U("/subs.vtt"), "track", "src"),
            (U("/movie.swf"), "embed", "src"), (U("/doc.pdf"), "object", "data"),
            (U("/button.png"), "input", "src"),
            (U("/favicon.ico"), "link", "href"), (U("/app.webmanifest"), "link", "href"), (U("/touch.png"), "link", "href"),
            (U("/hero.png"), "link", "href"), (U("/hero-2x.png"), "link", "imagesrcset"), (U("/mod.js"), "link", "href"),
            (U("/a.webp"), "source", "srcset"), (U("/b.webp"), "source", "srcset"), (U("/fallback.png"), "img", "src"),
            (U("/sound.ogg"), "source", "src"), (U("/ignored-by-audio-but-read.ogg"), "source", "srcset"),
            (U("/svg-image.png"), "image", "href"), (U("/old-svg-image.png"), "image", "xlink:href"),
            (U("/paper.gif"), "body", "background"), (U("/t.gif"), "table", "background"), (U("/td.gif"), "td", "background"),
        }, links);
    }

    [Fact]
    public void WhatBrowsersNeverLoadIsNotALink()
    {
        var links = Links("""
            <link rel=dns-prefetch href=//127.0.0.2><link rel="preconnect" href=http://127.0.0.3>
            <form action=/submit><button formaction=/other>b</button></form>
            <blockquote cite=/source>q</blockquote><a href=/kept ping=/beacon rel=nofollow>k</a>
            <my-card href=/custom src=/custom.png></my-card><template><img src=/inert.png></template>
            <img longdesc=/desc.html src=/shown.png>
            """);

        Assert.Equal(new[] { (U("/kept"), "a", "href"), (U("/shown.png"), "img", "src") }, links);
    }

    [Fact]
    public void CssInStyleElementsAndAttributesIsRead()
    {
        var links = Links("""
            <style>
            @import "/print.css" print;
            @import url(/theme.css);
            /* url(/commented.png) */
            @font-face { src: url("/font.woff2") format("woff2"), url('/font.woff') }
            .a { background: URL( /bg.png ); filter: url(#svg-filter); mask: url(""); }
            .b { background-image: image-set("/x1.png" 1x, url(/x2.png) 2x); content: "url(/not-a-url.png)"; }
            .c { background: url(/with\ space.png); cursor: myurl(/not-either.png); }
            </style>
            <div style="background: url('/inline.png')">x</div><p style="color:red">no link</p>
            """);

        Assert.Equal(new[]
        {
            (U("/print.css"), "style", "@import"), (U("/theme.css"), "style", "@import"),
            (U("/font.woff2"), "style", "url()"), (U("/font.woff"), "style", "url()"), (U("/bg.png"), "style", "url()"),
            (U("/x1.png"), "style", "url()"), (U("/x2.png"), "style", "url()"), (U("/with%20space.png"), "style", "url()"),
            (U("/inline.png"), "div", "style"),
        }, links);
    }

    [Fact]
    public void CssLinksKnowTheirLineAndTemplatesHideThem()
    {
        var page = LinkExtractor.Extract("<p>\n<style>\n\na { background: url(/three.png) }\n</style>\n<template><style>b{background:url(/t.png)}</style></template>" +
                                         "<i style=\"background:url(/i.png)\"></i>", Page);

        Assert.Equal(new[] { (U("/three.png"), 4), (U("/i.png"), 6) }, page.Links.Select(l => (l.Target!.AbsoluteUri, l.Line)).ToArray());
    }

    [Fact]
    public void FramesAndNavigationsAreThePagesACrawlReads()
    {
        Assert.True(LinkSources.Navigates("frame", "src"));
        Assert.True(LinkSources.Navigates("iframe", "src"));
        Assert.True(LinkSources.Navigates("a", "href"));
        Assert.False(LinkSources.Navigates("link", "href"));
        Assert.False(LinkSources.Navigates("img", "src"));
    }
}
