// Package doccheck has no code: its tests hold the repository's Markdown to
// what a reader needs, README.md short enough to read (at most MaxReadme
// bytes) and every relative link of README.md and docs/*.md pointing at a
// file, and a heading, that exist.
package doccheck

// MaxReadme is the most bytes README.md may have: the detail belongs in
// docs/.
const MaxReadme = 12 << 10
