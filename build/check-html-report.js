// Runs the script of an HTML report under Node against a minimal DOM, so a script error or a chart that draws
// nothing is caught where no browser is installed. Usage: node build/check-html-report.js <report.html>
// Prints what was drawn and exits non-zero on any script error or empty chart.
"use strict";
const fs = require("fs");
const html = fs.readFileSync(process.argv[2], "utf8");
const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
const data = scripts.find(s => s[1].includes('id="report-data"'))[2];
const code = scripts.find(s => !s[1].includes('type="application/json"'))[2];

class Node {
  constructor(tag) { this.tag = tag; this.children = []; this.attributes = {}; this.style = {}; this._text = ""; this.listeners = {}; }
  appendChild(child) { this.children.push(child); return child; }
  insertBefore(child, before) { const i = this.children.indexOf(before); this.children.splice(i < 0 ? this.children.length : i, 0, child); return child; }
  setAttribute(name, value) { this.attributes[name] = String(value); }
  getAttribute(name) { return this.attributes[name]; }
  addEventListener(name, fn) { this.listeners[name] = fn; }
  getBoundingClientRect() { return { width: 400 }; }
  set textContent(value) { this.children = []; this._text = String(value); }
  get textContent() { return this._text + this.children.map(c => c.textContent).join(""); }
  count(tag) { return this.children.reduce((n, c) => n + c.count(tag), this.tag === tag ? 1 : 0); }
}
const byId = {};
for (const m of html.matchAll(/id="([^"]+)"/g)) byId[m[1]] = new Node(m[1]);
byId["report-data"].textContent = data;
byId["filter-status"].value = "";
byId["filter-text"].value = "";
const tbody = new Node("tbody");
const document = {
  title: "",
  body: new Node("body"),
  getElementById: id => byId[id] || null,
  createElement: tag => new Node(tag),
  createElementNS: (_, tag) => new Node(tag),
  querySelector: selector => selector === "#rows tbody" ? tbody : null,
};
try {
  new Function("document", code)(document);
} catch (e) {
  console.error("Script error: " + e.stack);
  process.exit(1);
}
const drawn = {
  statusBars: byId["chart-status"].count("rect"),
  timeBars: byId["chart-times"].count("rect"),
  slowestBars: byId["chart-slowest"].count("rect"),
  tableRows: tbody.count("tr"),
  brokenPages: byId["broken"].count("details"),
  rendered: document.body.getAttribute("data-rendered"),
};
// The uptime timeline is drawn only for Watch-Website rows, so it is held to that only when the data has some.
if (JSON.parse(data).rows.some(r => r.origin === "Watch" && r.checkedAt)) drawn.uptimeMarks = byId["chart-uptime"].count("rect");
console.log(JSON.stringify(drawn));
const empty = Object.entries(drawn).filter(([, v]) => !v);
if (empty.length) { console.error("Nothing drawn for: " + empty.map(e => e[0]).join(", ")); process.exit(1); }
