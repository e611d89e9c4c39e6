package report

import "html/template"

// page holds the templates of the report, one per piece written in turn.
var page = template.Must(template.New("report").Funcs(template.FuncMap{"langClass": langClass}).Parse(`
{{- define "head" -}}
<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="langsplit">
<title>{{.Title}}</title>
<style>
body{margin:0;padding:1rem 2rem;font:15px/1.6 system-ui,-apple-system,"Segoe UI",Tahoma,"DejaVu Sans",sans-serif;color:#222;background:#fafafa;display:flex;flex-direction:column}
header{order:-3}
#summary{order:-2}
#toc{order:-1}
h1{font-size:1.4rem;margin:.2rem 0 1rem}
h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
h3.sub{font-size:.95rem;margin:.8rem 0 .3rem;color:#555}
nav ol{margin:0;padding-inline-start:1.5rem}
article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem 1rem;margin:1rem 0}
.text{font-size:1.05rem}
.blk{white-space:pre-wrap;overflow-wrap:anywhere;margin:.3rem 0;padding:.3rem .6rem;border-inline-start:4px solid;border-radius:3px}
.blk::before{content:attr(data-tag);display:inline-block;font:11px/1.4 ui-monospace,monospace;color:#555;background:#fff;border:1px solid #ccc;border-radius:3px;padding:0 .3rem;margin-inline-end:.5rem;direction:ltr;unicode-bidi:isolate}
.br::before{content:"\21B5";color:#aaa;font-size:.8em}
.l-en{background:#e8f0fe;border-color:#4a7bd0}
.l-fa{background:#e6f4ea;border-color:#2e8b57}
.l-ar{background:#fff1dc;border-color:#d08a1a}
.l-undarab{background:#f8e6f3;border-color:#b0479a}
.l-und{background:#f0f0f0;border-color:#999}
.l-other{background:#eee8fb;border-color:#7a5cc7}
.sw{display:inline-block;width:.9em;height:.9em;border-inline-start:4px solid;vertical-align:middle}
table.legend{border-collapse:collapse;margin:.4rem 0}
table.legend td,table.legend th{border:1px solid #ddd;padding:.15rem .6rem;text-align:end}
table.legend th:first-child,table.legend td:first-child{text-align:start}
.note{background:#fff8c4;border:1px solid #e0d27a;padding:.3rem .6rem;border-radius:3px}
.err{background:#fde2e1;border-color:#e0908c}
details.chg{margin:.1rem 0 .6rem 1rem;font-size:.9rem}
.ba{display:grid;grid-template-columns:5rem 1fr;gap:.2rem .5rem}
.ba div{white-space:pre-wrap;overflow-wrap:anywhere}
del{background:#f8c9c6;text-decoration:line-through}
ins{background:#c5efc9;text-decoration:none}
.inv{font:10px ui-monospace,monospace;border:1px dashed #888;border-radius:2px;padding:0 .15rem;margin:0 .05rem;direction:ltr;unicode-bidi:isolate}
</style>
</head>
<body>
<header><h1>{{.Title}}</h1></header>
<nav id="toc"><h2>Documents</h2><ol>
{{- range .TOC}}
<li><a href="#{{.ID}}" dir="auto">{{.Name}}</a></li>
{{- end}}
</ol></nav>
<main>
{{end}}

{{- define "docStart" -}}
<article id="{{.ID}}" class="doc"><h2 dir="auto">{{.Name}}</h2><div class="text">
{{end}}

{{- define "section" -}}
<h3 class="sub" dir="auto">{{.}}</h3>
{{end}}

{{- define "block" -}}
<div class="blk {{.Class}}" lang="{{.Lang}}" dir="{{.Dir}}" title="{{.Title}}" data-block="{{.N}}" data-tag="{{.Tag}}">
{{- range .Lines}}<span class="ln">{{.Text}}</span>{{if .Break}}<span class="br"></span>{{"\n"}}{{end}}{{end -}}
</div>
{{with .Change -}}
<details class="chg"><summary>normalizer: {{.Changed}} characters changed in block #{{$.N}}</summary><div class="ba">
<span>before</span><div lang="{{$.Lang}}" dir="{{$.Dir}}">{{template "segs" .Before}}</div>
<span>after</span><div lang="{{$.Lang}}" dir="{{$.Dir}}">{{template "segs" .After}}</div>
</div></details>
{{end}}
{{- end}}

{{- define "segs" -}}
{{range .}}{{if .Name}}{{if eq .Kind "del"}}<del class="inv" title="{{.Code}}">{{.Name}}</del>{{else if eq .Kind "ins"}}<ins class="inv" title="{{.Code}}">{{.Name}}</ins>{{else}}<span class="inv" title="{{.Code}}">{{.Name}}</span>{{end}}{{else if eq .Kind "del"}}<del>{{.Text}}</del>{{else if eq .Kind "ins"}}<ins>{{.Text}}</ins>{{else}}{{.Text}}{{end}}{{end}}
{{- end}}

{{- define "docEnd" -}}
</div>
{{- if .Truncated}}
<p class="note">This document is cut short here: the report shows its first {{.Shown}} of {{.Total}} bytes. The blocks left out still count below.</p>
{{- end}}
{{- if .Err}}
<p class="note err">This document is incomplete: {{.Err}}</p>
{{- end}}
{{template "legend" .Legend}}
</article>
{{end}}

{{- define "legend" -}}
<table class="legend"><tr><th>language</th><th>blocks</th><th>bytes</th></tr>
{{- range .}}
<tr><td><span class="sw {{langClass .Lang}}"></span> {{.Lang}}</td><td>{{.Blocks}}</td><td>{{.Bytes}}</td></tr>
{{- end}}
</table>
{{- end}}

{{- define "tail" -}}
</main>
<section id="summary"><h2>All documents</h2>
{{template "legend" .Legend}}
</section>
</body>
</html>
{{end}}
`))
