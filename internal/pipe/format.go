package pipe

import (
	"context"
	"io"
	"strings"
)

// Format reads the documents of one input. A new format is one file with
// a type that implements Format (embedding formatInfo), and one entry in
// formats.
type Format interface {
	// Name is the format's --input-format value.
	Name() string
	// Exts are the file-name endings (lower case, after a final ".gz" is
	// removed) that auto reads in this format.
	Exts() []string
	// Sniff reports whether head, an input's first bytes (decompressed),
	// shows this format (auto, when the name does not decide).
	Sniff(head []byte) bool
	// Input says what Read is given.
	Input() InputKind
	// Read reads the input r, of the kind Input says, and hands its
	// documents to e.Document, and its bad documents to e.Bad.
	Read(ctx context.Context, in *Input, r io.Reader, e *Env) error
}

// InputKind is what a Format's Read reads.
type InputKind uint8

// The kinds of input a Format reads.
const (
	Decoded InputKind = iota // UTF-8 text, decompressed and decoded by the pipeline as --encoding says
	Bytes                    // the bytes decompressed (.gz), not decoded: the format knows the charset
	Stored                   // the bytes as stored: the format decompresses and decodes them
)

// formats are the formats, in the order auto tries their Sniff rules;
// the first is the default of auto.
var formats = []Format{
	textFormat{formatInfo{"text", nil, Decoded}},
	jsonlFormat{formatInfo{"jsonl", []string{".jsonl"}, Decoded}},
	htmlFormat{formatInfo{"html", []string{".html", ".htm"}, Bytes}},
	warcFormat{formatInfo{"warc", []string{".warc", ".wet"}, Stored}},
}

// formatInfo is what a format says of itself, as its entry in formats
// gives it: a format type embeds it for Name, Exts and Input, and for a
// Sniff that recognizes nothing (text, jsonl), which a format that knows
// its first bytes overrides.
type formatInfo struct {
	name  string
	exts  []string
	input InputKind
}

// Name implements Format.
func (f formatInfo) Name() string { return f.name }

// Exts implements Format.
func (f formatInfo) Exts() []string { return f.exts }

// Sniff implements Format: nothing is known by its first bytes.
func (formatInfo) Sniff([]byte) bool { return false }

// Input implements Format.
func (f formatInfo) Input() InputKind { return f.input }

// Formats returns the formats' names.
func Formats() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name()
	}
	return names
}

// FormatNames returns "auto, text, jsonl, html or warc", for messages.
func FormatNames() string {
	names := append([]string{"auto"}, Formats()...)
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// Lookup returns the format named name, or nil.
func Lookup(name string) Format {
	for _, f := range formats {
		if f.Name() == name {
			return f
		}
	}
	return nil
}
