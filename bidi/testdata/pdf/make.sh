#!/bin/sh
# Rebuilds the PDF-extraction fixture from source.txt (text written for this
# fixture by the langsplit authors). Needs Debian's texlive-xetex,
# texlive-lang-arabic (xepersian), fonts-hosny-amiri, fonts-dejavu-core and
# poppler-utils; the tests read only the committed .txt files.
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Latin words, dotted numbers and domains go into \lr{...}.
sed -E 's/([A-Za-z][A-Za-z0-9.]*[A-Za-z0-9]|[0-9]+\.[0-9]+)/\\lr{\1}/g; s/$/\\par/' source.txt > "$tmp/body.tex"
cat > "$tmp/doc.tex" <<'TEX'
\documentclass{article}
\usepackage{xepersian}
\settextfont{Amiri}
\setlatintextfont{DejaVu Sans}
\pagestyle{empty}
\begin{document}
\input{body.tex}
\end{document}
TEX
(cd "$tmp" && xelatex -interaction=nonstopmode doc.tex >/dev/null)
pdftotext "$tmp/doc.pdf" - | tr -d '\f' | sed '/^$/d' > pdftotext.txt
pdftotext -raw "$tmp/doc.pdf" - | tr -d '\f' | sed '/^$/d' > pdftotext-raw.txt
