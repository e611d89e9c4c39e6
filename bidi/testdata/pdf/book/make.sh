#!/bin/sh
# Rebuilds the extracted text of the "book" fixture from source.txt (text
# written for this fixture by the langsplit authors): six short sections of
# Persian prose with ZWNJs, Persian and ASCII digits, inline English, an
# e-mail address and footnotes ({{...}} in source.txt). It is typeset
#   xelatex-nazli:  XeLaTeX, xepersian, FarsiWeb Nazli
#   xelatex-amiri:  XeLaTeX, xepersian, Amiri
#   lualatex-nazli: LuaLaTeX, polyglossia, Nazli, texnegar kashida
#   lualatex-amiri: LuaLaTeX, polyglossia, Amiri, texnegar kashida
# and extracted with pdftotext and pdftotext -raw (NAME.default.txt,
# NAME.raw.txt). Needs Debian's texlive-xetex, texlive-luatex,
# texlive-lang-arabic, fonts-farsiweb, fonts-hosny-amiri, fonts-dejavu-core
# and poppler-utils; the tests read only the committed .txt files.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# $1: the command that marks a left-to-right run.
body() {
	sed -E "s/([A-Za-z][A-Za-z0-9.@]*[A-Za-z0-9]|[0-9]+(\.[0-9]+)?)/$1{\1}/g
		s/\{\{([^}]*)\}\}/\\\\footnote{\1}/g
		s/^(بخش [^:]*:.*)$/\\\\section*{\1}/
		/section/!s/$/\\\\par/" source.txt
}
body '\\lr' > "$tmp/body-xe.tex"
body '\\textenglish' > "$tmp/body-lua.tex"
for font in Nazli Amiri; do
	cat > "$tmp/xe-$font.tex" <<TEX
\documentclass{article}
\usepackage[a5paper,margin=2cm]{geometry}
\usepackage{xepersian}
\settextfont{$font}
\setlatintextfont{DejaVu Sans}
\pagestyle{plain}
\begin{document}
\input{body-xe.tex}
\end{document}
TEX
done
for font in Nazli Amiri; do
	cat > "$tmp/lua-$font.tex" <<TEX
\documentclass{article}
\usepackage[a5paper,margin=2cm]{geometry}
\usepackage{fontspec}
\usepackage{polyglossia}
\setmainlanguage{persian}
\setotherlanguage{english}
\setmainfont[Script=Arabic]{$font}
\newfontfamily\englishfont{DejaVu Sans}
\usepackage[Minimal=On,Kashida=leaders]{texnegar}
\pagestyle{plain}
\begin{document}
\input{body-lua.tex}
\end{document}
TEX
done
(cd "$tmp" && for f in xe-Nazli xe-Amiri; do xelatex -interaction=nonstopmode $f.tex >/dev/null; done &&
	for f in lua-Nazli lua-Amiri; do lualatex -interaction=nonstopmode $f.tex >/dev/null; done)
for pair in xelatex-nazli:xe-Nazli xelatex-amiri:xe-Amiri lualatex-nazli:lua-Nazli lualatex-amiri:lua-Amiri; do
	name=${pair%%:*} pdf=$tmp/${pair#*:}.pdf
	pdftotext "$pdf" - | tr -d '\f' > "$name.default.txt"
	pdftotext -raw "$pdf" - | tr -d '\f' > "$name.raw.txt"
done
